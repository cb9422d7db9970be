/**
 * How much Ignition config each platform takes as user data, and how it counts: one dated table,
 * every row with its source. Rows were checked on 2026-12-02 against stored copies of the sources
 * (Kindling cannot browse the web). `verified` rows quote the provider's own documentation or API
 * error text; `secondary` rows rely on a maintainer's statement or a reproduced API text; rows with
 * `limit: null` have no documented limit that could be found.
 *
 * Ignition decompresses gzip user data only on VMware (guestinfo `gzip+base64`) and Akamai
 * (coreos/ignition internal/providers/vmware/vmware.go, internal/providers/akamai/akamai.go):
 * everywhere else a gzipped config would not parse, so only the uncompressed forms count.
 */

/** How a platform counts the bytes it stores. */
export type Encoding = "raw" | "base64" | "gzip+base64";

export interface PlatformRow {
  /** Stable id (preferences, `kindling --platform`), e.g. `aws`. */
  id: string;
  label: string;
  /** Largest accepted size in bytes, as `encodings` count it; null when none is documented. */
  limit: number | null;
  /** The forms the user data may take there, each counted as the platform counts it. */
  encodings: readonly Encoding[];
  checked: string;
  verified: "verified" | "secondary" | "unknown";
  sources: readonly string[];
  note: string;
}

export const PLATFORMS: readonly PlatformRow[] = [
  {
    id: "aws",
    label: "AWS EC2",
    limit: 16 * 1024,
    encodings: ["raw"],
    checked: "2026-12-02",
    verified: "verified",
    sources: ["https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/instancedata-add-user-data.html", "https://github.com/flatcar/Flatcar/issues/143"],
    note: '"User data is limited to 16 KB, in raw form, before it is base64-encoded." The API error reads "User data is limited to 16384 bytes".',
  },
  {
    id: "azure",
    label: "Microsoft Azure",
    limit: 65535,
    encodings: ["raw"],
    checked: "2026-12-02",
    verified: "verified",
    sources: ["https://learn.microsoft.com/en-us/javascript/api/@azure/arm-compute/osprofileprovisioningdata"],
    note: 'osProfile.customData: "The base-64 encoded string is decoded to a binary array … The maximum length of the binary array is 65535 bytes."',
  },
  {
    id: "gcp",
    label: "Google Cloud",
    limit: 262144,
    encodings: ["raw"],
    checked: "2026-12-02",
    verified: "verified",
    sources: [
      "https://cloud.google.com/compute/docs/reference/rest/v1/instances",
      "https://cloud.google.com/dotnet/docs/reference/Google.Cloud.Compute.V1/latest/Google.Cloud.Compute.V1.Items",
    ],
    note: 'Ignition reads the `user-data` metadata value; a value\'s size "must be less than or equal to 262144 bytes (256 KiB)" and all metadata together less than 512 KB.',
  },
  {
    id: "digitalocean",
    label: "DigitalOcean",
    limit: 64 * 1024,
    encodings: ["raw"],
    checked: "2026-12-02",
    verified: "secondary",
    sources: ["https://docs.digitalocean.com/reference/api/digitalocean/#tag/Droplets/operation/droplets_create"],
    note: 'Droplet create, user_data: "It must be plain text and may not exceed 64 KiB in size." (quoted from the API reference as reproduced in DigitalOcean\'s generated SDKs).',
  },
  {
    id: "hetzner",
    label: "Hetzner Cloud",
    limit: 32768,
    encodings: ["raw"],
    checked: "2026-12-02",
    verified: "secondary",
    sources: [
      "https://docs.hetzner.cloud/reference/cloud#tag/servers/create_server",
      "https://github.com/hetznercloud/terraform-provider-hcloud/pull/1499",
      "https://github.com/jikig-ai/soleur/issues/5921",
    ],
    note: 'The API rejects larger user_data with "Length must be between 0 and 32768" (reported 2026-07-02); the hcloud Terraform provider documented the limit on 2026-07-22.',
  },
  {
    id: "openstack",
    label: "OpenStack (Nova)",
    limit: 65535,
    encodings: ["base64"],
    checked: "2026-12-02",
    verified: "verified",
    sources: ["https://docs.openstack.org/nova/latest/user/user-data.html"],
    note: '"The provided user data must be base64 encoded and is restricted to 65535 bytes." Clouds may configure other limits.',
  },
  {
    id: "vultr",
    label: "Vultr",
    limit: null,
    encodings: ["base64"],
    checked: "2026-12-02",
    verified: "unknown",
    sources: ["https://www.vultr.com/api/#tag/instances/operation/create-instance"],
    note: 'The API takes "the user-supplied, base64 encoded user data"; no size limit is documented there, and none was found elsewhere.',
  },
  {
    id: "equinix-metal",
    label: "Equinix Metal",
    limit: null,
    encodings: ["raw"],
    checked: "2026-12-02",
    verified: "unknown",
    sources: ["https://github.com/coreos/ignition/blob/main/docs/supported-platforms.md"],
    note: "Ignition reads the instance userdata (`packet` provider); no size limit for Equinix Metal userdata was found.",
  },
  {
    id: "vmware",
    label: "VMware (guestinfo)",
    limit: 64 * 1024,
    encodings: ["raw", "base64", "gzip+base64"],
    checked: "2026-12-02",
    verified: "secondary",
    sources: [
      "https://github.com/vmware-tanzu/vm-operator/issues/148",
      "https://github.com/vmware/open-vm-tools/blob/master/open-vm-tools/lib/include/guest_msg_def.h",
      "https://github.com/coreos/ignition/blob/main/docs/supported-platforms.md",
    ],
    note: 'A guestinfo value is at most 64 KiB (GUESTMSG_MAX_IN_SIZE in open-vm-tools, per vm-operator#148, 2023-05-11); the whole .vmx is 1 MiB by default. Ignition reads guestinfo.ignition.config.data with encoding "", "base64" or "gzip+base64".',
  },
  {
    id: "qemu",
    label: "QEMU (fw_cfg)",
    limit: null,
    encodings: ["raw"],
    checked: "2026-12-02",
    verified: "verified",
    sources: [
      "https://github.com/coreos/ignition/blob/main/internal/providers/qemu/qemu_fwcfg.go",
      "https://github.com/coreos/ignition/blob/main/docs/release-notes.md",
    ],
    note: 'No hard limit: Ignition reads opt/com.coreos/config whatever its size, but the read takes quadratic time and Ignition warns after 10 s ("Consider moving large files or config fragments to a remote URL").',
  },
];

/** The row for `id`, if there is one. */
export function findPlatform(id: string): PlatformRow | undefined {
  return PLATFORMS.find((p) => p.id === id);
}

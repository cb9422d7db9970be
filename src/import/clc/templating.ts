/**
 * ct's dynamic data: `{HOSTNAME}`, `{PRIVATE_IPV4}` … in etcd and flannel options become the
 * variables coreos-metadata writes to /run/metadata/coreos for the platform given with
 * `--platform`, and the generated unit then waits for coreos-metadata.service. The table is ct's
 * (config/templating/templating.go); the same names on Flatcar (coreos-metadata is Afterburn).
 */
import { ImportError } from "../types.ts";

const TABLE: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  azure: { PRIVATE_IPV4: "COREOS_AZURE_IPV4_DYNAMIC", PUBLIC_IPV4: "COREOS_AZURE_IPV4_VIRTUAL" },
  digitalocean: {
    HOSTNAME: "COREOS_DIGITALOCEAN_HOSTNAME",
    PRIVATE_IPV4: "COREOS_DIGITALOCEAN_IPV4_PRIVATE_0",
    PUBLIC_IPV4: "COREOS_DIGITALOCEAN_IPV4_PUBLIC_0",
    PRIVATE_IPV6: "COREOS_DIGITALOCEAN_IPV6_PRIVATE_0",
    PUBLIC_IPV6: "COREOS_DIGITALOCEAN_IPV6_PUBLIC_0",
  },
  ec2: { HOSTNAME: "COREOS_EC2_HOSTNAME", PRIVATE_IPV4: "COREOS_EC2_IPV4_LOCAL", PUBLIC_IPV4: "COREOS_EC2_IPV4_PUBLIC" },
  gce: { HOSTNAME: "COREOS_GCE_HOSTNAME", PRIVATE_IPV4: "COREOS_GCE_IP_LOCAL_0", PUBLIC_IPV4: "COREOS_GCE_IP_EXTERNAL_0" },
  packet: {
    HOSTNAME: "COREOS_PACKET_HOSTNAME",
    PRIVATE_IPV4: "COREOS_PACKET_IPV4_PRIVATE_0",
    PUBLIC_IPV4: "COREOS_PACKET_IPV4_PUBLIC_0",
    PUBLIC_IPV6: "COREOS_PACKET_IPV6_PUBLIC_0",
  },
  "openstack-metadata": { HOSTNAME: "COREOS_OPENSTACK_HOSTNAME", PRIVATE_IPV4: "COREOS_OPENSTACK_IPV4_LOCAL", PUBLIC_IPV4: "COREOS_OPENSTACK_IPV4_PUBLIC" },
  "vagrant-virtualbox": { HOSTNAME: "COREOS_VAGRANT_VIRTUALBOX_HOSTNAME", PRIVATE_IPV4: "COREOS_VAGRANT_VIRTUALBOX_PRIVATE_IPV4" },
  "cloudstack-configdrive": { HOSTNAME: "CLOUDSTACK_LOCAL_HOSTNAME" },
  custom: {
    HOSTNAME: "COREOS_CUSTOM_HOSTNAME",
    PRIVATE_IPV4: "COREOS_CUSTOM_PRIVATE_IPV4",
    PUBLIC_IPV4: "COREOS_CUSTOM_PUBLIC_IPV4",
    PRIVATE_IPV6: "COREOS_CUSTOM_PRIVATE_IPV6",
    PUBLIC_IPV6: "COREOS_CUSTOM_PUBLIC_IPV6",
  },
};

/** The platforms ct's `--platform` accepts. */
export const CLC_PLATFORMS: readonly string[] = Object.keys(TABLE);

export function hasTemplating(args: readonly string[]): boolean {
  return args.some((a) => a.includes("{") || a.includes("}"));
}

/** Replaces `{FIELD}` with `${VARIABLE}` of the platform, left to right, as ct does. */
export function performTemplating(platform: string, args: readonly string[]): string[] {
  const table = TABLE[platform];
  if (!table) throw new ImportError(`unsupported platform ${platform}; ct's platforms are ${CLC_PLATFORMS.join(", ")}`);
  return args.map((arg) => {
    let s = arg;
    let start = s.indexOf("{");
    let end = s.indexOf("}");
    while (start !== -1 && end !== -1 && start < end) {
      const field = s.slice(start + 1, end);
      const value = table[field];
      if (value === undefined)
        throw new ImportError(
          `unknown field {${field}} for platform ${platform}: it has ${Object.keys(table)
            .map((k) => `{${k}}`)
            .join(", ")}`,
        );
      s = s.replace(`{${field}}`, "${" + value + "}");
      // search on after the substitution's old end, so the braces just written are skipped
      start = s.indexOf("{", end);
      end = start === -1 ? -1 : s.indexOf("}", start);
    }
    return s;
  });
}

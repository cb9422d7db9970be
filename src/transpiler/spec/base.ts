/**
 * Butane's base schema versions (shared by every variant), each the previous one plus its
 * changes. Field order is Go's struct field order: it decides traversal order and hence the
 * order of report entries.
 */
import { bool, extendSpec, field, int, list, named, ref, str, type SpecDesc, type StructDesc } from "./kit.ts";
import { GPT_PARTITION_TYPES } from "./gpt-types.ts";

const FORMATS_3_0 = ["ext4", "btrfs", "xfs", "swap", "vfat"] as const;
const RAID_LEVELS = ["linear", "raid0", "0", "stripe", "raid1", "1", "mirror", "raid4", "4", "raid5", "5", "raid6", "6", "raid10", "10"] as const;
const COMPRESSION = ["", "gzip"] as const;

const nodeFields = (what: string) => [
  field("group", ref("NodeGroup"), `Group that owns the ${what}.`),
  field("overwrite", bool(), `Whether to replace an existing ${what} at the path.`),
  field("path", str(), `Absolute path of the ${what}.`, { required: true, hint: "path", goPtr: false }),
  field("user", ref("NodeUser"), `User that owns the ${what}.`),
];

const verification: StructDesc = {
  fields: [field("hash", str(), "Hash of the contents as `sha512-<hex>` (or `sha256-<hex>` from Ignition 3.1).")],
};

/** fcos 1.0.0: Ignition 3.0.0. */
export const v0_1: SpecDesc = {
  pkg: "v0_1",
  variantPkg: "v0_1",
  typePkgs: {},
  root: "Config",
  types: {
    Config: {
      fields: [
        field("version", str(), "Butane spec version of this config.", { required: true, goPtr: false }),
        field("variant", str(), "Which operating system the config is for.", { required: true, goPtr: false }),
        field("ignition", ref("Ignition"), "Settings for Ignition itself: config merging, TLS, timeouts."),
        field("passwd", ref("Passwd"), "Users and groups to create or modify."),
        field("storage", ref("Storage"), "Disks, filesystems, files, directories and links."),
        field("systemd", ref("Systemd"), "Systemd units to write, enable or mask."),
      ],
    },
    Ignition: {
      fields: [
        field("config", ref("IgnitionConfig"), "Other Ignition configs to merge into or replace this one."),
        field("security", ref("Security"), "Security settings for fetching remote resources."),
        field("timeouts", ref("Timeouts"), "HTTP timeouts for fetching remote resources."),
      ],
    },
    IgnitionConfig: {
      fields: [
        field("merge", list(ref("ConfigReference")), "Configs merged into this one, in order."),
        field("replace", ref("ConfigReference"), "A config that replaces this one."),
      ],
    },
    ConfigReference: {
      fields: [
        field("source", str(), "URL of the config.", { required: true, hint: "url" }),
        field("verification", ref("Verification"), "Hash the fetched config must match."),
      ],
    },
    CaReference: {
      fields: [
        field("source", str(), "URL of the certificate bundle (PEM).", { required: true, hint: "url", goPtr: false }),
        field("verification", ref("Verification"), "Hash the fetched certificate must match."),
      ],
    },
    Verification: verification,
    Security: { fields: [field("tls", ref("TLS"), "TLS settings.")] },
    TLS: {
      fields: [field("certificate_authorities", list(ref("CaReference")), "Extra certificate authorities trusted when fetching HTTPS resources.")],
    },
    Timeouts: {
      fields: [
        field("http_response_headers", int(), "Seconds to wait for HTTP response headers."),
        field("http_total", int(), "Seconds a whole HTTP request may take."),
      ],
    },
    Passwd: {
      fields: [field("groups", list(ref("PasswdGroup")), "Groups to create or modify."), field("users", list(ref("PasswdUser")), "Users to create or modify.")],
    },
    PasswdGroup: {
      fields: [
        field("gid", int(), "Group ID."),
        field("name", str(), "Group name.", { required: true, goPtr: false }),
        field("password_hash", str(), "Hashed group password.", { hint: "secret" }),
        field("system", bool(), "Create a system group."),
      ],
    },
    PasswdUser: {
      fields: [
        field("gecos", str(), "GECOS field (full name)."),
        field("groups", list(named("Group", str())), "Supplementary groups."),
        field("home_dir", str(), "Home directory."),
        field("name", str(), "User name.", { required: true, goPtr: false }),
        field("no_create_home", bool(), "Do not create the home directory."),
        field("no_log_init", bool(), "Do not add the user to lastlog/faillog."),
        field("no_user_group", bool(), "Do not create a group with the user's name."),
        field("password_hash", str(), "Hashed password (e.g. from `mkpasswd --method=yescrypt`).", { hint: "secret" }),
        field("primary_group", str(), "Primary group."),
        field("ssh_authorized_keys", list(named("SSHAuthorizedKey", str())), "SSH public keys allowed to log in as this user."),
        field("shell", str(), "Login shell."),
        field("system", bool(), "Create a system user."),
        field("uid", int(), "User ID."),
      ],
    },
    Storage: {
      fields: [
        field("directories", list(ref("Directory")), "Directories to create."),
        field("disks", list(ref("Disk")), "Disks to partition."),
        field("files", list(ref("File")), "Files to write."),
        field("filesystems", list(ref("Filesystem")), "Filesystems to create."),
        field("links", list(ref("Link")), "Symbolic and hard links to create."),
        field("raid", list(ref("Raid")), "Software RAID arrays to create."),
      ],
    },
    NodeUser: {
      fields: [field("id", int(), "User ID."), field("name", str(), "User name.")],
    },
    NodeGroup: {
      fields: [field("id", int(), "Group ID."), field("name", str(), "Group name.")],
    },
    Directory: {
      fields: [...nodeFields("directory"), field("mode", int(), "Permission bits, e.g. 0755 (write it in octal).", { hint: "mode" })],
    },
    File: {
      fields: [
        ...nodeFields("file"),
        field("append", list(ref("FileContents")), "Contents appended to the file."),
        field("contents", ref("FileContents"), "Contents of the file."),
        field("mode", int(), "Permission bits, e.g. 0644 (write it in octal).", { hint: "mode" }),
      ],
    },
    FileContents: {
      fields: [
        field("compression", str(COMPRESSION), "Compression of the contents (`gzip`), if already compressed."),
        field("source", str(), "URL of the contents (http, https, tftp, s3, data …).", { hint: "url" }),
        field("inline", str(), "The contents, written inline.", { hint: "multiline" }),
        field("verification", ref("Verification"), "Hash the contents must match."),
      ],
    },
    Link: {
      fields: [
        ...nodeFields("link"),
        field("hard", bool(), "Create a hard link instead of a symbolic link."),
        field("target", str(), "Path the link points to.", { required: true, goPtr: false }),
      ],
    },
    Disk: {
      fields: [
        field("device", str(), "Path of the disk device, e.g. /dev/vdb.", { required: true, hint: "path", goPtr: false }),
        field("partitions", list(ref("Partition")), "Partitions to create or check."),
        field("wipe_table", bool(), "Wipe the partition table before partitioning."),
      ],
    },
    Partition: {
      fields: [
        field("guid", str(), "Unique GUID of the partition."),
        field("label", str(), "Partition label (at most 36 characters)."),
        field("number", int(), "Partition number; 0 means the next free one.", { goPtr: false }),
        field("should_exist", bool(), "Whether the partition should exist (false deletes it)."),
        field("size_mib", int(), "Size in MiB; 0 fills the available space."),
        field("start_mib", int(), "Start in MiB; 0 means the start of the largest free block."),
        field("type_guid", str(), "Partition type GUID.", { suggest: GPT_PARTITION_TYPES }),
        field("wipe_partition_entry", bool(), "Allow deleting a partition entry that does not match."),
      ],
    },
    Filesystem: {
      fields: [
        field("device", str(), "Block device to create the filesystem on.", { required: true, hint: "path", goPtr: false }),
        field("format", str(FORMATS_3_0), "Filesystem type.", { required: true }),
        field("label", str(), "Filesystem label."),
        field("options", list(named("FilesystemOption", str())), "Extra options for mkfs."),
        field("path", str(), "Where to mount the filesystem (during provisioning, and with with_mount_unit at boot).", { hint: "path" }),
        field("uuid", str(), "Filesystem UUID."),
        field("wipe_filesystem", bool(), "Wipe an existing filesystem instead of reusing it."),
      ],
    },
    Raid: {
      fields: [
        field("devices", list(named("Device", str())), "Member devices of the array.", { required: true }),
        field("level", str(RAID_LEVELS), "RAID level.", { required: true, goPtr: false }),
        field("name", str(), "Name of the array (/dev/md/NAME).", { required: true, goPtr: false }),
        field("options", list(named("RaidOption", str())), "Extra options for mdadm."),
        field("spares", int(), "Number of spare devices."),
      ],
    },
    Systemd: {
      fields: [field("units", list(ref("Unit")), "Systemd units.")],
    },
    Unit: {
      fields: [
        field("contents", str(), "Contents of the unit file.", { hint: "multiline" }),
        field("dropins", list(ref("Dropin")), "Drop-in files for the unit."),
        field("enabled", bool(), "Enable the unit (needs an [Install] section)."),
        field("mask", bool(), "Mask the unit."),
        field("name", str(), "Unit name, with its extension (e.g. app.service).", { required: true, goPtr: false }),
      ],
    },
    Dropin: {
      fields: [
        field("contents", str(), "Contents of the drop-in.", { hint: "multiline" }),
        field("name", str(), "Drop-in file name, ending in .conf.", { required: true, goPtr: false }),
      ],
    },
  },
};

/** Resource fields from fcos 1.1.0 on (Ignition 3.1.0). */
const resourceV0_2: StructDesc = {
  fields: [
    field("compression", str(COMPRESSION), "Compression of the contents (`gzip`), if already compressed."),
    field("http_headers", named("HTTPHeaders", list(ref("HTTPHeader"))), "HTTP headers sent when fetching the source."),
    field("source", str(), "URL of the contents (http, https, tftp, s3, data …).", { hint: "url" }),
    field("inline", str(), "The contents, written inline.", { hint: "multiline" }),
    field("local", str(), "A file in the files directory (--files-dir) whose contents to use."),
    field("verification", ref("Verification"), "Hash the contents must match."),
  ],
};

/** fcos 1.1.0: Ignition 3.1.0. */
export const v0_2 = extendSpec(v0_1, {
  pkg: "v0_2",
  types: {
    Resource: resourceV0_2,
    HTTPHeader: {
      fields: [field("name", str(), "Header name.", { required: true, goPtr: false }), field("value", str(), "Header value.")],
    },
    Proxy: {
      fields: [
        field("http_proxy", str(), "Proxy for HTTP requests.", { hint: "url" }),
        field("https_proxy", str(), "Proxy for HTTPS requests.", { hint: "url" }),
        field("no_proxy", list(str()), "Hosts reached without the proxy."),
      ],
    },
    Tree: {
      fields: [
        field("local", str(), "Directory in the files directory whose contents are copied.", { required: true, goPtr: false }),
        field("path", str(), "Where the tree lands on the machine (default /).", { hint: "path" }),
      ],
    },
  },
  change: {
    IgnitionConfig: [
      field("merge", list(ref("Resource")), "Configs merged into this one, in order."),
      field("replace", ref("Resource"), "A config that replaces this one."),
    ],
    TLS: [field("certificate_authorities", list(ref("Resource")), "Extra certificate authorities trusted when fetching HTTPS resources.")],
    File: [field("append", list(ref("Resource")), "Contents appended to the file."), field("contents", ref("Resource"), "Contents of the file.")],
    Filesystem: [field("options", list(str()), "Extra options for mkfs.")],
  },
  add: {
    Ignition: [{ field: field("proxy", ref("Proxy"), "HTTP(S) proxy used to fetch remote resources."), after: "config" }],
    Filesystem: [
      { field: field("mount_options", list(str()), "Options used when mounting."), after: "label" },
      { field: field("with_mount_unit", bool(), "Generate a systemd mount unit that mounts it at boot."), after: "wipe_filesystem" },
    ],
    Storage: [{ field: field("trees", list(ref("Tree")), "Directory trees from the files directory to copy.") }],
  },
  dropTypes: ["ConfigReference", "CaReference", "FileContents"],
});

/** fcos 1.2.0: Ignition 3.2.0. */
export const v0_3 = extendSpec(v0_2, {
  pkg: "v0_3",
  types: {
    Luks: {
      fields: [
        field("clevis", ref("Clevis"), "Bind the volume with Clevis (TPM2, Tang).", { goPtr: true }),
        field("device", str(), "Block device to encrypt.", { required: true, hint: "path" }),
        field("key_file", ref("Resource"), "Key file that unlocks the volume."),
        field("label", str(), "LUKS label."),
        field("name", str(), "Name of the opened device (/dev/mapper/NAME).", { required: true, goPtr: false }),
        field("options", list(named("LuksOption", str())), "Extra options for cryptsetup luksFormat."),
        field("uuid", str(), "LUKS UUID."),
        field("wipe_volume", bool(), "Wipe an existing volume instead of reusing it."),
      ],
    },
    Clevis: {
      fields: [
        field("custom", ref("Custom"), "A custom Clevis pin configuration.", { goPtr: true }),
        field("tang", list(ref("Tang")), "Tang servers."),
        field("threshold", int(), "How many pins must succeed to unlock."),
        field("tpm2", bool(), "Bind to the machine's TPM2."),
      ],
    },
    Custom: {
      fields: [
        field("config", str(), "Clevis configuration (JSON).", { required: true, goPtr: false }),
        field("needs_network", bool(), "Whether unlocking needs the network."),
        field("pin", str(["tpm2", "tang", "sss"]), "Clevis pin.", { required: true, goPtr: false }),
      ],
    },
    Tang: {
      fields: [
        field("thumbprint", str(), "Thumbprint of a trusted Tang signing key.", { required: true }),
        field("url", str(), "URL of the Tang server.", { required: true, hint: "url", goPtr: false }),
      ],
    },
  },
  add: {
    PasswdGroup: [{ field: field("should_exist", bool(), "Whether the group should exist (false deletes it)."), after: "password_hash" }],
    PasswdUser: [{ field: field("should_exist", bool(), "Whether the user should exist (false deletes it)."), after: "primary_group" }],
    Partition: [{ field: field("resize", bool(), "Grow an existing partition to the given size."), after: "number" }],
    Storage: [{ field: field("luks", list(ref("Luks")), "LUKS encrypted volumes."), after: "links" }],
  },
});

/** fcos 1.4.0: Ignition 3.3.0. */
export const v0_4 = extendSpec(v0_3, {
  pkg: "v0_4",
  types: {
    KernelArguments: {
      fields: [
        field("should_exist", list(named("KernelArgument", str())), "Kernel arguments that must be present."),
        field("should_not_exist", list(named("KernelArgument", str())), "Kernel arguments that must be absent."),
      ],
    },
    // Renamed from Custom, its fields now pointers.
    ClevisCustom: {
      fields: [
        field("config", str(), "Clevis configuration (JSON).", { required: true }),
        field("needs_network", bool(), "Whether unlocking needs the network."),
        field("pin", str(["tpm2", "tang", "sss"]), "Clevis pin.", { required: true }),
      ],
    },
  },
  add: {
    Config: [{ field: field("kernel_arguments", ref("KernelArguments"), "Kernel arguments to add or remove."), after: "ignition" }],
  },
  change: {
    Filesystem: [field("format", str([...FORMATS_3_0, "none"]), "Filesystem type.", { required: true })],
    Link: [field("target", str(), "Path the link points to.", { required: true })],
    Luks: [field("clevis", ref("Clevis"), "Bind the volume with Clevis (TPM2, Tang).")],
    Clevis: [field("custom", ref("ClevisCustom"), "A custom Clevis pin configuration.")],
    Raid: [field("level", str(RAID_LEVELS), "RAID level.", { required: true })],
  },
  dropTypes: ["Custom"],
});

/** fcos 1.5.0: Ignition 3.4.0. */
export const v0_5 = extendSpec(v0_4, {
  pkg: "v0_5",
  add: {
    Tang: [{ field: field("advertisement", str(), "The Tang server's advertisement (JSON), for offline provisioning.") }],
    Luks: [
      { field: field("discard", bool(), "Allow discards (TRIM) through the volume."), after: "device" },
      { field: field("open_options", list(str()), "Extra options for cryptsetup luksOpen."), after: "name" },
    ],
    PasswdUser: [
      { field: field("ssh_authorized_keys_local", list(str()), "Files in the files directory holding SSH public keys."), after: "ssh_authorized_keys" },
    ],
    Unit: [{ field: field("contents_local", str(), "A file in the files directory holding the unit's contents."), after: "contents" }],
    Dropin: [{ field: field("contents_local", str(), "A file in the files directory holding the drop-in's contents."), after: "contents" }],
  },
  change: {
    Luks: [field("options", list(str()), "Extra options for cryptsetup luksFormat.")],
    Raid: [field("options", list(str()), "Extra options for mdadm.")],
  },
});

/** fcos 1.6.0: Ignition 3.5.0. */
export const v0_6 = extendSpec(v0_5, {
  pkg: "v0_6",
  types: { Cex: { fields: [field("enabled", bool(), "Use IBM Crypto Express (s390x) to protect the key.")] } },
  add: { Luks: [{ field: field("cex", ref("Cex"), "Protect the volume with an IBM Crypto Express card."), first: true }] },
});

/** fcos 1.7.0: Ignition 3.6.0. */
export const v0_7 = extendSpec(v0_6, {
  pkg: "v0_7",
  add: {
    Tree: [
      { field: field("user", ref("NodeUser"), "User that owns every node of the tree.") },
      { field: field("group", ref("NodeGroup"), "Group that owns every node of the tree."), first: true },
      { field: field("file_mode", int(), "Permission bits of every file of the tree.", { hint: "mode" }) },
      { field: field("dir_mode", int(), "Permission bits of every directory of the tree.", { hint: "mode" }) },
    ],
  },
  change: { ClevisCustom: [field("pin", str(), "Clevis pin.", { required: true })] },
});

/** fcos 1.8.0-experimental: Ignition 3.7.0-experimental. */
export const v0_8_exp = extendSpec(v0_7, {
  pkg: "v0_8_exp",
  types: {
    Quadlet: {
      fields: [
        field("contents", str(), "Contents of the quadlet file.", { hint: "multiline" }),
        field("contents_local", str(), "A file in the files directory holding the quadlet."),
        field("name", str(), "Quadlet file name (.container, .volume, .network, .kube, .image, .build, .pod, .artifact).", { required: true, goPtr: false }),
        field("rootful", bool(), "Install for the system (rootful) instead of for users (the default).", { goPtr: false }),
        field("dropins", list(ref("Dropin")), "Drop-ins for the quadlet."),
      ],
    },
  },
  add: { Systemd: [{ field: field("quadlets", list(ref("Quadlet")), "Podman quadlets (containers, volumes, networks …).") }] },
});

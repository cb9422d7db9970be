import { describe, expect, it } from "vitest";
import { IGNITION_VERSIONS, type IgnitionConfig, type IgnitionVersion } from "./types.ts";
import { validateIgnition, validateIgnitionChild } from "./validate.ts";

/** Entries as compact strings: `E storage.files.0.path: path not absolute`. */
function run(config: IgnitionConfig, version: IgnitionVersion): string[] {
  const ignition = typeof config["ignition"] === "object" ? config["ignition"] : {};
  const cfg = { ...config, ignition: { version, ...ignition } };
  return validateIgnition(cfg, version).map((e) => `${e.severity === "error" ? "E" : "W"} ${e.path.join(".")}: ${e.message}`);
}

const V = {
  v30: "3.0.0",
  v31: "3.1.0",
  v32: "3.2.0",
  v33: "3.3.0",
  v34: "3.4.0",
  v35: "3.5.0",
  v36: "3.6.0",
  v37: "3.7.0-experimental",
} as const satisfies Record<string, IgnitionVersion>;

const dataUrl = "data:,x";
const sha512 = "sha512-" + "0".repeat(128);
const sha256 = "sha256-" + "0".repeat(64);

interface Case {
  name: string;
  versions: readonly IgnitionVersion[];
  config: IgnitionConfig;
  want: string[];
}

const from = (v: IgnitionVersion): IgnitionVersion[] => IGNITION_VERSIONS.filter((x) => x >= v);
const upTo = (v: IgnitionVersion): IgnitionVersion[] => IGNITION_VERSIONS.filter((x) => x <= v);
const ALL = IGNITION_VERSIONS;

function table(title: string, cases: Case[]): void {
  describe(title, () => {
    for (const c of cases) {
      it.each(c.versions.map((v) => [v]))(`${c.name} (%s)`, (v) => {
        const got = run(c.config, v);
        expect(got, JSON.stringify(got, null, 1)).toEqual(c.want);
      });
    }
  });
}

table("valid configs", [
  { name: "empty", versions: ALL, config: {}, want: [] },
  {
    name: "typical files, units and users",
    versions: ALL,
    config: {
      passwd: { users: [{ name: "core", sshAuthorizedKeys: ["ssh-ed25519 AAA"] }] },
      storage: {
        directories: [{ path: "/etc/d", mode: 0o755 }],
        files: [{ path: "/etc/a", contents: { source: dataUrl, verification: { hash: sha512 } }, mode: 0o644 }],
        links: [{ path: "/etc/l", target: "/etc/a" }],
      },
      systemd: {
        units: [
          { name: "a.service", enabled: true, contents: "[Unit]\n[Service]\nExecStart=/bin/true\n[Install]\nWantedBy=multi-user.target\n" },
          { name: "b.service", dropins: [{ name: "x.conf", contents: "[Service]\nA=b\n" }] },
        ],
      },
    },
    want: [],
  },
]);

table("duplicates", [
  {
    name: "directories, files and links share one key space",
    versions: ALL,
    config: {
      storage: {
        directories: [{ path: "/a" }],
        files: [{ path: "/a" }, { path: "/b" }, { path: "/b" }],
        links: [
          { path: "/b", target: "/x" },
          { path: "/c", target: "/x" },
        ],
      },
    },
    want: ["E storage.files.0: duplicate entry defined", "E storage.files.2: duplicate entry defined", "E storage.links.0: duplicate entry defined"],
  },
  {
    name: "disks, filesystems, luks and raid (bad-dup-fs-raid-luks-disk)",
    versions: from(V.v32),
    config: {
      storage: {
        disks: [{ device: "/dev/vdb" }, { device: "/dev/vdb" }],
        raid: [
          { name: "md0", level: "raid1", devices: ["/dev/a", "/dev/b"] },
          { name: "md0", level: "raid1", devices: ["/dev/a", "/dev/b"] },
        ],
        filesystems: [
          { device: "/dev/vdc", format: "xfs" },
          { device: "/dev/vdc", format: "ext4" },
        ],
        luks: [
          { name: "l", device: "/dev/vdd" },
          { name: "l", device: "/dev/vde" },
        ],
      },
    },
    want: [
      "E storage.disks.1: duplicate entry defined",
      "E storage.filesystems.1: duplicate entry defined",
      "E storage.luks.1: duplicate entry defined",
      "E storage.raid.1: duplicate entry defined",
    ],
  },
  {
    name: "partitions keyed by number, else label, else empty",
    versions: ALL,
    config: {
      storage: {
        disks: [
          {
            device: "/dev/vdb",
            partitions: [{ number: 1 }, { number: 1, label: "a" }, { label: "a" }, { label: "a" }, { sizeMiB: 1 }, { sizeMiB: 2 }],
          },
        ],
      },
    },
    want: [
      "E storage.disks.0.partitions.1: duplicate entry defined",
      "E storage.disks.0.partitions.3: duplicate entry defined",
      "E storage.disks.0.partitions.5: duplicate entry defined",
      "E storage.disks.0.partitions.1: partition numbers collide",
      "E storage.disks.0.partitions.2: cannot use the same partition label twice",
      "E storage.disks.0.partitions.4: a partition number >= 1 or a label must be specified",
      "E storage.disks.0.partitions.5: a partition number >= 1 or a label must be specified",
    ],
  },
  {
    name: "raid devices, units, dropins",
    versions: ALL,
    config: {
      storage: { raid: [{ name: "md0", level: "raid1", devices: ["/dev/a", "/dev/a"] }] },
      systemd: {
        units: [{ name: "a.service", dropins: [{ name: "x.conf" }, { name: "x.conf" }] }, { name: "a.service" }],
      },
    },
    want: [
      "E storage.raid.0.devices.1: duplicate entry defined",
      "E systemd.units.1: duplicate entry defined",
      "E systemd.units.0.dropins.1: duplicate entry defined",
    ],
  },
  {
    name: "users, groups, user groups and ssh keys",
    versions: ALL,
    config: {
      passwd: {
        users: [{ name: "core", groups: ["wheel", "wheel"], sshAuthorizedKeys: ["k", "k"] }, { name: "core" }],
        groups: [{ name: "g" }, { name: "g" }],
      },
    },
    want: [
      "E passwd.groups.1: duplicate entry defined",
      "E passwd.users.1: duplicate entry defined",
      "E passwd.users.0.groups.1: duplicate entry defined",
      "E passwd.users.0.sshAuthorizedKeys.1: duplicate entry defined",
    ],
  },
  {
    name: "kernel arguments share one key space (shouldExist first)",
    versions: from(V.v33),
    config: { kernelArguments: { shouldExist: ["a", "b", "a"], shouldNotExist: ["b", "c", "c"] } },
    want: [
      "E kernelArguments.shouldExist.2: duplicate entry defined",
      "E kernelArguments.shouldNotExist.0: duplicate entry defined",
      "E kernelArguments.shouldNotExist.2: duplicate entry defined",
    ],
  },
  {
    name: "kernel arguments are not part of older specs",
    versions: upTo(V.v32),
    config: { kernelArguments: { shouldExist: ["a", "a"] } },
    want: [],
  },
  {
    name: "merge sources (nil sources collide), CAs, headers, noProxy",
    versions: from(V.v31),
    config: {
      ignition: {
        version: "",
        config: {
          merge: [{ source: "https://a/" }, { source: "https://a/" }, {}, {}],
          replace: {
            source: "https://r/",
            httpHeaders: [
              { name: "h", value: "1" },
              { name: "h", value: "2" },
            ],
          },
        },
        proxy: { noProxy: ["x", "x"] },
        security: { tls: { certificateAuthorities: [{ source: "https://ca/" }, { source: "https://ca/" }] } },
      },
    },
    want: [
      "E ignition.config.merge.1: duplicate entry defined",
      "E ignition.config.merge.3: duplicate entry defined",
      "E ignition.config.replace.httpHeaders.1: duplicate entry defined",
      "E ignition.proxy.noProxy.1: duplicate entry defined",
      "E ignition.security.tls.certificateAuthorities.1: duplicate entry defined",
      "E ignition.version: invalid config version (couldn't parse)",
      "E ignition.config.merge.2: source is required",
      "E ignition.config.merge.3: source is required",
    ],
  },
  {
    name: "ignored lists: file append, filesystem options/mountOptions, luks and raid options",
    versions: from(V.v32),
    config: {
      storage: {
        files: [{ path: "/a", append: [{ source: dataUrl }, { source: dataUrl }] }],
        filesystems: [{ device: "/dev/a", format: "ext4", options: ["x", "x"], mountOptions: ["y", "y"] }],
        luks: [{ name: "l", device: "/dev/b", options: ["o", "o"] }],
        raid: [{ name: "md0", level: "raid1", devices: ["/dev/c"], options: ["r", "r"] }],
      },
    },
    want: [],
  },
  {
    name: "luks openOptions and tang urls",
    versions: from(V.v34),
    config: {
      storage: {
        luks: [
          {
            name: "l",
            device: "/dev/b",
            openOptions: ["o", "o"],
            clevis: {
              tang: [
                { url: "http://t", thumbprint: "x" },
                { url: "http://t", thumbprint: "y" },
              ],
            },
          },
        ],
      },
    },
    want: ["E storage.luks.0.openOptions.1: duplicate entry defined", "E storage.luks.0.clevis.tang.1: duplicate entry defined"],
  },
  {
    name: "file append and contents headers",
    versions: from(V.v31),
    config: {
      storage: {
        files: [
          {
            path: "/a",
            append: [
              {
                source: "https://x/",
                httpHeaders: [
                  { name: "a", value: "1" },
                  { name: "a", value: "1" },
                ],
              },
            ],
            contents: {
              source: "https://y/",
              httpHeaders: [
                { name: "b", value: "1" },
                { name: "b", value: "1" },
              ],
            },
          },
        ],
      },
    },
    want: ["E storage.files.0.append.0.httpHeaders.1: duplicate entry defined", "E storage.files.0.contents.httpHeaders.1: duplicate entry defined"],
  },
]);

table("ignition section", [
  {
    name: "unsupported version",
    versions: [V.v34],
    config: { ignition: { version: "3.3.0" } },
    want: ["E ignition.version: unsupported config version"],
  },
  {
    name: "version with build metadata is a different version",
    versions: [V.v35],
    config: { ignition: { version: "3.5.0+meta" } },
    want: ["E ignition.version: unsupported config version"],
  },
  {
    name: "version parsed by go-semver (leading zeros are numbers)",
    versions: [V.v36],
    config: { ignition: { version: "03.06.00" } },
    want: [],
  },
  {
    name: "a + starts build metadata, so signs don't parse",
    versions: [V.v36],
    config: { ignition: { version: "3.+6.0" } },
    want: ["E ignition.version: invalid config version (couldn't parse)"],
  },
  {
    name: "experimental version",
    versions: [V.v37],
    config: { ignition: { version: "3.7.0" } },
    want: ["E ignition.version: unsupported config version"],
  },
  {
    name: "unparsable version",
    versions: [V.v33],
    config: { ignition: { version: "3.3" } },
    want: ["E ignition.version: invalid config version (couldn't parse)"],
  },
  {
    name: "bad merge URL is reported twice, proxies (bad-bad-url-merge-proxy)",
    versions: from(V.v31),
    config: {
      ignition: {
        config: { merge: [{ source: "::bad" }] },
        proxy: { httpProxy: "ht tp://x", httpsProxy: "ftp://proxy" },
      },
    },
    want: [
      "E ignition.config.merge.0: unable to parse url",
      "E ignition.config.merge.0.source: unable to parse url",
      "E ignition.proxy.httpProxy: unable to parse url",
      "E ignition.proxy.httpsProxy: proxies must be http(s)",
    ],
  },
  {
    name: "plain-HTTP proxy for HTTPS resources",
    versions: from(V.v31),
    config: { ignition: { proxy: { httpProxy: "http://p", httpsProxy: "http://p", noProxy: ["a"] } } },
    want: ["W ignition.proxy.httpsProxy: insecure plaintext HTTP proxy specified for HTTPS resources"],
  },
  {
    name: "empty proxy string is not http(s)",
    versions: from(V.v31),
    config: { ignition: { proxy: { httpProxy: "" } } },
    want: ["E ignition.proxy.httpProxy: proxies must be http(s)"],
  },
  {
    name: "merge, replace and CA resources, all merges first",
    versions: from(V.v31),
    config: {
      ignition: {
        config: {
          merge: [{ source: "" }, { source: "gopher://x", compression: "xz" }],
          replace: { verification: { hash: sha512 } },
        },
        security: { tls: { certificateAuthorities: [{}, { source: "ftp://ca" }] } },
      },
    },
    want: [
      "E ignition.config.merge.0: source is required",
      "E ignition.config.merge.1: invalid url scheme",
      "E ignition.config.merge.1.compression: invalid compression method",
      "E ignition.config.merge.1.source: invalid url scheme",
      "E ignition.config.replace.verification.hash: source must be specified if verification is specified",
      "E ignition.security.tls.certificateAuthorities.0: source is required",
      "E ignition.security.tls.certificateAuthorities.1: invalid url scheme",
      "E ignition.security.tls.certificateAuthorities.1.source: invalid url scheme",
    ],
  },
  {
    name: "3.0 config references: null source is fine, CA source is a required string",
    versions: [V.v30],
    config: {
      ignition: {
        config: { merge: [{ source: null }, { source: "ftp://x", verification: { hash: "md5-x" } }] },
        security: { tls: { certificateAuthorities: [{ source: "" }] } },
      },
    },
    want: [
      "E ignition.config.merge.1.source: invalid url scheme",
      "E ignition.config.merge.1.verification.hash: unrecognized hash function",
      "E ignition.security.tls.certificateAuthorities.0.source: invalid url scheme",
    ],
  },
]);

table("resources", [
  {
    name: "hash checks (bad-bad-hash)",
    versions: ALL,
    config: {
      storage: {
        files: [
          { path: "/etc/a", contents: { source: "https://example.com/a", verification: { hash: "sha512-1234" } } },
          { path: "/etc/b", contents: { source: "https://example.com/b", verification: { hash: "md5-d41d8cd98f00b204e9800998ecf8427e" } } },
          { path: "/etc/c", contents: { source: "https://example.com/c", verification: { hash: "nodash" } } },
        ],
      },
    },
    want: [
      "E storage.files.0.contents.verification.hash: incorrect size for hash sum",
      "E storage.files.1.contents.verification.hash: unrecognized hash function",
      "E storage.files.2.contents.verification.hash: malformed hash specifier",
    ],
  },
  {
    name: "sha256 is unknown to 3.0",
    versions: [V.v30],
    config: { storage: { files: [{ path: "/a", contents: { source: dataUrl, verification: { hash: sha256 } } }] } },
    want: ["E storage.files.0.contents.verification.hash: unrecognized hash function"],
  },
  {
    name: "sha256 from 3.1; only the length is checked",
    versions: from(V.v31),
    config: {
      storage: {
        files: [
          { path: "/a", contents: { source: dataUrl, verification: { hash: sha256 } } },
          { path: "/b", contents: { source: dataUrl, verification: { hash: "sha256-" + "z".repeat(64) } } },
          { path: "/c", contents: { source: dataUrl, verification: { hash: "sha256-" } } },
        ],
      },
    },
    want: ["E storage.files.2.contents.verification.hash: incorrect size for hash sum"],
  },
  {
    name: "compression, verification without source, bad source, in order",
    versions: ALL,
    config: {
      storage: {
        files: [
          { path: "/a", contents: { compression: "bzip2", verification: { hash: "bad" } } },
          { path: "/b", contents: { compression: "", source: "data:foo" } },
          { path: "/c", contents: { compression: "gzip", source: "s3://b/k?versionId=" } },
        ],
      },
    },
    want: [
      "E storage.files.0.contents.compression: invalid compression method",
      "E storage.files.0.contents.verification.hash: source must be specified if verification is specified",
      "E storage.files.0.contents.verification.hash: malformed hash specifier",
      "E storage.files.1.contents.source: missing media type slash",
      "E storage.files.2.contents.source: invalid S3 object VersionId",
    ],
  },
  {
    name: "HTTP headers (bad-http-headers-errors)",
    versions: from(V.v31),
    config: {
      storage: {
        files: [
          { path: "/etc/a", contents: { source: "data:,x", httpHeaders: [{ name: "A", value: "x" }] } },
          {
            path: "/etc/b",
            contents: {
              source: "https://example.com/b",
              httpHeaders: [
                { name: "", value: "x" },
                { name: "Dup", value: "1" },
                { name: "Dup", value: "2" },
              ],
            },
          },
        ],
      },
    },
    want: [
      "E storage.files.1.contents.httpHeaders.2: duplicate entry defined",
      "E storage.files.0.contents.httpHeaders: cannot use HTTP headers with this source scheme",
      "E storage.files.1.contents.httpHeaders.0.name: HTTP header name can't be empty",
    ],
  },
  {
    name: "HTTP headers without a usable source, empty values",
    versions: from(V.v31),
    config: {
      storage: {
        files: [
          { path: "/a", append: [{ httpHeaders: [{ name: "a" }] }] },
          { path: "/b", contents: { source: "http://[::1", httpHeaders: [{ name: "a", value: "" }] } },
        ],
      },
    },
    want: [
      "E storage.files.0.append.0.httpHeaders: unable to parse url",
      "E storage.files.1.contents.source: unable to parse url",
      "E storage.files.1.contents.httpHeaders: unable to parse url",
      "E storage.files.1.contents.httpHeaders.0.value: unable to parse HTTP header",
    ],
  },
  {
    name: "URL schemes by spec: gs from 3.2, arn from 3.4",
    versions: [V.v31],
    config: {
      storage: {
        files: [
          { path: "/a", contents: { source: "gs://bucket/obj" } },
          { path: "/b", contents: { source: "arn:aws:s3:::bucket/key" } },
        ],
      },
    },
    want: ["E storage.files.0.contents.source: invalid url scheme", "E storage.files.1.contents.source: invalid url scheme"],
  },
  {
    name: "bad URLs (bad-bad-url)",
    versions: from(V.v34),
    config: {
      storage: {
        files: [
          { path: "/a", contents: { source: "not a url at all" } },
          { path: "/b", contents: { source: "ftp://example.com/file" } },
          { path: "/c", contents: { source: "http://[::1" } },
          { path: "/d", contents: { source: "gs://bucket/obj" } },
          { path: "/e", contents: { source: "arn:aws:s3:::bucket/key" } },
          { path: "/f", contents: { source: "arn:aws:s3:::bucket" } },
        ],
      },
    },
    want: [
      "E storage.files.0.contents.source: invalid url scheme",
      "E storage.files.1.contents.source: invalid url scheme",
      "E storage.files.2.contents.source: unable to parse url",
      "E storage.files.5.contents.source: invalid S3 ARN format",
    ],
  },
]);

table("files, directories and links", [
  {
    name: "path rules (bad-path-edge-cases)",
    versions: ALL,
    config: {
      storage: {
        files: [{ path: "" }, { path: "rel" }, { path: "/a/" }, { path: "/a//b" }, { path: "/a/./b" }, { path: "/a/../b" }, { path: "/" }],
        directories: [{ path: "d" }],
        links: [{ path: "l", target: "/x" }],
      },
    },
    want: [
      "E storage.directories.0.path: path not absolute",
      "E storage.files.0.path: path not specified",
      "E storage.files.1.path: path not absolute",
      "E storage.files.2.path: path is not fully simplified",
      "E storage.files.3.path: path is not fully simplified",
      "E storage.files.4.path: path is not fully simplified",
      "E storage.files.5.path: path is not fully simplified",
      "E storage.links.0.path: path not absolute",
    ],
  },
  {
    name: "modes: illegal, and special bits before 3.6",
    versions: upTo(V.v35),
    config: {
      storage: {
        files: [
          { path: "/a", mode: 0o4755 },
          { path: "/b", mode: 0o10000 },
          { path: "/c", mode: -1 },
        ],
        directories: [{ path: "/d", mode: 0o1777 }],
      },
    },
    want: [
      "W storage.directories.0.mode: setuid/setgid/sticky bits are not supported or functional in spec versions older than 3.6.0",
      "W storage.files.0.mode: setuid/setgid/sticky bits are not supported or functional in spec versions older than 3.6.0",
      "E storage.files.1.mode: illegal file mode",
      "E storage.files.2.mode: illegal file mode",
      "W storage.files.2.mode: setuid/setgid/sticky bits are not supported or functional in spec versions older than 3.6.0",
    ],
  },
  {
    name: "modes: no special-bits warning from 3.6",
    versions: from(V.v36),
    config: {
      storage: {
        files: [
          { path: "/a", mode: 0o4755 },
          { path: "/b", mode: 0o10000 },
        ],
        directories: [{ path: "/d", mode: 0o1777 }],
      },
    },
    want: ["E storage.files.1.mode: illegal file mode"],
  },
  {
    name: "overwrite without source, owners with id and name; node checks before children",
    versions: ALL,
    config: {
      storage: {
        files: [
          { path: "/a", overwrite: true, user: { id: 0, name: "root" }, group: { id: 0, name: "root" } },
          { path: "/b", overwrite: true, contents: { source: "" } },
          { path: "/c", overwrite: true, user: { id: 1, name: "" } },
        ],
      },
    },
    want: [
      "E storage.files.0.overwrite: overwrite must be false if source is unspecified",
      "E storage.files.0.group: cannot set both id and name",
      "E storage.files.0.user: cannot set both id and name",
      "E storage.files.2.overwrite: overwrite must be false if source is unspecified",
    ],
  },
  {
    name: "paths through links (bad-bad-relative-dir-link style)",
    versions: ALL,
    config: {
      storage: {
        directories: [{ path: "/l/d" }],
        files: [{ path: "/l/f" }, { path: "/l2/x/f" }],
        links: [
          { path: "/l", target: "/t" },
          { path: "/l2", target: "/t" },
          { path: "/l2/x", target: "/t" },
        ],
      },
    },
    want: [
      "E storage.directories.0: directory path includes link in config",
      "E storage.files.0: file path includes link in config",
      "E storage.files.1: file path includes link in config",
      "E storage.files.1: file path includes link in config",
      "E storage.links.2: link path includes link in config",
    ],
  },
  {
    name: "link target required from 3.3",
    versions: from(V.v33),
    config: { storage: { links: [{ path: "/a" }, { path: "/b", target: "" }, { path: "/c", target: "x" }] } },
    want: ["E storage.links.0.target: link target is required", "E storage.links.1.target: link target is required"],
  },
  {
    name: "no link target check before 3.3",
    versions: upTo(V.v32),
    config: { storage: { links: [{ path: "/a", target: "" }] } },
    want: [],
  },
  {
    name: "hard links: directory targets and owners",
    versions: ALL,
    config: {
      storage: {
        directories: [{ path: "/d" }, { path: "/l2/sub" }],
        links: [
          { path: "/l1", hard: true, target: "/d/", user: { id: 0 }, group: { name: "" } },
          { path: "/l2", hard: true, target: "sub" },
          { path: "/l3", hard: false, target: "/d", user: { id: 0 } },
        ],
      },
    },
    want: [
      "E storage.directories.1: directory path includes link in config",
      "E storage.links.0: hard link target is a directory",
      "W storage.links.0.user.id: user/group ignored for hard link",
      "W storage.links.0.group.name: user/group ignored for hard link",
      "E storage.links.1: hard link target is a directory",
    ],
  },
  {
    name: "hard link without target resolves to its own path before 3.3",
    versions: upTo(V.v32),
    config: { storage: { directories: [{ path: "/x" }], links: [{ path: "/x/", hard: true }] } },
    want: ["E storage.links.0: hard link target is a directory", "E storage.links.0.path: path is not fully simplified"],
  },
  {
    name: "paths that collide with units or dropins (checked first, files then directories then links)",
    versions: ALL,
    config: {
      storage: {
        directories: [{ path: "/etc/systemd/system/a.service.d/x.conf" }],
        files: [{ path: "/etc/systemd/system/a.service" }, { path: "/etc/systemd/system/b.service" }],
        links: [{ path: "/etc/systemd/system/a.service", target: "/t" }],
      },
      systemd: {
        units: [
          { name: "a.service", contents: "[Unit]\n", dropins: [{ name: "x.conf", contents: "[Unit]\n" }] },
          { name: "b.service", contents: "", dropins: [{ name: "y.conf" }] },
        ],
      },
    },
    want: [
      "E storage.links.0: duplicate entry defined",
      "E storage.files.0.path: path conflicts with systemd unit or dropin",
      "E storage.directories.0.path: path conflicts with systemd unit or dropin",
      "E storage.links.0.path: path conflicts with systemd unit or dropin",
    ],
  },
]);

table("disks and partitions", [
  {
    name: "disk device required stops disk checks, partitions still validated",
    versions: ALL,
    config: { storage: { disks: [{ partitions: [{ number: 1 }, { number: 1 }, { label: "a:b" }] }] } },
    want: [
      "E storage.disks.0.partitions.1: duplicate entry defined",
      "E storage.disks.0.device: disk device is required",
      "E storage.disks.0.partitions.2.label: partition label will be truncated to text before the colon",
    ],
  },
  {
    name: "partition errors (bad-partition-errors)",
    versions: ALL,
    config: {
      storage: {
        disks: [
          {
            device: "/dev/vdb",
            partitions: [
              { label: "bylabel", sizeMiB: 100 },
              { number: 1, label: "label:with:colons", typeGuid: "not-a-guid" },
              { number: 129, startMiB: -5 },
            ],
          },
        ],
      },
    },
    want: [
      "E storage.disks.0.partitions.1.label: partition label will be truncated to text before the colon",
      'E storage.disks.0.partitions.1.typeGuid: doesn\'t match the form "01234567-89AB-CDEF-EDCB-A98765432101"',
    ],
  },
  {
    name: "disk-level checks in order, then each partition",
    versions: ALL,
    config: {
      storage: {
        disks: [
          {
            device: "dev/vdb",
            partitions: [
              { number: 1, startMiB: 10, sizeMiB: 10 },
              { number: 2, startMiB: 15, sizeMiB: 10, label: "x".repeat(37) },
              { number: 2, label: "dup", shouldExist: false },
              { label: "dup", guid: "" },
              { number: 5, guid: "01234567-89ab-CDEF-edcb-a98765432101", typeGuid: "0FC63DAF-8483-4772-8E79-3D69D8477DE4" },
            ],
          },
        ],
      },
    },
    want: [
      "E storage.disks.0.partitions.2: duplicate entry defined",
      "E storage.disks.0.device: path not absolute",
      "E storage.disks.0.partitions.2: partition numbers collide",
      "E storage.disks.0.partitions.1: partitions overlap",
      "E storage.disks.0.partitions: shouldExist is false for a partition and other partition(s) has start or size 0",
      "E storage.disks.0.partitions.3: cannot use the same partition label twice",
      "E storage.disks.0.partitions.1.label: partition labels may not exceed 36 characters",
      "E storage.disks.0.partitions.2: shouldExist specified false with other options also specified",
    ],
  },
  {
    name: "overlap variants: containment, zero size, auto-placed partitions skipped",
    versions: [V.v36],
    config: {
      storage: {
        disks: [
          {
            device: "/dev/a",
            partitions: [
              { number: 1, startMiB: 10, sizeMiB: 1 },
              { number: 2, startMiB: 5, sizeMiB: 100 },
            ],
          },
          {
            device: "/dev/b",
            partitions: [
              { number: 1, startMiB: 10, sizeMiB: 0 },
              { number: 2, startMiB: 10, sizeMiB: 5 },
            ],
          },
          {
            device: "/dev/c",
            partitions: [
              { number: 1, startMiB: 0, sizeMiB: 100 },
              { number: 2, startMiB: 0, sizeMiB: 5 },
            ],
          },
          {
            device: "/dev/d",
            partitions: [
              { number: 1, startMiB: 10, sizeMiB: 10 },
              { number: 2, startMiB: 20, sizeMiB: 5 },
            ],
          },
        ],
      },
    },
    want: ["E storage.disks.0.partitions.1: partitions overlap", "E storage.disks.1.partitions.1: partitions overlap"],
  },
  {
    name: "label length counts bytes",
    versions: [V.v36],
    config: { storage: { disks: [{ device: "/dev/a", partitions: [{ label: "é".repeat(18) }, { label: "é".repeat(19) }] }] } },
    want: ["E storage.disks.0.partitions.1.label: partition labels may not exceed 36 characters"],
  },
  {
    name: "shouldExist false alone is fine when every partition is numbered",
    versions: ALL,
    config: {
      storage: {
        disks: [
          {
            device: "/dev/a",
            partitions: [
              { number: 3, shouldExist: false },
              { number: 4, typeGuid: "" },
            ],
          },
        ],
      },
    },
    want: [],
  },
]);

table("filesystems", [
  {
    name: "bad format and relative device (bad-filesystem-bad-format)",
    versions: ALL,
    config: {
      storage: {
        filesystems: [
          { device: "/dev/vdb", format: "ntfs" },
          { device: "relative-device", format: "ext4" },
        ],
      },
    },
    want: ["E storage.filesystems.0.format: invalid filesystem format", "E storage.filesystems.1.device: path not absolute"],
  },
  {
    name: "format none from 3.3",
    versions: from(V.v33),
    config: { storage: { filesystems: [{ device: "/dev/a", format: "none" }] } },
    want: [],
  },
  {
    name: "format none before 3.3",
    versions: upTo(V.v32),
    config: { storage: { filesystems: [{ device: "/dev/a", format: "none" }] } },
    want: ["E storage.filesystems.0.format: invalid filesystem format"],
  },
  {
    name: "missing format with other fields; label without format; path rules",
    versions: from(V.v31),
    config: {
      storage: {
        filesystems: [
          { device: "/dev/a", path: "var", label: "x" },
          { device: "", format: "", mountOptions: ["ro"] },
          { device: "/dev/c", wipeFilesystem: false, uuid: "", path: "" },
        ],
      },
    },
    want: [
      "E storage.filesystems.0.path: path not absolute",
      "E storage.filesystems.0.format: format cannot be empty when path, label, uuid, wipeFilesystem, options, or mountOptions is specified",
      "E storage.filesystems.0.label: filesystem must specify format if label is specified",
      "E storage.filesystems.1.device: path not specified",
      "E storage.filesystems.1.format: format cannot be empty when path, label, uuid, wipeFilesystem, options, or mountOptions is specified",
    ],
  },
  {
    name: "mountOptions don't count in 3.0",
    versions: [V.v30],
    config: {
      storage: {
        filesystems: [
          { device: "/dev/a", mountOptions: ["ro"] },
          { device: "/dev/b", options: ["-f"] },
        ],
      },
    },
    want: ["E storage.filesystems.1.format: format cannot be empty when path, label, uuid, wipeFilesystem, options, or mountOptions is specified"],
  },
  {
    name: "label lengths per format",
    versions: ALL,
    config: {
      storage: {
        filesystems: [
          { device: "/dev/a", format: "ext4", label: "x".repeat(17) },
          { device: "/dev/b", format: "btrfs", label: "x".repeat(257) },
          { device: "/dev/c", format: "xfs", label: "x".repeat(13) },
          { device: "/dev/d", format: "swap", label: "x".repeat(16) },
          { device: "/dev/e", format: "vfat", label: "x".repeat(12) },
          { device: "/dev/f", format: "vfat", label: "x".repeat(11) },
          { device: "/dev/g", format: "ext4", label: "é".repeat(9) },
        ],
      },
    },
    want: [
      "E storage.filesystems.0.label: filesystem labels cannot be longer than 16 characters when using ext4",
      "E storage.filesystems.1.label: filesystem labels cannot be longer than 256 characters when using btrfs",
      "E storage.filesystems.2.label: filesystem labels cannot be longer than 12 characters when using xfs",
      "E storage.filesystems.3.label: filesystem labels cannot be longer than 15 characters when using swap",
      "E storage.filesystems.4.label: filesystem labels cannot be longer than 11 characters when using vfat",
      "E storage.filesystems.6.label: filesystem labels cannot be longer than 16 characters when using ext4",
    ],
  },
  {
    name: "filesystems over whole disks (warnings at storage level, first)",
    versions: ALL,
    config: {
      storage: {
        disks: [
          { device: "/dev/a", partitions: [{ number: 1 }] },
          { device: "/dev/b", wipeTable: true },
          { device: "/dev/c", wipeTable: true },
        ],
        filesystems: [
          { device: "/dev/a", format: "bad" },
          { device: "/dev/b", format: "ext4" },
          { device: "/dev/c", format: "ext4", wipeFilesystem: true },
        ],
      },
    },
    want: [
      "W storage.filesystems.0.device: filesystem overwrites partitioned device",
      "W storage.filesystems.1.device: device matches disk with wipeTable enabled; filesystem will be wiped",
      "E storage.filesystems.0.format: invalid filesystem format",
    ],
  },
]);

table("luks", [
  {
    name: "luks errors (bad-luks-errors)",
    versions: from(V.v33),
    config: {
      storage: {
        luks: [
          { name: "nodev" },
          { name: "badtang", device: "/dev/vdb", clevis: { tang: [{ url: "not-a-url" }], threshold: 5 } },
          { name: "custom-and-tpm", device: "/dev/vdc", clevis: { tpm2: true, custom: { pin: "tpm2", config: "{}" } } },
          { name: "bad/name", device: "relative" },
        ],
      },
    },
    want: [
      "E storage.luks.0.device: disk device is required",
      "E storage.luks.1.clevis.tang.0.url: invalid url scheme",
      "E storage.luks.1.clevis.tang.0.thumbprint: thumbprint is required",
      "E storage.luks.2.clevis: cannot use custom clevis config with tpm2, tang, or threshold",
      "E storage.luks.3.name: device names cannot contain slashes",
      "E storage.luks.3.device: path not absolute",
    ],
  },
  {
    name: "3.2 custom: present object counts, pin must be known, config required",
    versions: [V.v32],
    config: {
      storage: {
        luks: [
          { name: "a", device: "/dev/a", clevis: { tpm2: true, custom: { config: "", pin: "" } } },
          { name: "b", device: "/dev/b", clevis: { custom: { config: "{}", pin: "" } } },
          { name: "c", device: "/dev/c", clevis: { custom: { config: "", pin: "foo", needsNetwork: true } } },
        ],
      },
    },
    want: [
      "E storage.luks.0.clevis: cannot use custom clevis config with tpm2, tang, or threshold",
      "E storage.luks.1.clevis.custom.pin: unsupported clevis pin",
      "E storage.luks.2.clevis.custom.pin: unsupported clevis pin",
      "E storage.luks.2.clevis.custom.config: missing required custom clevis config",
    ],
  },
  {
    name: "3.3–3.5 custom pin rules",
    versions: [V.v33, V.v34, V.v35],
    config: {
      storage: {
        luks: [
          { name: "a", device: "/dev/a", clevis: { custom: { needsNetwork: true } } },
          { name: "b", device: "/dev/b", clevis: { custom: { pin: "foo", config: "{}" } } },
          { name: "c", device: "/dev/c", clevis: { custom: { pin: "sss" } } },
        ],
      },
    },
    want: [
      "E storage.luks.0.clevis.custom.pin: missing required custom clevis pin",
      "E storage.luks.0.clevis.custom.config: missing required custom clevis config",
      "E storage.luks.1.clevis.custom.pin: unsupported clevis pin",
      "E storage.luks.2.clevis.custom.config: missing required custom clevis config",
    ],
  },
  {
    name: "3.6+ any custom pin",
    versions: from(V.v36),
    config: {
      storage: {
        luks: [
          { name: "a", device: "/dev/a", clevis: { custom: { needsNetwork: false, pin: "" } } },
          { name: "b", device: "/dev/b", clevis: { custom: { pin: "foo", config: "{}" } } },
          { name: "c", device: "/dev/c", clevis: { custom: { config: "{}" } } },
        ],
      },
    },
    want: ["E storage.luks.2.clevis.custom.pin: missing required custom clevis pin"],
  },
  {
    name: "label length, key file, tang",
    versions: from(V.v32),
    config: {
      storage: {
        luks: [
          {
            name: "a",
            device: "/dev/a",
            label: "x".repeat(48),
            keyFile: { source: "ftp://k", compression: "zz" },
            clevis: {
              tang: [
                { url: "http://[::1", thumbprint: "" },
                { url: "https://t", thumbprint: "t" },
              ],
            },
          },
        ],
      },
    },
    want: [
      "E storage.luks.0.label: luks device labels cannot be longer than 47 characters",
      "E storage.luks.0.keys: invalid key-file source",
      "E storage.luks.0.clevis.tang.0.url: unable to parse url",
      "E storage.luks.0.clevis.tang.0.thumbprint: thumbprint is required",
      "E storage.luks.0.keyFile.compression: invalid compression method",
      "E storage.luks.0.keyFile.source: invalid url scheme",
    ],
  },
  {
    name: "tang advertisement must be JSON from 3.4",
    versions: from(V.v34),
    config: {
      storage: {
        luks: [
          {
            name: "a",
            device: "/dev/a",
            clevis: {
              tang: [
                { url: "http://a", thumbprint: "t", advertisement: '{"payload": 1}' },
                { url: "http://b", thumbprint: "t", advertisement: "{nope" },
                { url: "http://c", thumbprint: "t", advertisement: "1e999" },
                { url: "http://d", thumbprint: "t", advertisement: "" },
              ],
            },
          },
        ],
      },
    },
    want: [
      "E storage.luks.0.clevis.tang.1.advertisement: advertisement is not valid JSON",
      "E storage.luks.0.clevis.tang.2.advertisement: advertisement is not valid JSON",
    ],
  },
  {
    name: "cex conflicts from 3.5",
    versions: from(V.v35),
    config: {
      storage: {
        luks: [
          { name: "a", device: "/dev/a", cex: { enabled: true }, clevis: { tpm2: true } },
          { name: "b", device: "/dev/b", cex: { enabled: true }, keyFile: { source: dataUrl } },
          { name: "c", device: "/dev/c", cex: { enabled: false }, clevis: { threshold: 2 }, keyFile: { source: dataUrl } },
          { name: "d", device: "/dev/d", cex: { enabled: true }, clevis: { threshold: 0, custom: { pin: "", config: "" } } },
        ],
      },
    },
    want: ["E storage.luks.0.cex: cannot use cex with clevis", "E storage.luks.1.cex: cannot use key file with cex"],
  },
  {
    name: "no luks before 3.2",
    versions: upTo(V.v31),
    config: { storage: { luks: [{ name: "a/b" }, { name: "a/b" }] } },
    want: [],
  },
]);

table("raid", [
  {
    name: "unrecognized level (bad-raid-bad)",
    versions: ALL,
    config: {
      storage: {
        raid: [
          { name: "md0", level: "raid42", devices: ["/dev/a", "/dev/b"] },
          { name: "md1", level: "raid1", devices: ["/dev/a"], spares: -1 },
        ],
      },
    },
    want: ["E storage.raid.0.level: unrecognized raid level"],
  },
  {
    name: "spares on striped levels, devices required and checked",
    versions: ALL,
    config: {
      storage: {
        raid: [
          { name: "a", level: "stripe", spares: 1, devices: ["dev/x", "/dev/y/"] },
          { name: "b", level: "raid10", devices: [] },
          { name: "c", level: "0", spares: 0, devices: ["/dev/z"] },
        ],
      },
    },
    want: [
      "E storage.raid.0.level: spares unsupported for linear and raid0 arrays",
      "E storage.raid.0.devices.0: path not absolute",
      "E storage.raid.0.devices.1: path is not fully simplified",
      "E storage.raid.1.devices: raid devices required",
    ],
  },
  {
    name: "missing level before 3.3",
    versions: upTo(V.v32),
    config: { storage: { raid: [{ name: "a", devices: ["/dev/a"] }] } },
    want: ["E storage.raid.0.level: unrecognized raid level"],
  },
  {
    name: "missing level from 3.3",
    versions: from(V.v33),
    config: { storage: { raid: [{ name: "a", level: "", devices: ["/dev/a"] }, { name: "b" }] } },
    want: [
      "E storage.raid.0.level: raid level is required",
      "E storage.raid.1.level: raid level is required",
      "E storage.raid.1.devices: raid devices required",
    ],
  },
]);

table("systemd", [
  {
    name: "bad unit contents (bad-unit-bad-contents)",
    versions: ALL,
    config: {
      systemd: {
        units: [
          { name: "a.service", contents: "[Unit\nDescription=unterminated section\n" },
          { name: "b.service", enabled: true, contents: "" },
        ],
      },
    },
    want: ["E systemd.units.0.contents: invalid unit content: unable to find end of section"],
  },
  {
    name: "names, parse errors and install warnings in order",
    versions: ALL,
    config: {
      systemd: {
        units: [
          { name: "a.txt", contents: "[Unit] x\n" },
          { name: "b.service", enabled: true, contents: "[Unit]\nDescription=b\n" },
          { name: 'q"uote.service', enabled: true, contents: "[Install]\n" },
          { name: "c", dropins: [{ name: "x.txt", contents: "[Unit]\nFoo" }, { name: "y.conf" }] },
          { name: "d.service", enabled: true },
          { name: "e.service", enabled: false, contents: "[Unit]\n" },
        ],
      },
    },
    want: [
      "E systemd.units.0.name: invalid systemd unit extension",
      'E systemd.units.0.contents: invalid unit content: found garbage after section name : "x"',
      'W systemd.units.1.contents: unit "b.service" is enabled, but has no install section so enable does nothing',
      'W systemd.units.2.contents: unit "q\\"uote.service" is enabled, but has no install section so enable does nothing',
      "E systemd.units.3.name: invalid systemd unit extension",
      "E systemd.units.3.dropins.0.contents: invalid unit content: EOF",
      "E systemd.units.3.dropins.0.name: invalid systemd drop-in extension",
    ],
  },
  {
    name: "every known unit extension",
    versions: ALL,
    config: {
      systemd: {
        units: ["service", "socket", "device", "mount", "automount", "swap", "target", "path", "timer", "snapshot", "slice", "scope"].map((e) => ({
          name: `u.${e}`,
        })),
      },
    },
    want: [],
  },
  {
    name: "template instances (warnings first, from Systemd.Validate)",
    versions: ALL,
    config: {
      systemd: {
        units: [
          { name: "t@.service", contents: "[Unit]\nDescription=t\n" },
          { name: "t@one.service", enabled: true },
          { name: "t@two.service", enabled: false },
          { name: "bad@.service", contents: "[Unit" },
          { name: "bad@x.service", enabled: true },
          { name: "ok@.service", contents: "[Install]\nWantedBy=a.target\n" },
          { name: "ok@x.service", enabled: true },
          { name: "none@x.service", enabled: true },
        ],
      },
    },
    want: [
      'W systemd.units.1.contents: template unit "t@.service" for "t@one.service" doesn\'t have Install section',
      "E systemd.units.3.contents: invalid unit content: unable to find end of section",
    ],
  },
]);

describe("order across the whole config", () => {
  it("duplicates, then config-level conflicts, ignition, storage, systemd", () => {
    expect(
      run(
        {
          ignition: { version: "3.6.0", config: { merge: [{}] } },
          storage: {
            files: [{ path: "/etc/systemd/system/a.service", mode: 0o10000 }, { path: "/etc/systemd/system/a.service" }],
            links: [{ path: "/etc", target: "/x" }],
            raid: [{ name: "r", level: "x", devices: ["/d"] }],
          },
          systemd: { units: [{ name: "a.service", contents: "[Unit]\n" }, { name: "b.x" }] },
        },
        V.v36,
      ),
    ).toEqual([
      "E storage.files.1: duplicate entry defined",
      "E storage.files.0.path: path conflicts with systemd unit or dropin",
      "E storage.files.1.path: path conflicts with systemd unit or dropin",
      "E ignition.config.merge.0: source is required",
      "E storage.files.0: file path includes link in config",
      "E storage.files.1: file path includes link in config",
      "E storage.files.0.mode: illegal file mode",
      "E storage.raid.0.level: unrecognized raid level",
      "E systemd.units.1.name: invalid systemd unit extension",
    ]);
  });

  it("treats null like an absent key", () => {
    expect(run({ storage: { files: [{ path: "/a", contents: { source: null }, overwrite: null, mode: null }] } }, V.v34)).toEqual([]);
  });
});

describe("validateIgnitionChild (ValidateWithContext order)", () => {
  it("runs the validation pass before the duplicate pass", () => {
    const cfg = { ignition: { version: "3.6.0" }, storage: { files: [{ path: "relative" }, { path: "relative" }] } };
    expect(validateIgnitionChild(cfg, V.v36).map((e) => `${e.path.join(".")}: ${e.message}`)).toEqual([
      "storage.files.0.path: path not absolute",
      "storage.files.1.path: path not absolute",
      "storage.files.1: duplicate entry defined",
    ]);
  });
});

// Generates benchmark Butane configs of a target size: users, files with multi-KB contents,
// units with drop-ins, disks with partitions and filesystems. Deterministic (seeded).

export function rng(seed) {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

const WORDS = "alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november oscar papa quebec romeo sierra tango".split(" ");

function paragraph(r, lines) {
  const out = [];
  for (let i = 0; i < lines; i++) {
    const n = 6 + Math.floor(r() * 8);
    out.push(Array.from({ length: n }, () => WORDS[Math.floor(r() * WORDS.length)]).join(" "));
  }
  return out;
}

/**
 * A config of roughly `targetLines` lines: fcos 1.6.0, or an openshift 4.19.0 MachineConfig
 * (which allows only the `core` user and no file ownership, so those parts are adapted).
 */
export function makeConfig(targetLines, seed = 1, variant = "fcos") {
  const openshift = variant === "openshift";
  const r = rng(seed);
  const users = [],
    files = [],
    units = [],
    disks = [],
    filesystems = [];
  let lines = 3;
  let i = 0;
  while (lines < targetLines) {
    const kind = i % 5;
    if (kind === 0 && openshift) {
      if (users.length === 0) users.push(`    - name: core\n      ssh_authorized_keys:`);
      users.push(`        - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${i.toString(36).padStart(40, "x")} user${i}@example.com`);
      lines += 1;
    } else if (kind === 0) {
      users.push(
        `    - name: user${i}\n      uid: ${2000 + i}\n      groups: [wheel, docker]\n      ssh_authorized_keys:\n        - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${i.toString(36).padStart(40, "x")} user${i}@example.com`,
      );
      lines += 6;
    } else if (kind === 1 || kind === 2) {
      const body = paragraph(r, 40 + Math.floor(r() * 40)); // multi-KB contents
      const owner = openshift ? "" : `\n      user: { name: user${i - 1} }`;
      files.push(
        `    - path: /etc/kindling/file${i}.conf\n      mode: 0644${owner}\n      contents:\n        inline: |\n${body.map((l) => "          " + l).join("\n")}`,
      );
      lines += 5 + body.length;
    } else if (kind === 3) {
      units.push(
        `    - name: app${i}.service\n      enabled: true\n      contents: |\n        [Unit]\n        Description=App ${i}\n        After=network-online.target\n        [Service]\n        ExecStart=/usr/bin/podman run --rm --name app${i} quay.io/example/app:${i}\n        Restart=always\n        [Install]\n        WantedBy=multi-user.target\n      dropins:\n        - name: 10-env.conf\n          contents: |\n            [Service]\n            Environment=INDEX=${i}`,
      );
      lines += 17;
    } else {
      const dev = `/dev/disk/by-id/virtio-disk${i}`;
      disks.push(
        `    - device: ${dev}\n      wipe_table: true\n      partitions:\n        - label: data${i}\n          number: 1\n          size_mib: ${1024 + i}\n        - label: log${i}\n          number: 2\n          size_mib: 0`,
      );
      filesystems.push(
        `    - device: /dev/disk/by-partlabel/data${i}\n      format: xfs\n      path: /var/data${i}\n      with_mount_unit: true\n    - device: /dev/disk/by-partlabel/log${i}\n      format: ext4\n      path: /var/log${i}\n      with_mount_unit: true`,
      );
      lines += 17;
    }
    i++;
  }
  let y = openshift
    ? "variant: openshift\nversion: 4.19.0\nmetadata:\n  name: 99-worker-bench\n  labels:\n    machineconfiguration.openshift.io/role: worker\n"
    : "variant: fcos\nversion: 1.6.0\n";
  if (users.length) y += `passwd:\n  users:\n${users.join("\n")}\n`;
  y += "storage:\n";
  if (disks.length) y += `  disks:\n${disks.join("\n")}\n`;
  if (files.length) y += `  files:\n${files.join("\n")}\n`;
  if (filesystems.length) y += `  filesystems:\n${filesystems.join("\n")}\n`;
  if (units.length) y += `systemd:\n  units:\n${units.join("\n")}\n`;
  return y;
}

export const SIZES = { S: 30, M: 1000, L: 5000, XL: 50000 };

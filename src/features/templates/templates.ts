/**
 * Starter Butane configs for common Fedora CoreOS tasks. Each source starts with a comment
 * saying what it does and what to replace. `public/templates/<id>.bu` holds a copy of each
 * (kept in sync by templates.test.ts; `npx vitest run -u src/features/templates` rewrites them).
 */

export interface Template {
  /** Stable kebab-case id; also the file name under public/templates/. */
  id: string;
  title: string;
  /** One sentence for the picker. */
  description: string;
  /** The Butane YAML. */
  source: string;
}

export const templates: Template[] = [
  {
    id: "ssh-key-hostname",
    title: "SSH key and hostname",
    description: "Log in as core with your SSH key and give the machine a hostname.",
    source: `# Log in as "core" with your SSH public key, and set the machine's hostname.
# Replace: the key below with your own public key (e.g. the contents of ~/.ssh/id_ed25519.pub)
#          and "coreos-01" with the hostname you want.
variant: fcos
version: 1.6.0
passwd:
  users:
    - name: core
      ssh_authorized_keys:
        - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI... user@example
storage:
  files:
    - path: /etc/hostname
      mode: 0644
      contents:
        inline: coreos-01
`,
  },
  {
    id: "static-ip",
    title: "Static IP address",
    description: "Configure a fixed IPv4 address, gateway and DNS with a NetworkManager keyfile.",
    source: `# Give one network interface a static IPv4 address with a NetworkManager keyfile.
# Replace: the interface name "ens2" (in the file name and twice inside it; see \`ip link\`),
#          the address/prefix and gateway (192.0.2.10/24, 192.0.2.1) and the DNS servers.
# The keyfile must be mode 0600, or NetworkManager ignores it.
variant: fcos
version: 1.6.0
storage:
  files:
    - path: /etc/NetworkManager/system-connections/ens2.nmconnection
      mode: 0600
      contents:
        inline: |
          [connection]
          id=ens2
          type=ethernet
          interface-name=ens2

          [ipv4]
          method=manual
          address1=192.0.2.10/24,192.0.2.1
          dns=192.0.2.53;9.9.9.9;
          dns-search=
          may-fail=false
`,
  },
  {
    id: "podman-service",
    title: "Container as a systemd service",
    description: "Run a container image with podman under systemd, restarted when it exits.",
    source: `# Run a container with podman as a systemd service that starts at boot and restarts on exit.
# Replace: the image (docker.io/library/nginx:stable), the container name "web" (three times)
#          and the published port 8080:80. The image is pulled on the first start.
variant: fcos
version: 1.6.0
systemd:
  units:
    - name: web.service
      enabled: true
      contents: |
        [Unit]
        Description=nginx web server in a podman container
        Wants=network-online.target
        After=network-online.target

        [Service]
        # Pulling the image on first boot can take a while.
        TimeoutStartSec=900
        # Remove a container left over from an unclean stop; "-" ignores failure.
        ExecStartPre=-/usr/bin/podman rm --force --ignore web
        ExecStart=/usr/bin/podman run --rm --name web --publish 8080:80 docker.io/library/nginx:stable
        ExecStop=/usr/bin/podman stop --ignore --time 10 web
        Restart=always
        RestartSec=5

        [Install]
        WantedBy=multi-user.target
`,
  },
  {
    id: "autologin",
    title: "Console autologin",
    description: "Log in as core automatically on the VGA and serial consoles (for test machines).",
    source: `# Log in automatically as "core" on the VGA console (tty1) and the serial console (ttyS0).
# For development and test machines only: anyone with console access gets a shell.
# Replace: "core" in both ExecStart lines if you want another user.
variant: fcos
version: 1.6.0
systemd:
  units:
    - name: getty@tty1.service
      dropins:
        - name: autologin-core.conf
          contents: |
            [Service]
            # Override ExecStart in the main unit
            ExecStart=
            # Add a new ExecStart with the "-" prefix to ignore failure
            ExecStart=-/usr/sbin/agetty --autologin core --noclear %I $TERM
    - name: serial-getty@ttyS0.service
      dropins:
        - name: autologin-core.conf
          contents: |
            [Service]
            # Override ExecStart in the main unit
            ExecStart=
            # Add a new ExecStart with the "-" prefix to ignore failure
            ExecStart=-/usr/sbin/agetty --autologin core --noclear %I $TERM
`,
  },
  {
    id: "extra-disk",
    title: "Extra disk mounted under /var",
    description: "Partition and format a second disk and mount it at /var/lib/data.",
    source: `# Partition and format a second disk and mount it at /var/lib/data (Butane writes the mount unit).
# Replace: /dev/vdb with your disk (a stable /dev/disk/by-id/... path is safer), the mount path
#          (it must be under /var) and the filesystem format.
# Partition 1 is created if missing and reused, with its data, when the machine is reprovisioned.
variant: fcos
version: 1.6.0
storage:
  disks:
    - device: /dev/vdb
      wipe_table: false
      partitions:
        - number: 1
          label: data
          start_mib: 0
          size_mib: 0
  filesystems:
    - path: /var/lib/data
      device: /dev/disk/by-partlabel/data
      format: xfs
      with_mount_unit: true
`,
  },
  {
    id: "swap-partition",
    title: "Swap partition",
    description: "Cap the root partition on the boot disk and add a swap partition after it.",
    source: `# Add a 4 GiB swap partition to the boot disk, after a root partition capped at 16 GiB.
# Replace: size_mib of root (at least 8192) and of swap. Butane writes the .swap unit.
# The rest of the disk after swap stays unallocated. For swap in RAM instead, see "Swap on zram".
variant: fcos
version: 1.6.0
storage:
  disks:
    - device: /dev/disk/by-id/coreos-boot-disk
      wipe_table: false
      partitions:
        - number: 4
          label: root
          size_mib: 16384
          resize: true
        - label: swap
          size_mib: 4096
  filesystems:
    - device: /dev/disk/by-partlabel/swap
      format: swap
      wipe_filesystem: true
      with_mount_unit: true
`,
  },
  {
    id: "luks-root-tpm2",
    title: "Encrypted root (LUKS + TPM2)",
    description: "Encrypt the root filesystem and unlock it automatically with the TPM2 chip.",
    source: `# Encrypt the root filesystem with LUKS; it is unlocked automatically by the machine's TPM2 chip.
# Needs a TPM 2.0 device (enable it in the firmware or VM settings). Nothing to replace;
# add "tang" servers under luks for network-bound unlocking, or combine with "Mirrored boot disk".
variant: fcos
version: 1.6.0
boot_device:
  luks:
    tpm2: true
`,
  },
  {
    id: "mirrored-boot-disk",
    title: "Mirrored boot disk",
    description: "Mirror the boot disk onto two disks with RAID1 so either one can fail.",
    source: `# Mirror the boot disk across two disks (RAID1 for /boot and root, a boot partition on each),
# so the machine keeps booting if either disk fails. Both disks are wiped.
# Replace: layout with your CPU architecture (x86_64, aarch64 or ppc64le) and the two disks.
variant: fcos
version: 1.6.0
boot_device:
  layout: x86_64
  mirror:
    devices:
      - /dev/sda
      - /dev/sdb
`,
  },
  {
    id: "zincati-update-window",
    title: "Update reboot window",
    description: "Let Zincati reboot into OS updates only during a weekend maintenance window.",
    source: `# Let Zincati (the auto-update agent) reboot into OS updates only in a maintenance window.
# Replace: the days, start_time and length_minutes. Times are UTC unless you set
#          time_zone under [updates.periodic].
variant: fcos
version: 1.6.0
storage:
  files:
    - path: /etc/zincati/config.d/55-updates-strategy.toml
      mode: 0644
      contents:
        inline: |
          [updates]
          strategy = "periodic"

          [[updates.periodic.window]]
          days = [ "Sat", "Sun" ]
          start_time = "22:30"
          length_minutes = 60
`,
  },
  {
    id: "disable-countme",
    title: "Disable countme reporting",
    description: "Mask the timer that counts this machine in Fedora's anonymous usage statistics.",
    source: `# Opt out of Fedora's "countme" usage statistics by disabling and masking the timer that sends them.
# Nothing to replace.
variant: fcos
version: 1.6.0
systemd:
  units:
    - name: rpm-ostree-countme.timer
      enabled: false
      mask: true
`,
  },
  {
    id: "admin-user",
    title: "Extra admin user",
    description: "Add a user who can use sudo, with an SSH key and an optional password.",
    source: `# Add a user who can run sudo (members of "wheel" can), logging in with an SSH key.
# Replace: the name "alice" and the key. To also allow a console password, uncomment
#          password_hash and paste a hash made with:
#          podman run -ti --rm quay.io/coreos/mkpasswd --method=yescrypt
variant: fcos
version: 1.6.0
passwd:
  users:
    - name: alice
      groups:
        - wheel
      ssh_authorized_keys:
        - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI... alice@example
      # password_hash: $y$j9T$...
`,
  },
  {
    id: "time-zone",
    title: "Time zone",
    description: "Set the system time zone (Fedora CoreOS defaults to UTC).",
    source: `# Set the system time zone; Fedora CoreOS uses UTC by default.
# Replace: Europe/Berlin with a zone name from /usr/share/zoneinfo (e.g. America/New_York).
variant: fcos
version: 1.6.0
storage:
  links:
    - path: /etc/localtime
      target: ../usr/share/zoneinfo/Europe/Berlin
`,
  },
  {
    id: "kernel-arguments",
    title: "Kernel arguments",
    description: "Add and remove kernel command-line arguments.",
    source: `# Change the kernel command line: add arguments and remove default ones.
# Replace: the examples below. This one turns on an extra console and drops the default
#          "mitigations=auto,nosmt" in favour of "mitigations=auto".
variant: fcos
version: 1.6.0
kernel_arguments:
  should_exist:
    - console=ttyS0,115200n8
    - mitigations=auto
  should_not_exist:
    - mitigations=auto,nosmt
`,
  },
  {
    id: "swap-on-zram",
    title: "Swap on zram",
    description: "Use compressed RAM as swap instead of a disk partition.",
    source: `# Use a compressed RAM disk (zram) as swap, managed by systemd's zram-generator.
# Replace: add settings under [zram0] (e.g. zram-size = ram / 2) to change the defaults.
variant: fcos
version: 1.6.0
storage:
  files:
    - path: /etc/systemd/zram-generator.conf
      mode: 0644
      contents:
        inline: |
          # This config file enables a /dev/zram0 device with the default settings
          [zram0]
`,
  },
];

/**
 * Starter Butane configs for every variant: common tasks on Fedora CoreOS, Flatcar, OpenShift
 * nodes, RHEL for Edge and Fedora IoT, including Podman Quadlet containers. Each source starts
 * with a comment saying what it does and what to replace. `public/templates/<id>.bu` holds a copy
 * of each (kept in sync by templates.test.ts; `npx vitest run -u src/features/templates`
 * rewrites them).
 *
 * Versions are not written by hand: see `templateVersion`.
 */
import { listSpecs } from "../../transpiler/versions.ts";

export interface Template {
  /** Stable kebab-case id; also the file name under public/templates/. */
  id: string;
  title: string;
  /** One sentence for the picker. */
  description: string;
  variant: string;
  /** The spec version written into the source. */
  version: string;
  /** The Butane YAML. */
  source: string;
}

/**
 * The version a template is written for: the newest stable spec of its variant (listSpecs(),
 * stable = not experimental), so a new machine starts on what current stable streams accept
 * and gets the newest fields; older versions stay a pick away in the toolbar. A template whose
 * feature exists only in an experimental spec (`systemd.quadlets`) asks for the newest
 * experimental one and says so in its comment: experimental specs may change and are not for
 * production. (If the studio's default-version table, issue #13 item 6, ever names a different
 * target per variant, this is the one place to follow it.)
 */
export function templateVersion(variant: string, spec: "stable" | "experimental" = "stable"): string {
  const versions = listSpecs().filter((s) => s.variant === variant && s.experimental === (spec === "experimental"));
  const newest = versions.at(-1);
  if (!newest) throw new Error(`no ${spec} ${variant} spec`);
  return newest.version;
}

interface Draft {
  id: string;
  title: string;
  description: string;
  variant: string;
  spec?: "stable" | "experimental";
  /** `# ` lines: what it does and what to replace. */
  comment: string;
  /** The YAML after `variant` and `version`. */
  body: string;
}

function build(d: Draft): Template {
  const version = templateVersion(d.variant, d.spec);
  return {
    id: d.id,
    title: d.title,
    description: d.description,
    variant: d.variant,
    version,
    source: `${d.comment}variant: ${d.variant}\nversion: ${version}\n${d.body}`,
  };
}

/** `text`'s lines indented by `n` spaces (blank lines stay empty). */
const indent = (text: string, n: number) =>
  text
    .split("\n")
    .map((l) => (l === "" ? l : " ".repeat(n) + l))
    .join("\n");

// A static IPv4 address with a NetworkManager keyfile (FCOS, RHEL for Edge and Fedora IoT all use
// NetworkManager; Fedora IoT's docs show this very keyfile).
const NM_STATIC_COMMENT = `# Give one network interface a static IPv4 address with a NetworkManager keyfile.
# Replace: the interface name "ens2" (in the file name and twice inside it; see \`ip link\`),
#          the address/prefix and gateway (192.0.2.10/24, 192.0.2.1) and the DNS servers.
# The keyfile must be mode 0600, or NetworkManager ignores it.
`;
const NM_STATIC_BODY = `storage:
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
`;

// A web server as a Podman Quadlet unit (podman-systemd.unit(5)): Quadlet turns
// /etc/containers/systemd/web.container into web.service at boot.
const WEB_CONTAINER = `[Unit]
Description=nginx web server (Podman Quadlet)

[Container]
Image=docker.io/library/nginx:stable
PublishPort=8080:80

[Service]
Restart=always

[Install]
WantedBy=multi-user.target
`;

const QUADLET_COMMENT = (how: string) => `# Run a container with Podman Quadlet: ${how}
# Replace: the image, the published port 8080:80 and the name "web" (the unit becomes web.service).
`;

/** The Quadlet as a plain file: works on every spec version whose OS has Podman 4.4 or newer. */
const quadletFileBody = `storage:
  files:
    - path: /etc/containers/systemd/web.container
      mode: 0644
      contents:
        inline: |
${indent(WEB_CONTAINER, 10)}`;

/** The Quadlet through Butane's experimental systemd.quadlets (rootful: /etc/containers/systemd/). */
const quadletSugarBody = `systemd:
  quadlets:
    - name: web.container
      rootful: true
      contents: |
${indent(WEB_CONTAINER, 8)}`;

const EXPERIMENTAL_NOTE = "# Experimental spec: systemd.quadlets may still change; not for production machines.\n";

/** A user in wheel (may sudo) logging in with an SSH key, for OSes without a usable default user. */
const adminUser = (name: string) => `passwd:
  users:
    - name: ${name}
      groups:
        - wheel
      ssh_authorized_keys:
        - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI... ${name}@example
      # password_hash: $y$j9T$...
`;

const drafts: Draft[] = [
  {
    id: "ssh-key-hostname",
    title: "SSH key and hostname",
    description: "Log in as core with your SSH key and give the machine a hostname.",
    variant: "fcos",
    comment: `# Log in as "core" with your SSH public key, and set the machine's hostname.
# Replace: the key below with your own public key (e.g. the contents of ~/.ssh/id_ed25519.pub)
#          and "coreos-01" with the hostname you want.
`,
    body: `passwd:
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
    variant: "fcos",
    comment: NM_STATIC_COMMENT,
    body: NM_STATIC_BODY,
  },
  {
    id: "podman-service",
    title: "Container as a systemd service",
    description: "Run a container image with podman under systemd, restarted when it exits.",
    variant: "fcos",
    comment: `# Run a container with podman as a systemd service that starts at boot and restarts on exit.
# Replace: the image (docker.io/library/nginx:stable), the container name "web" (three times)
#          and the published port 8080:80. The image is pulled on the first start.
`,
    body: `systemd:
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
    variant: "fcos",
    comment: `# Log in automatically as "core" on the VGA console (tty1) and the serial console (ttyS0).
# For development and test machines only: anyone with console access gets a shell.
# Replace: "core" in both ExecStart lines if you want another user.
`,
    body: `systemd:
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
    variant: "fcos",
    comment: `# Partition and format a second disk and mount it at /var/lib/data (Butane writes the mount unit).
# Replace: /dev/vdb with your disk (a stable /dev/disk/by-id/... path is safer), the mount path
#          (it must be under /var) and the filesystem format.
# Partition 1 is created if missing and reused, with its data, when the machine is reprovisioned.
`,
    body: `storage:
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
    variant: "fcos",
    comment: `# Add a 4 GiB swap partition to the boot disk, after a root partition capped at 16 GiB.
# Replace: size_mib of root (at least 8192) and of swap. Butane writes the .swap unit.
# The rest of the disk after swap stays unallocated. For swap in RAM instead, see "Swap on zram".
`,
    body: `storage:
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
    variant: "fcos",
    comment: `# Encrypt the root filesystem with LUKS; it is unlocked automatically by the machine's TPM2 chip.
# Needs a TPM 2.0 device (enable it in the firmware or VM settings). Nothing to replace;
# add "tang" servers under luks for network-bound unlocking, or combine with "Mirrored boot disk".
`,
    body: `boot_device:
  luks:
    tpm2: true
`,
  },
  {
    id: "mirrored-boot-disk",
    title: "Mirrored boot disk",
    description: "Mirror the boot disk onto two disks with RAID1 so either one can fail.",
    variant: "fcos",
    comment: `# Mirror the boot disk across two disks (RAID1 for /boot and root, a boot partition on each),
# so the machine keeps booting if either disk fails. Both disks are wiped.
# Replace: layout with your CPU architecture (x86_64, aarch64 or ppc64le) and the two disks.
`,
    body: `boot_device:
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
    variant: "fcos",
    comment: `# Let Zincati (the auto-update agent) reboot into OS updates only in a maintenance window.
# Replace: the days, start_time and length_minutes. Times are UTC unless you set
#          time_zone under [updates.periodic].
`,
    body: `storage:
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
    variant: "fcos",
    comment: `# Opt out of Fedora's "countme" usage statistics by disabling and masking the timer that sends them.
# Nothing to replace.
`,
    body: `systemd:
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
    variant: "fcos",
    comment: `# Add a user who can run sudo (members of "wheel" can), logging in with an SSH key.
# Replace: the name "alice" and the key. To also allow a console password, uncomment
#          password_hash and paste a hash made with:
#          podman run -ti --rm quay.io/coreos/mkpasswd --method=yescrypt
`,
    body: `passwd:
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
    variant: "fcos",
    comment: `# Set the system time zone; Fedora CoreOS uses UTC by default.
# Replace: Europe/Berlin with a zone name from /usr/share/zoneinfo (e.g. America/New_York).
`,
    body: `storage:
  links:
    - path: /etc/localtime
      target: ../usr/share/zoneinfo/Europe/Berlin
`,
  },
  {
    id: "kernel-arguments",
    title: "Kernel arguments",
    description: "Add and remove kernel command-line arguments.",
    variant: "fcos",
    comment: `# Change the kernel command line: add arguments and remove default ones.
# Replace: the examples below. This one turns on an extra console and drops the default
#          "mitigations=auto,nosmt" in favour of "mitigations=auto".
`,
    body: `kernel_arguments:
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
    variant: "fcos",
    comment: `# Use a compressed RAM disk (zram) as swap, managed by systemd's zram-generator.
# Replace: add settings under [zram0] (e.g. zram-size = ram / 2) to change the defaults.
`,
    body: `storage:
  files:
    - path: /etc/systemd/zram-generator.conf
      mode: 0644
      contents:
        inline: |
          # This config file enables a /dev/zram0 device with the default settings
          [zram0]
`,
  },
  {
    id: "quadlet-container-file",
    title: "Container with Quadlet",
    description: "Run a container as a systemd service from a Podman Quadlet .container file.",
    variant: "fcos",
    comment: QUADLET_COMMENT("a .container file in /etc/containers/systemd/ becomes a systemd service."),
    body: quadletFileBody,
  },
  {
    id: "quadlet-container",
    title: "Container with Quadlet (systemd.quadlets)",
    description: "The same Quadlet container through Butane's experimental systemd.quadlets section.",
    variant: "fcos",
    spec: "experimental",
    comment: QUADLET_COMMENT("Butane writes web.container to /etc/containers/systemd/.") + EXPERIMENTAL_NOTE,
    body: quadletSugarBody,
  },
  // Flatcar: sources are Flatcar's docs ("Update and reboot strategies", "Network configuration
  // with networkd", "Getting started with systemd", "Flatcar extensions" for the podman sysext).
  {
    id: "flatcar-ssh-key-hostname",
    title: "SSH key and hostname",
    description: "Log in to Flatcar as core with your SSH key and give the machine a hostname.",
    variant: "flatcar",
    comment: `# Log in to Flatcar as "core" with your SSH public key, and set the machine's hostname.
# Replace: the key below with your own public key and "flatcar-01" with the hostname you want.
`,
    body: `passwd:
  users:
    - name: core
      ssh_authorized_keys:
        - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI... user@example
storage:
  files:
    - path: /etc/hostname
      mode: 0644
      contents:
        inline: flatcar-01
`,
  },
  {
    id: "flatcar-docker-service",
    title: "Docker container as a systemd service",
    description: "Run a container with Flatcar's built-in Docker under systemd, restarted when it exits.",
    variant: "flatcar",
    comment: `# Run a container with Docker (part of Flatcar) as a systemd service that starts at boot.
# Replace: the image (docker.io/library/nginx:stable), the name "web" (three times) and the port 8080:80.
`,
    body: `systemd:
  units:
    - name: web.service
      enabled: true
      contents: |
        [Unit]
        Description=nginx web server in a Docker container
        After=docker.service
        Requires=docker.service

        [Service]
        TimeoutStartSec=0
        ExecStartPre=-/usr/bin/docker rm --force web
        ExecStart=/usr/bin/docker run --name web --pull always --publish 8080:80 docker.io/library/nginx:stable
        ExecStop=/usr/bin/docker stop web
        Restart=always
        RestartSec=5

        [Install]
        WantedBy=multi-user.target
`,
  },
  {
    id: "flatcar-update-window",
    title: "Update reboot window",
    description: "Let locksmithd reboot into Flatcar updates only on Thursdays between 04:00 and 05:00.",
    variant: "flatcar",
    comment: `# Reboot into Flatcar updates only inside a weekly maintenance window (locksmithd).
# Replace: the strategy (reboot, etcd-lock or off), the day and start time (machine time, UTC unless
#          you set a time zone) and the length. Add GROUP=beta or similar to change the channel.
`,
    body: `storage:
  files:
    - path: /etc/flatcar/update.conf
      overwrite: true
      mode: 0644
      contents:
        inline: |
          REBOOT_STRATEGY=reboot
          LOCKSMITHD_REBOOT_WINDOW_START="Thu 04:00"
          LOCKSMITHD_REBOOT_WINDOW_LENGTH=1h
`,
  },
  {
    id: "flatcar-static-ip",
    title: "Static IP address",
    description: "Configure a fixed IPv4 address, gateway and DNS for Flatcar with systemd-networkd.",
    variant: "flatcar",
    comment: `# Give one network interface a static IPv4 address with a systemd-networkd .network file.
# Replace: the interface name "eth0" (see \`ip link\`), the address/prefix, gateway and DNS server.
`,
    body: `storage:
  files:
    - path: /etc/systemd/network/00-static.network
      mode: 0644
      contents:
        inline: |
          [Match]
          Name=eth0

          [Network]
          Address=192.0.2.10/24
          Gateway=192.0.2.1
          DNS=192.0.2.53
`,
  },
  {
    id: "flatcar-quadlet",
    title: "Container with Quadlet (podman sysext)",
    description: "Turn on Flatcar's Podman extension and run a container through experimental systemd.quadlets.",
    variant: "flatcar",
    spec: "experimental",
    comment: QUADLET_COMMENT("Flatcar ships Docker; the podman system extension is turned on in enabled-sysext.conf.") + EXPERIMENTAL_NOTE,
    body: `storage:
  files:
    - path: /etc/flatcar/enabled-sysext.conf
      mode: 0644
      contents:
        inline: |
          podman
${quadletSugarBody}`,
  },
  // OpenShift: MachineConfigs as OpenShift's docs write them (chrony; kernel type and arguments;
  // extensions) and openshift/machine-config-operator docs/MachineConfig.md.
  {
    id: "openshift-chrony",
    title: "NTP servers (chrony)",
    description: "Point a pool's node clocks at your NTP servers with a chrony.conf MachineConfig.",
    variant: "openshift",
    comment: `# Set the NTP servers of a pool's nodes (chrony), as a MachineConfig to apply with oc apply -f.
# Replace: the pool in the role label and in the name (worker or master) and the server lines.
`,
    body: `metadata:
  name: 99-worker-chrony
  labels:
    machineconfiguration.openshift.io/role: worker
storage:
  files:
    - path: /etc/chrony.conf
      mode: 0644
      overwrite: true
      contents:
        inline: |
          pool 0.rhel.pool.ntp.org iburst
          driftfile /var/lib/chrony/drift
          makestep 1.0 3
          rtcsync
          logdir /var/log/chrony
`,
  },
  {
    id: "openshift-realtime-kernel",
    title: "Real-time kernel and kernel arguments",
    description: "Switch a pool's nodes to the real-time kernel and add kernel arguments.",
    variant: "openshift",
    comment: `# Boot a pool's nodes with the real-time kernel and extra kernel arguments (the MCO reboots them).
# Replace: the pool (role label and name) and the arguments; drop kernel_type to keep the default kernel.
`,
    body: `metadata:
  name: 99-worker-realtime
  labels:
    machineconfiguration.openshift.io/role: worker
openshift:
  kernel_type: realtime
  kernel_arguments:
    - nosmt
    - skew_tick=1
`,
  },
  {
    id: "openshift-usbguard-extension",
    title: "RHCOS extension (usbguard)",
    description: "Install the usbguard RHCOS extension on a pool's nodes.",
    variant: "openshift",
    comment: `# Install an RHCOS extension on a pool's nodes. The Forms view lists the extensions this release accepts.
# Replace: the pool (role label and name). usbguard.service stays off until you add rules for your devices.
`,
    body: `metadata:
  name: 99-worker-usbguard
  labels:
    machineconfiguration.openshift.io/role: worker
openshift:
  extensions:
    - usbguard
`,
  },
  {
    id: "openshift-core-ssh-key",
    title: "SSH key for core",
    description: "Add an SSH key for the core user on a pool's nodes.",
    variant: "openshift",
    comment: `# Let an SSH key log in as "core" (the only user a MachineConfig may configure) on a pool's nodes.
# Replace: the pool (role label and name) and the key with your own public key.
`,
    body: `metadata:
  name: 99-worker-ssh
  labels:
    machineconfiguration.openshift.io/role: worker
passwd:
  users:
    - name: core
      ssh_authorized_keys:
        - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI... admin@example
`,
  },
  // RHEL for Edge: users, NetworkManager, greenboot health checks (Red Hat's RHEL for Edge docs)
  // and Quadlet containers (Podman 4.4+ in RHEL 9.2+).
  {
    id: "r4e-admin-user",
    title: "Admin user with SSH key",
    description: "Add a user who can use sudo and logs in with an SSH key (RHEL for Edge has none of its own).",
    variant: "r4e",
    comment: `# Add a user who can run sudo (members of "wheel" can), logging in with an SSH key.
# Replace: the name "admin" and the key. For a console password, uncomment password_hash.
`,
    body: adminUser("admin"),
  },
  {
    id: "r4e-static-ip",
    title: "Static IP address",
    description: "Configure a fixed IPv4 address on RHEL for Edge with a NetworkManager keyfile.",
    variant: "r4e",
    comment: NM_STATIC_COMMENT,
    body: NM_STATIC_BODY,
  },
  {
    id: "r4e-greenboot-check",
    title: "Greenboot health check",
    description: "A required greenboot check: if it fails after an update, the machine rolls back.",
    variant: "r4e",
    comment: `# Add a required greenboot health check: after an update, if it fails, greenboot rolls back.
# Replace: the check (here: the web service answers on port 8080).
`,
    body: `storage:
  files:
    - path: /etc/greenboot/check/required.d/50-web.sh
      mode: 0755
      contents:
        inline: |
          #!/bin/bash
          curl --fail --silent --max-time 10 http://localhost:8080/ > /dev/null
`,
  },
  {
    id: "r4e-quadlet-file",
    title: "Container with Quadlet",
    description: "Run a container as a systemd service from a Podman Quadlet .container file.",
    variant: "r4e",
    comment: QUADLET_COMMENT("a .container file in /etc/containers/systemd/ becomes a systemd service."),
    body: quadletFileBody,
  },
  {
    id: "r4e-quadlet",
    title: "Container with Quadlet (systemd.quadlets)",
    description: "The same Quadlet container through Butane's experimental systemd.quadlets section.",
    variant: "r4e",
    spec: "experimental",
    comment: QUADLET_COMMENT("Butane writes web.container to /etc/containers/systemd/.") + EXPERIMENTAL_NOTE,
    body: quadletSugarBody,
  },
  // Fedora IoT: the docs' own Butane example (a wheel user, a NetworkManager keyfile, a unit).
  {
    id: "fiot-admin-user",
    title: "Admin user with SSH key",
    description: "Add a user who can use sudo and logs in with an SSH key (Fedora IoT's root is locked).",
    variant: "fiot",
    comment: `# Add a user who can run sudo (members of "wheel" can), logging in with an SSH key.
# Replace: the name "core" and the key. For a console password, uncomment password_hash.
`,
    body: adminUser("core"),
  },
  {
    id: "fiot-static-ip",
    title: "Static IP address",
    description: "Configure a fixed IPv4 address on Fedora IoT with a NetworkManager keyfile.",
    variant: "fiot",
    comment: NM_STATIC_COMMENT,
    body: NM_STATIC_BODY,
  },
  {
    id: "fiot-startup-script",
    title: "Script run at boot",
    description: "Install a script and a systemd service that runs it once at every boot.",
    variant: "fiot",
    comment: `# Install a script and run it once at every boot with a systemd service.
# Replace: the script's body and the names (startup.sh, startup.service).
`,
    body: `storage:
  files:
    - path: /usr/local/bin/startup.sh
      mode: 0755
      contents:
        inline: |
          #!/bin/bash
          echo "Hello from $(hostname)"
systemd:
  units:
    - name: startup.service
      enabled: true
      contents: |
        [Unit]
        Description=Run /usr/local/bin/startup.sh at boot
        After=network-online.target
        Wants=network-online.target

        [Service]
        Type=oneshot
        ExecStart=/usr/local/bin/startup.sh

        [Install]
        WantedBy=multi-user.target
`,
  },
  {
    id: "fiot-quadlet-file",
    title: "Container with Quadlet",
    description: "Run a container as a systemd service from a Podman Quadlet .container file.",
    variant: "fiot",
    comment: QUADLET_COMMENT("a .container file in /etc/containers/systemd/ becomes a systemd service."),
    body: quadletFileBody,
  },
  {
    id: "fiot-quadlet",
    title: "Container with Quadlet (systemd.quadlets)",
    description: "The same Quadlet container through Butane's experimental systemd.quadlets section.",
    variant: "fiot",
    spec: "experimental",
    comment: QUADLET_COMMENT("Butane writes web.container to /etc/containers/systemd/.") + EXPERIMENTAL_NOTE,
    body: quadletSugarBody,
  },
];

export const templates: Template[] = drafts.map(build);

/** The variants that have templates, in listSpecs() order. */
export const templateVariants: string[] = [...new Set(listSpecs().map((s) => s.variant))].filter((v) => templates.some((t) => t.variant === v));

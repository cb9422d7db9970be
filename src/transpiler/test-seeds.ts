/** Small real-world-shaped Butane configs used as seeds by property and fuzz tests. */
export const SEEDS: readonly string[] = [
  `variant: fcos
version: 1.6.0
passwd:
  users:
    - name: core
      ssh_authorized_keys:
        - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIExample core@example
storage:
  disks:
    - device: /dev/vdb
      wipe_table: true
      partitions:
        - label: data
          number: 1
          size_mib: 0
  filesystems:
    - device: /dev/disk/by-partlabel/data
      format: xfs
      path: /var/data
      with_mount_unit: true
  files:
    - path: /etc/hostname
      mode: 0644
      overwrite: true
      contents:
        inline: node1
    - path: /etc/motd
      append:
        - inline: hello
  links:
    - path: /etc/localtime
      target: ../usr/share/zoneinfo/UTC
  directories:
    - path: /var/lib/app
      mode: 0750
systemd:
  units:
    - name: app.service
      enabled: true
      contents: |
        [Service]
        ExecStart=/bin/true
        [Install]
        WantedBy=multi-user.target
      dropins:
        - name: 10-env.conf
          contents: |
            [Service]
            Environment=A=B
boot_device:
  layout: x86_64
  mirror:
    devices: [/dev/sda, /dev/sdb]
  luks:
    tpm2: true
kernel_arguments:
  should_exist: [mitigations=auto]
grub:
  users:
    - name: root
      password_hash: grub.pbkdf2.sha512.10000.ABC
`,
  `variant: openshift
version: 4.19.0
metadata:
  name: 99-worker-custom
  labels:
    machineconfiguration.openshift.io/role: worker
openshift:
  kernel_arguments: [loglevel=7]
  fips: true
storage:
  files:
    - path: /etc/custom.conf
      mode: 0644
      contents:
        inline: key=value
  luks:
    - name: data
      device: /dev/vdc
      clevis:
        tang:
          - url: https://tang.example.com
            thumbprint: abc
`,
  `variant: flatcar
version: 1.1.0
ignition:
  config:
    merge:
      - source: https://example.com/base.ign
        verification:
          hash: sha512-00
  proxy:
    https_proxy: https://proxy.example.com
  security:
    tls:
      certificate_authorities:
        - inline: |
            -----BEGIN CERTIFICATE-----
            MIIB
            -----END CERTIFICATE-----
storage:
  raid:
    - name: md0
      level: raid1
      devices: [/dev/vdb, /dev/vdc]
  trees:
    - local: tree
      path: /opt
systemd:
  units:
    - name: docker.service
      mask: true
`,
  `variant: fcos
version: 1.8.0-experimental
systemd:
  quadlets:
    - name: web.container
      contents: |
        [Container]
        Image=quay.io/example/web
    - name: app@1.container
x-anchor: &a
  name: a.service
`,
];

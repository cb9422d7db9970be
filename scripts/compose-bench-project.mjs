// The compose benchmark's project: a main config with per-host placeholders and three snippets
// (two without placeholders, one with), and a CSV hosts table of `count` hosts. Deterministic.
const KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGvGx0cO8gHr2D4nU4oP7ZqKc9uM3yqvX1w3n0f0bench";

const main = `variant: fcos
version: 1.6.0
passwd:
  users:
    - name: core
      ssh_authorized_keys:
        - ${KEY}
storage:
  files:
    - path: /etc/hostname
      mode: 0644
      contents:
        inline: \${HOST}
    - path: /etc/NetworkManager/system-connections/eth0.nmconnection
      mode: 0600
      contents:
        inline: |
          [connection]
          id=eth0
          type=ethernet
          interface-name=eth0
          [ipv4]
          method=manual
          addresses=\${IP}/24
          gateway=\${GATEWAY:-10.0.0.1}
          dns=\${DNS:-10.0.0.2}
`;

const units = `variant: fcos
version: 1.6.0
systemd:
  units:
    - name: node-exporter.service
      enabled: true
      contents: |
        [Unit]
        Description=Prometheus node exporter
        After=network-online.target
        Wants=network-online.target
        [Service]
        ExecStartPre=-/bin/podman rm -f node-exporter
        ExecStart=/bin/podman run --name node-exporter --net host --pid host quay.io/prometheus/node-exporter:v1.8.2
        Restart=always
        [Install]
        WantedBy=multi-user.target
    - name: zincati.service
      dropins:
        - name: 10-interval.conf
          contents: |
            [Service]
            Environment=ZINCATI_VERBOSITY=1
`;

const role = `variant: fcos
version: 1.6.0
storage:
  files:
    - path: /etc/motd
      contents:
        inline: |
          \${HOST}: \${ROLE} node of rack \${RACK:-r1}
    - path: /etc/hostname
      mode: 0644
      user: { name: root }
`;

const admins = `variant: fcos
version: 1.6.0
passwd:
  users:
    - name: core
      groups: [wheel, sudo]
    - name: ops
      groups: [wheel]
      ssh_authorized_keys:
        - ${KEY.replace("bench", "ops01")}
storage:
  directories:
    - path: /var/lib/ops
      mode: 0750
      user: { name: ops }
`;

export function makeComposeProject(count) {
  const rows = ["host,HOST,IP,ROLE,RACK"];
  for (let i = 0; i < count; i++)
    rows.push(`node${i},node${i}.example.net,10.${(i >> 8) & 255}.${i & 255}.10,${["web", "db", "cache"][i % 3]},${i % 7 === 0 ? "" : `r${i % 40}`}`);
  return {
    main: { name: "main.bu", source: main },
    snippets: [
      { name: "units.bu", source: units },
      { name: "role.bu", source: role },
      { name: "admins.bu", source: admins },
    ],
    hostsCsv: rows.join("\n") + "\n",
  };
}

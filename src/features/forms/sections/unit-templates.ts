/** Starter contents for new systemd units. */

export interface UnitTemplate {
  id: string;
  label: string;
  /** Suggested unit name. */
  name: string;
  contents: string;
}

export const unitTemplates: readonly UnitTemplate[] = [
  {
    id: "service",
    label: "Service",
    name: "hello.service",
    contents: `[Unit]
Description=Say hello once at boot
After=network-online.target
Wants=network-online.target

[Service]
Type=oneshot
RemainAfterExit=yes
ExecStart=/usr/bin/echo "Hello from Fedora CoreOS"

[Install]
WantedBy=multi-user.target
`,
  },
  {
    id: "timer",
    label: "Timer",
    name: "hello.timer",
    contents: `[Unit]
Description=Run hello.service every day

[Timer]
OnCalendar=daily
Persistent=true

[Install]
WantedBy=timers.target
`,
  },
  {
    id: "podman",
    label: "Podman container",
    name: "hello-container.service",
    contents: `[Unit]
Description=Hello world container
After=network-online.target
Wants=network-online.target

[Service]
TimeoutStartSec=0
ExecStartPre=-/bin/podman kill hello
ExecStartPre=-/bin/podman rm hello
ExecStartPre=/bin/podman pull quay.io/fedora/fedora:latest
ExecStart=/bin/podman run --name hello quay.io/fedora/fedora:latest /bin/sh -c "while true; do echo Hello; sleep 60; done"
ExecStop=/bin/podman stop hello

[Install]
WantedBy=multi-user.target
`,
  },
];

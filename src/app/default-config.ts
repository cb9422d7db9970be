/** The document a first visit starts with: a small valid fcos 1.6.0 config. */
export const DEFAULT_SOURCE = `# Welcome to Kindling: edit this config, see Ignition on the right.
variant: fcos
version: 1.6.0
passwd:
  users:
    - name: core
      ssh_authorized_keys:
        - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKindlingExampleKeyReplaceWithYourOwn0000 you@example.com
storage:
  files:
    - path: /etc/hostname
      mode: 0644
      contents:
        inline: kindling-demo
`;

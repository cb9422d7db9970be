import { describe, expect, it } from "vitest";
import { findSecrets, redactSecrets, REDACTED, summarizeSecrets } from "./secrets.ts";

const kinds = (s: string) => findSecrets(s).map((f) => [f.kind, f.line]);

describe("findSecrets", () => {
  it.each([
    {
      name: "password_hash value",
      source: "passwd:\n  users:\n    - name: core\n      password_hash: $y$j9T$abcdefghijkl$mnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOP\n",
      want: [["password-hash", 4]],
    },
    { name: "quoted password_hash", source: 'password_hash: "$6$rounds=4096$salt$hashhashhash"\n', want: [["password-hash", 1]] },
    { name: "odd password_hash", source: "password_hash: notacrypthash\n", want: [["password-hash", 1]] },
    { name: "flow password_hash", source: "users: [{name: a, password_hash: $6$abcdefgh$ijklmnop}]\n", want: [["password-hash", 1]] },
    { name: "crypt hash in contents", source: "inline: |\n  root:$6$saltsalt$hashhashhashhash:19000::::::\n", want: [["password-hash", 2]] },
    {
      name: "ssh keys",
      source:
        "ssh_authorized_keys:\n  - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGfoo/bar+baz user@host\n  - ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTY= x\n",
      want: [
        ["ssh-key", 2],
        ["ssh-key", 3],
      ],
    },
    {
      name: "private key block",
      source: "inline: |\n  -----BEGIN OPENSSH PRIVATE KEY-----\n  b3BlbnNzaC1rZXktdjEAAAAA\n  -----END OPENSSH PRIVATE KEY-----\n",
      want: [["private-key", 2]],
    },
    { name: "github token", source: "inline: GITHUB_TOKEN=ghp_abcdefghijklmnopqrstuvwxyz0123456789\n", want: [["token", 1]] },
    { name: "aws key id", source: "inline: AKIAABCDEFGHIJKLMNOP\n", want: [["token", 1]] },
    {
      name: "generic assignment",
      source: "inline: |\n  API_KEY=s3cr3tvalue\n  db_password: hunter2hunter2\n",
      want: [
        ["token", 2],
        ["token", 3],
      ],
    },
    { name: "url credentials", source: "source: https://admin:pa55word@example.com/x.ign\n", want: [["token", 1]] },
    { name: "docker auth", source: 'inline: \'{"auths":{"r.io":{"auth":"dXNlcjpwYXNzd29yZA=="}}}\'\n', want: [["token", 1]] },
  ])("finds $name", ({ source, want }) => {
    expect(kinds(source)).toEqual(want);
  });

  it.each([
    { name: "a plain config", source: "variant: fcos\nversion: 1.6.0\npasswd:\n  users:\n    - name: core\n" },
    { name: "a certificate", source: "inline: |\n  -----BEGIN CERTIFICATE-----\n  MIIB\n  -----END CERTIFICATE-----\n" },
    { name: "a token file path", source: "token_file: /run/secrets/token\n" },
    { name: "an env reference", source: "inline: PASSWORD=$DB_PASSWORD\n" },
    { name: "already redacted", source: "password_hash: REDACTED\n" },
    { name: "the passwd section", source: "passwd:\n  users: []\n" },
  ])("finds nothing in $name", ({ source }) => {
    expect(findSecrets(source)).toEqual([]);
  });
});

describe("redactSecrets", () => {
  it("replaces values and keeps the structure", () => {
    const source = [
      "variant: fcos",
      "version: 1.6.0",
      "passwd:",
      "  users:",
      "    - name: core",
      "      password_hash: $y$j9T$abcdefghijkl$mnopqrstuvwxyz",
      "      ssh_authorized_keys:",
      "        - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGfoo me@laptop",
      "storage:",
      "  files:",
      "    - path: /root/.ssh/id_ed25519",
      "      contents:",
      "        inline: |",
      "          -----BEGIN OPENSSH PRIVATE KEY-----",
      "          b3BlbnNzaC1rZXktdjEAAAAA",
      "          AAAABBBBCCCC",
      "          -----END OPENSSH PRIVATE KEY-----",
      "",
    ].join("\n");
    expect(redactSecrets(source)).toBe(
      [
        "variant: fcos",
        "version: 1.6.0",
        "passwd:",
        "  users:",
        "    - name: core",
        `      password_hash: ${REDACTED}`,
        "      ssh_authorized_keys:",
        `        - ssh-ed25519 ${REDACTED} me@laptop`,
        "storage:",
        "  files:",
        "    - path: /root/.ssh/id_ed25519",
        "      contents:",
        "        inline: |",
        "          -----BEGIN OPENSSH PRIVATE KEY-----",
        `          ${REDACTED}`,
        "          -----END OPENSSH PRIVATE KEY-----",
        "",
      ].join("\n"),
    );
  });

  it("is idempotent and leaves nothing to find", () => {
    const source = 'password_hash: "$6$abcdefgh$ijklmnopqrstu"\ninline: TOKEN=ghp_abcdefghijklmnopqrstuvwxyz0123456789\n';
    const once = redactSecrets(source);
    expect(once).toBe(`password_hash: "${REDACTED}"\ninline: TOKEN=${REDACTED}\n`);
    expect(findSecrets(once)).toEqual([]);
    expect(redactSecrets(once)).toBe(once);
  });

  it("summarizes counts", () => {
    const f = findSecrets("- ssh-rsa AAAAB3Nza1 a\n- ssh-rsa AAAAB3Nza2 b\npassword_hash: $6$abcdefgh$x\n");
    expect(summarizeSecrets(f)).toBe("2 SSH keys, 1 password hash");
  });
});

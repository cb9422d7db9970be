/** Placeholders and secrets: redacted values, example keys, empty and plain-text passwords. */
import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { transpile, type Finding } from "../index.ts";
import { redactSecrets } from "../../features/share/secrets.ts";
import { DEFAULT_SOURCE } from "../../app/default-config.ts";
import { sshKeyProblem } from "./placeholders.ts";

const findings = (src: string): Finding[] => transpile(src, { lint: true }).findings ?? [];

/** A real ed25519 public key in authorized_keys form. */
function realKey(): string {
  const { publicKey } = generateKeyPairSync("ed25519");
  const raw = Buffer.from(publicKey.export({ format: "jwk" }).x!, "base64url");
  const str = (b: Buffer) => Buffer.concat([Buffer.from([0, 0, 0, b.length]), b]);
  return `ssh-ed25519 ${Buffer.concat([str(Buffer.from("ssh-ed25519")), str(raw)]).toString("base64")} me@host`;
}

describe("SSH keys", () => {
  it("a real key passes, the studio's and docs' examples do not", () => {
    expect(sshKeyProblem(realKey())).toBeNull();
    expect(sshKeyProblem("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKindlingExampleKeyReplaceWithYourOwn0000 you@example.com")?.reason).toBe("example");
    expect(sshKeyProblem("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI... user@example")?.reason).toBe("example");
    expect(sshKeyProblem("ssh-rsa AAAA...")?.reason).toBe("example");
    // A real key cut short is malformed, not a placeholder.
    const cut = realKey().split(" ")[1]!.slice(0, 48);
    expect(sshKeyProblem(`ssh-ed25519 ${cut}`)?.reason).toBe("malformed");
  });
  it("the default config's key is reported with a marker on it", () => {
    const f = findings(DEFAULT_SOURCE).filter((x) => x.code === "placeholder-example-key");
    expect(f).toHaveLength(1);
    const line = DEFAULT_SOURCE.split("\n")[f[0]!.line! - 1]!;
    expect(line.slice(f[0]!.column! - 1)).toMatch(/^ssh-ed25519 AAAA/);
    expect(f[0]!.path).toEqual(["passwd", "users", 0, "ssh_authorized_keys", 0]);
  });
});

describe("redacted values", () => {
  it("every REDACTED the share dialog writes is a finding of its kind, at its place", () => {
    const key = realKey();
    const src = `variant: fcos\nversion: 1.6.0\npasswd:\n  users:\n    - name: core\n      password_hash: $6$rounds=4096$saltsalt$abcdefghijklmnopqrstuv\n      ssh_authorized_keys:\n        - ${key}\nstorage:\n  files:\n    - path: /etc/app.env\n      contents:\n        inline: |\n          A=1\n          api_token=ghp_abcdefghijklmnopqrstuvwxyz0123456789\n`;
    const redacted = redactSecrets(src);
    const f = findings(redacted).filter((x) => x.code === "placeholder-redacted");
    expect(f.map((x) => x.data?.kind)).toEqual(["password-hash", "ssh-key", "token"]);
    const lines = redacted.split("\n");
    for (const x of f) expect(lines[x.line! - 1]!.slice(x.column! - 1, x.endColumn! - 1)).toBe("REDACTED");
    // Before redaction: nothing to fill in.
    expect(findings(src).filter((x) => x.code.startsWith("placeholder"))).toEqual([]);
  });
});

describe("passwords", () => {
  const user = (hash: string) => `variant: fcos\nversion: 1.6.0\npasswd:\n  users:\n    - name: core\n      password_hash: ${hash}\n`;
  it.each([
    ['""', "empty-password-hash"],
    ["hunter2", "plaintext-password"],
    ["correct horse battery staple", "plaintext-password"],
    ["$6$...", "placeholder-example-hash"],
  ])("%s → %s", (hash, code) => {
    const f = findings(user(hash));
    expect(f.map((x) => x.code)).toEqual([code]);
    expect(f[0]!.line).toBe(6);
  });
  it.each([
    "$6$rounds=4096$saltsalt$Wg8FjRl5Jd4lGTCsJ2Uh2f6oJ5ZZqvT3c1wW2b7/Ru8F0r9x1",
    "$y$j9T$F5Jx5fExrKuPp53xLKQ..1$X3DX6M94c7o.9agCG9G317fhZg9SqC.5i5rd.RhAtQ7",
    "$2b$12$abcdefghijklmnopqrstuuJ1Ocd0qmJ6b7R6bUlz4z5oG2q4nF3Z.",
    "!",
    "*",
    "abcdefghijklm",
  ])("a crypt(3) hash or locked form is fine: %s", (hash) => {
    expect(findings(user(hash))).toEqual([]);
  });
  it("GRUB wants a PBKDF2 hash", () => {
    const grub = (h: string) => `variant: fcos\nversion: 1.6.0\ngrub:\n  users:\n    - name: root\n      password_hash: ${h}\n`;
    expect(findings(grub("grub.pbkdf2.sha512.10000.ABCDEF.0123456789"))).toEqual([]);
    expect(findings(grub("secret")).map((x) => x.code)).toEqual(["plaintext-password"]);
  });
});

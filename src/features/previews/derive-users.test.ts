import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { deriveUsers, emptyUsersView } from "./derive-users.ts";
import { parseSshKey } from "./ssh-key.ts";
import { anything, garbageInputs, ignitionish } from "./garbage.test-helpers.ts";

// A real ed25519 public key blob (type string + 32 bytes), so the embedded type check runs.
const ED25519_BLOB = "AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl";
const HASH = "$y$j9T$Vx3vQyV3eU1uZ0c2$ZW5vdWdoLWZvci1hLXRlc3Q";

describe("parseSshKey", () => {
  it.each([
    {
      line: `ssh-ed25519 ${ED25519_BLOB} alice@laptop`,
      want: { type: "ssh-ed25519", algorithm: "Ed25519", comment: "alice@laptop", options: null, problem: null },
    },
    {
      line: `ssh-rsa ${ED25519_BLOB} x`,
      want: { type: "ssh-rsa", algorithm: "RSA", problem: "key data is a ssh-ed25519 key, not ssh-rsa" },
    },
    {
      line: `no-pty,command="echo hi there" ssh-ed25519 ${ED25519_BLOB} bob with spaces`,
      want: { type: "ssh-ed25519", options: 'no-pty,command="echo hi there"', comment: "bob with spaces" },
    },
    {
      line: "ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTY=",
      want: { algorithm: "ECDSA P-256", comment: null, problem: null },
    },
    {
      line: "sk-ssh-ed25519@openssh.com AAAAGnNrLXNzaC1lZDI1NTE5QG9wZW5zc2guY29t k@yubi",
      want: { algorithm: "Ed25519 (security key)", comment: "k@yubi" },
    },
    {
      line: "ssh-ed25519-cert-v01@openssh.com AAAA c",
      want: { algorithm: "Ed25519 certificate" },
    },
    {
      line: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI... user@example",
      want: { type: "ssh-ed25519", comment: "user@example", problem: "placeholder key: replace it with your public key" },
    },
    {
      line: "ssh-ed25519 AAAA$$$$ x",
      want: { type: "ssh-ed25519", problem: "key data does not look like base64" },
    },
    { line: "ssh-ed25519", want: { type: "ssh-ed25519", problem: "key data is missing" } },
    { line: "hello world", want: { type: null, problem: "not an OpenSSH public key line" } },
    { line: "", want: { type: null } },
  ])("parses $line", ({ line, want }) => {
    expect(parseSshKey(line)).toMatchObject(want);
  });

  it("never throws", () => {
    fc.assert(fc.property(fc.string(), (s) => typeof parseSshKey(s) === "object"));
  });
});

describe("deriveUsers", () => {
  const config = {
    ignition: { version: "3.5.0" },
    passwd: {
      users: [
        {
          name: "core",
          sshAuthorizedKeys: [`ssh-ed25519 ${ED25519_BLOB} core@example`, "# comment\n\nssh-rsa AAAAB3NzaC1yc2E= two@x\r\n"],
        },
        { name: "admin", uid: 1001, groups: ["wheel", "sudo"], shell: "/bin/zsh", passwordHash: HASH, homeDir: "/var/home/admin" },
        { name: "svc", system: true, primaryGroup: "svc" },
      ],
      groups: [
        { name: "svc", gid: 990, system: true },
        { name: "team", passwordHash: HASH },
      ],
    },
  };

  it("lists users, groups and keys", () => {
    const v = deriveUsers(config);
    expect(v.users.map((u) => [u.name, u.uid, u.groups, u.shell, u.passwordSet, u.sshKeys.length])).toEqual([
      ["core", null, [], null, false, 2],
      ["admin", 1001, ["wheel", "sudo"], "/bin/zsh", true, 0],
      ["svc", null, [], null, false, 0],
    ]);
    expect(v.users[0]?.sshKeys.map((k) => [k.algorithm, k.comment])).toEqual([
      ["Ed25519", "core@example"],
      ["RSA", "two@x"],
    ]);
    expect(v.users[2]).toMatchObject({ system: true, primaryGroup: "svc" });
    expect(v.users[1]?.homeDir).toBe("/var/home/admin");
    expect(v.groups).toEqual([
      { name: "svc", gid: 990, system: true, passwordSet: false },
      { name: "team", gid: null, system: false, passwordSet: true },
    ]);
  });

  it("never carries a password hash", () => {
    expect(JSON.stringify(deriveUsers(config))).not.toContain("$y$");
  });

  it("treats an empty hash as no password", () => {
    expect(deriveUsers({ passwd: { users: [{ name: "a", passwordHash: "" }] } }).users[0]?.passwordSet).toBe(false);
  });

  it.each(garbageInputs)("never throws on garbage: $name", ({ input }) => {
    const v = deriveUsers(input);
    expect(Array.isArray(v.users)).toBe(true);
  });

  it("returns the empty view for non-configs", () => {
    expect(deriveUsers(7)).toEqual(emptyUsersView);
  });

  it("never throws on random input", () => {
    fc.assert(
      fc.property(fc.oneof(ignitionish, anything), (input) => Array.isArray(deriveUsers(input).users)),
      { numRuns: 300 },
    );
  });
});

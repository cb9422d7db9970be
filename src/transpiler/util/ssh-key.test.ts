/** The shared reading of authorized_keys lines (the lint, the forms and the users preview use it). */
import { describe, expect, it } from "vitest";
import { blobKeyType, decodeKeyData, keyDataType, keyTypeName, tokenizeKeyLine } from "./ssh-key.ts";

const wire = (...parts: Uint8Array[]) => {
  const out: number[] = [];
  for (const p of parts) out.push(p.length >>> 24, (p.length >>> 16) & 255, (p.length >>> 8) & 255, p.length & 255, ...p);
  return Uint8Array.from(out);
};
const ed25519 = Buffer.from(wire(new TextEncoder().encode("ssh-ed25519"), new Uint8Array(32).fill(7))).toString("base64");

describe("SSH public keys", () => {
  it("splits a line on white space, keeping quoted options whole", () => {
    expect(tokenizeKeyLine(`command="echo hi there",no-pty ssh-ed25519 ${ed25519} me@host`)).toEqual([
      'command="echo hi there",no-pty',
      "ssh-ed25519",
      ed25519,
      "me@host",
    ]);
  });

  it("names key types, certificates included, and nothing else", () => {
    expect(keyTypeName("ssh-ed25519")).toBe("Ed25519");
    expect(keyTypeName("ssh-rsa-cert-v01@openssh.com")).toBe("RSA certificate");
    expect(keyTypeName("sk-ssh-ed25519-cert-v01@openssh.com")).toBe("Ed25519 (security key) certificate");
    expect(keyTypeName("ssh-foo")).toBeNull();
  });

  it("reads the key type inside the key data", () => {
    const bytes = decodeKeyData(ed25519);
    expect(bytes).not.toBeNull();
    expect(blobKeyType(bytes!)).toBe("ssh-ed25519");
    expect(keyDataType(ed25519)).toBe("ssh-ed25519");
    expect(keyDataType(ed25519.slice(0, 30))).toBe("ssh-ed25519");
  });

  it("refuses key data that is not base64", () => {
    expect(decodeKeyData("AAAA...")).toBeNull();
    expect(decodeKeyData("AAAAC3NzaC1lZDI1NTE")).toBeNull(); // 19 characters: not whole base64 groups
    expect(keyDataType("!!!!")).toBeNull();
  });
});

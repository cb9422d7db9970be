/**
 * OpenSSH public keys (`authorized_keys` lines): the key types, splitting a line as sshd does, and
 * reading the key data (base64 of length-prefixed wire strings, the first naming the key type).
 * Shared by the lint, the forms and the users preview; nothing here verifies a key.
 */
import { decodeBase64, withPadding } from "./base64.ts";

/** How many wire strings a key type's data holds after its type name, and the fixed lengths of some. */
export interface KeyLayout {
  fields: number;
  fixed?: Readonly<Record<number, number>>;
}

/** The public key types OpenSSH knows: a friendly name, and the data's layout where we check it. */
export const SSH_KEY_TYPES: Readonly<Record<string, { name: string; layout?: KeyLayout }>> = {
  "ssh-ed25519": { name: "Ed25519", layout: { fields: 1, fixed: { 0: 32 } } },
  "ssh-rsa": { name: "RSA", layout: { fields: 2 } },
  "ssh-dss": { name: "DSA", layout: { fields: 4 } },
  "ecdsa-sha2-nistp256": { name: "ECDSA P-256", layout: { fields: 2, fixed: { 1: 65 } } },
  "ecdsa-sha2-nistp384": { name: "ECDSA P-384", layout: { fields: 2, fixed: { 1: 97 } } },
  "ecdsa-sha2-nistp521": { name: "ECDSA P-521", layout: { fields: 2, fixed: { 1: 133 } } },
  "sk-ssh-ed25519@openssh.com": { name: "Ed25519 (security key)", layout: { fields: 2, fixed: { 0: 32 } } },
  "sk-ecdsa-sha2-nistp256@openssh.com": { name: "ECDSA P-256 (security key)", layout: { fields: 3, fixed: { 1: 65 } } },
  "ssh-ed448": { name: "Ed448" },
};

const CERT_SUFFIX = "-cert-v01@openssh.com";

/** The friendly name of a key type ("Ed25519", "RSA certificate" …), or null when it is not one OpenSSH knows. */
export function keyTypeName(type: string): string | null {
  const known = SSH_KEY_TYPES[type]?.name;
  if (known !== undefined) return known;
  if (type.endsWith(CERT_SUFFIX)) {
    const base = type.slice(0, -CERT_SUFFIX.length);
    const baseName = SSH_KEY_TYPES[base]?.name ?? SSH_KEY_TYPES[`${base}@openssh.com`]?.name;
    if (baseName !== undefined) return `${baseName} certificate`;
  }
  return null;
}

/** True for a key type OpenSSH knows (certificates included). */
export const isKnownKeyType = (type: string): boolean => keyTypeName(type) !== null;

/**
 * Splits an authorized_keys line on white space as sshd does: a double-quoted run (options like
 * `command="echo hi there"`) stays inside one token.
 */
export function tokenizeKeyLine(line: string): string[] {
  const tokens: string[] = [];
  let cur = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i] ?? "";
    if (c === "\\" && quoted && line[i + 1] === '"') {
      cur += '\\"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
      cur += c;
    } else if (!quoted && /\s/.test(c)) {
      if (cur !== "") tokens.push(cur);
      cur = "";
    } else {
      cur += c;
    }
  }
  if (cur !== "") tokens.push(cur);
  return tokens;
}

/** The bytes of base64 key data (standard alphabet, padded), or null when it is not valid base64. */
export function decodeKeyData(blob: string): Uint8Array | null {
  return blob === "" ? null : decodeBase64(blob);
}

/** Reads a length-prefixed SSH wire string at `at`; null when it runs past the end. */
export function wireString(b: Uint8Array, at: number): { bytes: Uint8Array; next: number } | null {
  if (at + 4 > b.length) return null;
  const n = ((b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!) >>> 0;
  if (at + 4 + n > b.length) return null;
  return { bytes: b.subarray(at + 4, at + 4 + n), next: at + 4 + n };
}

/** The key type named at the start of decoded key data (1 to 64 characters), or null. */
export function blobKeyType(b: Uint8Array): string | null {
  const name = wireString(b, 0);
  if (!name || name.bytes.length === 0 || name.bytes.length > 64) return null;
  return String.fromCharCode(...name.bytes);
}

/** The key type named at the start of base64 key data, reading only its first 60 characters; null when unreadable. */
export function keyDataType(blob: string): string | null {
  const bytes = decodeKeyData(withPadding(blob.slice(0, 64).replace(/=+$/, "").slice(0, 60)));
  return bytes ? blobKeyType(bytes) : null;
}

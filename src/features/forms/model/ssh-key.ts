/**
 * Checks an OpenSSH public key line (`authorized_keys` format): a known key type, base64 key data
 * that decodes and names the same type inside, and an optional comment.
 */

export interface SshKeyCheck {
  ok: boolean;
  type: string | null;
  comment: string | null;
  /** Why it is not a valid key (when !ok). */
  error: string | null;
}

const TYPES = new Set([
  "ssh-ed25519",
  "ssh-rsa",
  "ssh-dss",
  "ecdsa-sha2-nistp256",
  "ecdsa-sha2-nistp384",
  "ecdsa-sha2-nistp521",
  "sk-ssh-ed25519@openssh.com",
  "sk-ecdsa-sha2-nistp256@openssh.com",
  "ssh-ed448",
]);

const isKnownType = (t: string) => TYPES.has(t) || (t.endsWith("-cert-v01@openssh.com") && TYPES.has(t.replace("-cert-v01@openssh.com", "")));

function base64Bytes(s: string): Uint8Array | null {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(s) || s.length % 4 !== 0) return null;
  try {
    const bin = atob(s);
    return Uint8Array.from(bin, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

/** The key type string stored at the start of the key blob (uint32 length + bytes). */
function blobType(b: Uint8Array): string | null {
  if (b.length < 4) return null;
  const n = ((b[0]! << 24) | (b[1]! << 16) | (b[2]! << 8) | b[3]!) >>> 0;
  if (n === 0 || n > 64 || 4 + n > b.length) return null;
  return String.fromCharCode(...b.subarray(4, 4 + n));
}

export function checkSshKey(line: string): SshKeyCheck {
  const bad = (error: string, type: string | null = null): SshKeyCheck => ({ ok: false, type, comment: null, error });
  const text = line.trim();
  if (text === "") return bad("Empty key.");
  if (/PRIVATE KEY/.test(text)) return bad("This is a private key. Paste the public key (the .pub file).");
  if (text.startsWith("---- BEGIN SSH2")) return bad("RFC 4716 format: convert it with ssh-keygen -i -f key.pub.");
  const tokens = text.split(/\s+/);
  // authorized_keys options (no-pty,from="…") may come before the type.
  const at = tokens.findIndex((t) => isKnownType(t));
  if (at < 0) return bad(`Unknown key type "${tokens[0] ?? ""}": expected e.g. ssh-ed25519 or ssh-rsa.`);
  const type = tokens[at] ?? null;
  const data = tokens[at + 1];
  if (!data) return bad("The key data is missing after the type.", type);
  const bytes = base64Bytes(data);
  if (!bytes) return bad("The key data is not valid base64.", type);
  const inner = blobType(bytes);
  if (inner !== type) return bad(inner ? `The key data is a ${inner} key, not ${type ?? ""}.` : "The key data is truncated or damaged.", type);
  const comment = tokens.slice(at + 2).join(" ") || null;
  return { ok: true, type, comment, error: null };
}

/**
 * Checks an OpenSSH public key line (`authorized_keys` format): a known key type, base64 key data
 * that decodes and names the same type inside, and an optional comment.
 */
import { blobKeyType, decodeKeyData, isKnownKeyType, tokenizeKeyLine } from "../../../transpiler/util/ssh-key.ts";

export interface SshKeyCheck {
  ok: boolean;
  type: string | null;
  comment: string | null;
  /** Why it is not a valid key (when !ok). */
  error: string | null;
}

export function checkSshKey(line: string): SshKeyCheck {
  const bad = (error: string, type: string | null = null): SshKeyCheck => ({ ok: false, type, comment: null, error });
  const text = line.trim();
  if (text === "") return bad("Empty key.");
  if (/PRIVATE KEY/.test(text)) return bad("This is a private key. Paste the public key (the .pub file).");
  if (text.startsWith("---- BEGIN SSH2")) return bad("RFC 4716 format: convert it with ssh-keygen -i -f key.pub.");
  const tokens = tokenizeKeyLine(text);
  // authorized_keys options (no-pty,from="…") may come before the type.
  const at = tokens.findIndex((t) => isKnownKeyType(t));
  if (at < 0) return bad(`Unknown key type "${tokens[0] ?? ""}": expected e.g. ssh-ed25519 or ssh-rsa.`);
  const type = tokens[at] ?? null;
  const data = tokens[at + 1];
  if (!data) return bad("The key data is missing after the type.", type);
  const bytes = decodeKeyData(data);
  if (!bytes) return bad("The key data is not valid base64.", type);
  const inner = blobKeyType(bytes);
  if (inner !== type) return bad(inner ? `The key data is a ${inner} key, not ${type ?? ""}.` : "The key data is truncated or damaged.", type);
  const comment = tokens.slice(at + 2).join(" ") || null;
  return { ok: true, type, comment, error: null };
}

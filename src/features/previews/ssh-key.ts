/** Parsing of OpenSSH `authorized_keys` lines, for display only (nothing is verified). */
import { isKnownKeyType, keyDataType, keyTypeName, tokenizeKeyLine } from "../../transpiler/util/ssh-key.ts";

export interface SshKeyInfo {
  /** Key type as written, e.g. `ssh-ed25519`; null when no known type was found. */
  type: string | null;
  /** Friendly algorithm name, e.g. "Ed25519", "RSA", "ECDSA P-256 (security key)". */
  algorithm: string | null;
  /** Trailing comment (often `user@host`), or null. */
  comment: string | null;
  /** authorized_keys options before the key type, e.g. `no-pty,from="10.0.0.0/8"`. */
  options: string | null;
  /** A problem worth showing, e.g. "key data does not look like base64". */
  problem: string | null;
}

function looksLikeType(token: string): boolean {
  return isKnownKeyType(token) || /^(ssh|ecdsa|sk)-[a-z0-9@.-]+$/i.test(token);
}

/** Parses one authorized_keys line. Never throws; unknown input yields `type: null`. */
export function parseSshKey(line: string): SshKeyInfo {
  const tokens = tokenizeKeyLine(line.trim());
  // The type is the first token, or the second when the line starts with options.
  const i = looksLikeType(tokens[0] ?? "") ? 0 : looksLikeType(tokens[1] ?? "") ? 1 : -1;
  if (i < 0) {
    return { type: null, algorithm: null, comment: null, options: null, problem: "not an OpenSSH public key line" };
  }
  const type = tokens[i] ?? "";
  const options = i === 1 ? (tokens[0] ?? null) : null;
  const blob = tokens[i + 1] ?? null;
  const comment = tokens.slice(i + 2).join(" ");
  let problem: string | null = null;
  if (blob === null) problem = "key data is missing";
  else if (/(\.\.\.|…)$/.test(blob)) problem = "placeholder key: replace it with your public key";
  else if (!/^[A-Za-z0-9+/]+={0,2}$/.test(blob)) problem = "key data does not look like base64";
  else {
    const inner = keyDataType(blob);
    // Real keys embed their own type, so a mismatch means a copy-paste accident.
    if (inner !== null && inner !== type) problem = `key data is a ${inner} key, not ${type}`;
  }
  return {
    type,
    algorithm: keyTypeName(type),
    comment: comment !== "" ? comment : null,
    options,
    problem,
  };
}

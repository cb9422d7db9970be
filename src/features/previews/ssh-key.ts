/** Parsing of OpenSSH `authorized_keys` lines, for display only (nothing is verified). */

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

const ALGORITHMS: Readonly<Record<string, string>> = {
  "ssh-ed25519": "Ed25519",
  "ssh-rsa": "RSA",
  "ssh-dss": "DSA",
  "ecdsa-sha2-nistp256": "ECDSA P-256",
  "ecdsa-sha2-nistp384": "ECDSA P-384",
  "ecdsa-sha2-nistp521": "ECDSA P-521",
  "sk-ssh-ed25519@openssh.com": "Ed25519 (security key)",
  "sk-ecdsa-sha2-nistp256@openssh.com": "ECDSA P-256 (security key)",
  "ssh-ed448": "Ed448",
};

const CERT_SUFFIX = "-cert-v01@openssh.com";

function algorithmOf(type: string): string | null {
  const known = ALGORITHMS[type];
  if (known !== undefined) return known;
  if (type.endsWith(CERT_SUFFIX)) {
    const base = type.slice(0, -CERT_SUFFIX.length);
    const baseName = ALGORITHMS[base] ?? ALGORITHMS[`${base}@openssh.com`];
    if (baseName !== undefined) return `${baseName} certificate`;
  }
  return null;
}

function looksLikeType(token: string): boolean {
  return algorithmOf(token) !== null || /^(ssh|ecdsa|sk)-[a-z0-9@.-]+$/i.test(token);
}

/**
 * Splits a line on whitespace, keeping double-quoted runs (options like
 * `command="echo hi there"`) inside one token, as sshd does.
 */
function tokenize(line: string): string[] {
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
    } else if (!quoted && (c === " " || c === "\t")) {
      if (cur !== "") tokens.push(cur);
      cur = "";
    } else {
      cur += c;
    }
  }
  if (cur !== "") tokens.push(cur);
  return tokens;
}

/** Reads the key type string embedded at the start of the base64 blob (uint32 length + name). */
function embeddedType(blob: string): string | null {
  try {
    const head = atob(blob.slice(0, 64).replace(/=+$/, "").slice(0, 60));
    if (head.length < 4) return null;
    const len = ((head.charCodeAt(0) << 24) | (head.charCodeAt(1) << 16) | (head.charCodeAt(2) << 8) | head.charCodeAt(3)) >>> 0;
    if (len === 0 || len > 64 || head.length < 4 + len) return null;
    return head.slice(4, 4 + len);
  } catch {
    return null;
  }
}

/** Parses one authorized_keys line. Never throws; unknown input yields `type: null`. */
export function parseSshKey(line: string): SshKeyInfo {
  const tokens = tokenize(line.trim());
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
    const inner = embeddedType(blob);
    // Real keys embed their own type, so a mismatch means a copy-paste accident.
    if (inner !== null && inner !== type) problem = `key data is a ${inner} key, not ${type}`;
  }
  return {
    type,
    algorithm: algorithmOf(type),
    comment: comment !== "" ? comment : null,
    options,
    problem,
  };
}

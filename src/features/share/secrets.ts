/**
 * Finds secrets in a config's text before it goes into a share link, and redacts them. Works on
 * the text (a share link carries text), so comments and file contents are covered too.
 */

export const SecretKind = {
  PasswordHash: "password-hash",
  SshKey: "ssh-key",
  PrivateKey: "private-key",
  Token: "token",
} as const;
export type SecretKind = (typeof SecretKind)[keyof typeof SecretKind];

/** One secret: its kind, 1-based line, and the text range the redaction replaces. */
export interface SecretFinding {
  kind: SecretKind;
  line: number;
  start: number;
  end: number;
}

/** What a redacted secret becomes. Keeps the YAML valid and the config transpilable. */
export const REDACTED = "REDACTED";

interface Rule {
  kind: SecretKind;
  re: RegExp;
  /** Index of the capture group holding the secret; 0 = the whole match. */
  group: number;
}

// Order matters only for overlaps: the first rule that claims a range wins.
const rules: Rule[] = [
  // Private key blocks (PEM/OpenSSH); certificates and public keys are not secret.
  {
    kind: SecretKind.PrivateKey,
    re: /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----([\s\S]*?)(?=[ \t]*-----END [A-Z0-9 ]*PRIVATE KEY-----)/g,
    group: 1,
  },
  // The value of any password_hash key, whatever it looks like.
  { kind: SecretKind.PasswordHash, re: /\bpassword_hash["']?[ \t]*:[ \t]*["']?([^\s"',}#][^\n"',}#]*?)["']?[ \t]*(?=$|[,}#\n])/gm, group: 1 },
  // crypt(3) hashes anywhere, e.g. an inline /etc/shadow.
  { kind: SecretKind.PasswordHash, re: /\$(?:1|2[abxy]?|5|6|y|gy|7|sha1|md5)\$[./A-Za-z0-9$=]{8,}/g, group: 0 },
  // SSH public keys: the base64 blob (the key type and comment stay).
  {
    kind: SecretKind.SshKey,
    re: /\b(?:ssh-(?:rsa|dss|ed25519)|ecdsa-sha2-nistp(?:256|384|521)|sk-(?:ssh-ed25519|ecdsa-sha2-nistp256)@openssh\.com)[ \t]+(AAAA[A-Za-z0-9+/]+={0,3})/g,
    group: 1,
  },
  // Well-known token formats.
  {
    kind: SecretKind.Token,
    re: /\b(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{22,}|glpat-[A-Za-z0-9_-]{20,}|xox[abposr]-[A-Za-z0-9-]{10,}|(?:AKIA|ASIA)[0-9A-Z]{16}|sk-[A-Za-z0-9_-]{20,}|tskey-[A-Za-z0-9-]{10,}|eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,})/g,
    group: 0,
  },
  // Passwords in URLs: scheme://user:password@host.
  { kind: SecretKind.Token, re: /\b[a-z][a-z0-9+.-]*:\/\/[^/\s:@]+:([^/\s@]+)@/gi, group: 1 },
  // key = value / key: value where the key names a secret (not paths, env references or templates).
  {
    kind: SecretKind.Token,
    re: /[A-Za-z0-9_.-]*(?:token|secret|passw(?:or)?d|api[_-]?key|auth[_-]?key|access[_-]?key|"auth")[A-Za-z0-9_.-]*["']?[ \t]*[:=][ \t]*["']?(?![/$]|\{\{|REDACTED)([^\s"',}]{6,})/gi,
    group: 1,
  },
];

function lineAt(source: string, index: number): number {
  let line = 1;
  for (let i = source.indexOf("\n"); i !== -1 && i < index; i = source.indexOf("\n", i + 1)) line++;
  return line;
}

/** Every secret in `source`, in text order, without overlaps. */
export function findSecrets(source: string): SecretFinding[] {
  const found: SecretFinding[] = [];
  for (const rule of rules) {
    for (const m of source.matchAll(rule.re)) {
      const text = m[rule.group];
      if (text === undefined || text.trim() === "" || text.trim() === REDACTED) continue;
      const offset = rule.group === 0 ? 0 : m[0].indexOf(text);
      const start = (m.index ?? 0) + offset;
      const end = start + text.length;
      if (found.some((f) => start < f.end && f.start < end)) continue;
      found.push({ kind: rule.kind, line: lineAt(source, start), start, end });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** `source` with every secret replaced by `REDACTED` (a private key body keeps its line layout). */
export function redactSecrets(source: string, findings = findSecrets(source)): string {
  let out = source;
  for (const f of [...findings].sort((a, b) => b.start - a.start)) {
    let replacement = REDACTED;
    if (f.kind === SecretKind.PrivateKey) {
      // Body runs from after BEGIN's dashes to the END line's indent: keep one indented line.
      const body = source.slice(f.start, f.end);
      const nl = body.indexOf("\n");
      if (nl !== -1) {
        const indent = /^[ \t]*/.exec(source.slice(f.end))?.[0] ?? "";
        replacement = "\n" + indent + REDACTED + "\n";
      }
    }
    out = out.slice(0, f.start) + replacement + out.slice(f.end);
  }
  return out;
}

/** Counts per kind, for a short summary ("2 SSH keys, 1 password hash"). */
export function summarizeSecrets(findings: readonly SecretFinding[]): string {
  const names: Record<SecretKind, [string, string]> = {
    "password-hash": ["password hash", "password hashes"],
    "ssh-key": ["SSH key", "SSH keys"],
    "private-key": ["private key", "private keys"],
    token: ["token or password", "tokens or passwords"],
  };
  const counts = new Map<SecretKind, number>();
  for (const f of findings) counts.set(f.kind, (counts.get(f.kind) ?? 0) + 1);
  return [...counts].map(([k, n]) => `${n} ${names[k][n === 1 ? 0 : 1]}`).join(", ");
}

/**
 * Placeholder and secret checks: values a share link redacted (`REDACTED`), SSH keys that are
 * examples or not keys at all, empty password hashes, and passwords written where a crypt(3) hash
 * belongs. Each would give a machine nobody can log in to (or anyone can).
 */
import type { Finding } from "./finding.ts";
import { brief } from "./brief.ts";
import type { BObject } from "../decode.ts";
import type { Path } from "../types.ts";
import type { YNode } from "../yaml/node.ts";
import { walkPath } from "../correlate.ts";
import { decodeKeyData, SSH_KEY_TYPES, tokenizeKeyLine, wireString } from "../util/ssh-key.ts";
import { scalarLocator } from "./scalar-position.ts";
import { placeAt, placeIn } from "./place.ts";

/** What the share dialog's redaction writes in place of a secret (src/features/share/secrets.ts). */
export const REDACTED = "REDACTED";
/** The same text under the name the share and fill-in code use. */
export const REDACTED_TEXT = REDACTED;

/** What Forms shows beside an example key (Problems says the same, naming the user). */
export const EXAMPLE_KEY_MESSAGE =
  "This is an example SSH key, not a real one: replace it with your own public key (e.g. the contents of ~/.ssh/id_ed25519.pub).";

/**
 * True when an authorized_keys line is an example or elided key (its key data says so: `AAAA...`,
 * "example", "your key" …). A short or broken key without such words is not called an example
 * here: Forms explains what is wrong with it instead.
 */
export function isExampleKey(line: string): boolean {
  const tokens = tokenizeKeyLine(line.trim());
  const at = tokens.findIndex((t) => /^(ssh-|ecdsa-|sk-)/.test(t));
  return at >= 0 && PLACEHOLDER.test(tokens[at + 1] ?? "") && sshKeyProblem(line)?.reason === "example";
}

type Emit = (f: Finding) => void;

/** The kind of value a redacted path held, for the "fill in" fix. */
function redactedKind(path: Path, value: string): string {
  const last = path[path.length - 1];
  if (last === "password_hash") return "password-hash";
  if (path.includes("ssh_authorized_keys")) return "ssh-key";
  if (/PRIVATE KEY/.test(value)) return "private-key";
  return "token";
}

/** Every `REDACTED` in a string value, each a finding at its exact place when it maps. */
function findRedacted(root: YNode | null, srcLines: readonly string[], emit: Emit): void {
  const visit = (node: YNode, path: Path): void => {
    if (node.kind === "map") {
      for (const e of node.entries) if (e.key.kind === "scalar") visit(e.value, [...path, e.key.value]);
    } else if (node.kind === "seq") {
      node.items.forEach((item, i) => visit(item, [...path, i]));
    } else if (node.kind === "scalar" && node.value.includes(REDACTED)) {
      const locate = scalarLocator(srcLines, node);
      const kind = redactedKind(path, node.value);
      node.value.split("\n").forEach((line, i) => {
        // The share dialog writes the word alone: `REDACTED-NOT-A-TOKEN` or `MY_REDACTED` is someone's text.
        for (const m of line.matchAll(/(?<![\w-])REDACTED(?![\w-])/g)) {
          const column = [...line.slice(0, m.index ?? 0)].length + 1;
          emit({
            code: "placeholder-redacted",
            severity: "error",
            ...placeIn(path, locate, { line: node.line, column: node.column }, i + 1, column, REDACTED.length),
            message: `This ${kind === "password-hash" ? "password hash" : kind === "ssh-key" ? "SSH key" : kind === "private-key" ? "private key" : "value"} was removed when the config was shared: fill in the real value before using the config.`,
            data: { kind },
          });
        }
      });
    }
  };
  if (root) visit(root, []);
}

/** Words and shapes people put in place of a real key. */
const PLACEHOLDER = /\.\.\.|…|example|replace|your|xxxx|changeme|placeholder/i;

/** Why an authorized_keys line is not a usable public key: a placeholder, or malformed; null when fine. */
export function sshKeyProblem(line: string): { reason: "example" | "malformed"; detail: string } | null {
  const tokens = tokenizeKeyLine(line.trim());
  const at = tokens.findIndex((t) => /^(ssh-|ecdsa-|sk-)/.test(t));
  if (at < 0) return null; // not a key line we understand (options only, certificates authorities …)
  const type = tokens[at] ?? "";
  const blob = tokens[at + 1] ?? "";
  if (blob === REDACTED) return null; // reported as a redaction
  const broken = structureProblem(type, blob);
  if (broken === null) return null;
  // A key that does not decode, with a word or shape people put in place of one, is a placeholder.
  if (blob.length < 20 || PLACEHOLDER.test(blob)) return { reason: "example", detail: "it is an example or placeholder, not a real key" };
  return broken === "unchecked" ? null : { reason: "malformed", detail: broken };
}

/** Why `blob` is not a well-formed `type` key ("unchecked" for types not checked), or null. */
function structureProblem(type: string, blob: string): string | null {
  const layout = SSH_KEY_TYPES[type]?.layout;
  if (!layout) return /^[A-Za-z0-9+/]+={0,2}$/.test(blob) ? null : "unchecked";
  if (blob === "") return "its key data is missing";
  const b = decodeKeyData(blob);
  if (!b) return "its key data is not valid base64";
  const name = wireString(b, 0);
  if (!name || String.fromCharCode(...name.bytes) !== type) return `its key data is not a ${type} key`;
  let pos = name.next;
  for (let i = 0; i < layout.fields; i++) {
    const field = wireString(b, pos);
    const want = layout.fixed?.[i];
    if (!field || (want !== undefined && field.bytes.length !== want)) return "its key data is truncated or damaged";
    pos = field.next;
  }
  if (pos !== b.length) return "its key data has extra bytes";
  return null;
}

/** crypt(3) hashes (`$id$…`, DES, BSDi) and the locked-account forms (`!`, `*`). */
const CRYPT = /^(?:\$(?:1|2[abxy]?|3|5|6|7|y|gy|sha1|md5)\$\S+|[./0-9A-Za-z]{13}|_[./0-9A-Za-z]{19}|[!*]\S*)$/;

const obj = (v: unknown): BObject | undefined => (v !== null && typeof v === "object" && !Array.isArray(v) ? (v as BObject) : undefined);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

export function checkPlaceholders(cfg: BObject, root: YNode | null, srcLines: readonly string[], emit: Emit): void {
  findRedacted(root, srcLines, emit);
  const pos = (path: Path) => {
    const w = walkPath(root, path);
    return w && w.depth === path.length ? w.node : undefined;
  };

  arr(obj(cfg.passwd)?.users).forEach((u, i) => {
    const user = obj(u);
    if (!user) return;
    const name = typeof user.name === "string" ? user.name : `user ${i}`;
    const hash = user.password_hash;
    const hashPath: Path = ["passwd", "users", i, "password_hash"];
    if (typeof hash === "string") checkHash(hash, hashPath, `${brief(name)}'s password_hash`, "crypt", emit, pos(hashPath));
    arr(user.ssh_authorized_keys).forEach((k, j) => {
      if (typeof k !== "string") return;
      const keyPath: Path = ["passwd", "users", i, "ssh_authorized_keys", j];
      const problem = sshKeyProblem(k);
      if (!problem) return;
      const node = pos(keyPath);
      emit({
        code: problem.reason === "example" ? "placeholder-example-key" : "ssh-key-malformed",
        severity: "warning",
        ...placeAt(keyPath, node ? { line: node.line, column: node.column } : null),
        // An example key is reported in the words Forms shows beside it.
        message:
          problem.reason === "example"
            ? EXAMPLE_KEY_MESSAGE
            : `${brief(name)}'s SSH key is not usable: ${problem.detail}. Nobody can log in with it; paste your own public key (the .pub file).`,
        // The finding covers the whole list item, so a fix replaces the whole line.
        data: { user: name, reason: problem.reason, kind: "ssh-key", whole: true },
      });
    });
  });

  arr(obj(cfg.grub)?.users).forEach((u, i) => {
    const user = obj(u);
    const hash = user?.password_hash;
    if (typeof hash !== "string") return;
    const path: Path = ["grub", "users", i, "password_hash"];
    checkHash(hash, path, `GRUB user ${typeof user?.name === "string" ? brief(user.name) : i}'s password_hash`, "grub", emit, pos(path));
  });
}

function checkHash(hash: string, path: Path, what: string, kind: "crypt" | "grub", emit: Emit, node: YNode | undefined): void {
  const at = placeAt(path, node ? { line: node.line, column: node.column } : null);
  if (hash.trim() === "") {
    emit({
      code: "empty-password-hash",
      severity: "warning",
      ...at,
      message: `${what} is empty: ${kind === "grub" ? "GRUB would take an empty password" : "the account gets an empty password, so anyone at the console can log in without one"}. Set a hash or remove the field.`,
      data: { kind: "password-hash" },
    });
    return;
  }
  if (hash.includes(REDACTED)) return;
  if (/\.\.\.|…/.test(hash)) {
    emit({
      code: "placeholder-example-hash",
      severity: "warning",
      ...at,
      message: `${what} is an example with its middle left out ("…"): nobody can log in with it. Put your own hash there.`,
      data: { kind: "password-hash", hashKind: kind },
    });
    return;
  }
  const ok = kind === "grub" ? /^grub\.pbkdf2\.sha512\.\d+\.[0-9A-Fa-f]+\.[0-9A-Fa-f]+$/.test(hash) : CRYPT.test(hash);
  if (ok) return;
  emit({
    code: "plaintext-password",
    severity: "error",
    ...at,
    message:
      kind === "grub"
        ? `${what} is not a PBKDF2 hash: write the output of grub2-mkpasswd-pbkdf2 (grub.pbkdf2.sha512.…), never the password itself.`
        : `${what} is not a crypt(3) hash, so it looks like a password in plain text: nobody can log in with it, and it is readable in the config. Put a hash there (e.g. from mkpasswd --method=yescrypt, or the Users form).`,
    data: { kind: "password-hash", hashKind: kind },
  });
}

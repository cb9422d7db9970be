/**
 * Placeholder checks: values a config must not ship with. `placeholder-redacted` is a value a
 * share link replaced by `REDACTED` (src/features/share/secrets.ts); `placeholder-example-key` is
 * an SSH key that is only an example (the welcome config's, a template's, an elided `AAAA...`).
 * Walks the transpiler's own YAML tree, so positions are upstream's (line, rune column).
 */
import type { Path } from "../types.ts";
import type { YNode, YScalar } from "../yaml/node.ts";
import type { Finding } from "./finding.ts";

/** What the share dialog writes in place of a secret (kept in sync with secrets.ts by a test). */
export const REDACTED_TEXT = "REDACTED";

/** The kind of value a `REDACTED` stands for; the fill-in action depends on it. */
export type RedactedKind = "password-hash" | "ssh-key" | "private-key" | "secret";

/**
 * Key data of the example keys Kindling itself ships (the welcome config). Templates elide
 * theirs (`AAAAI...`), which the elision rule catches.
 */
export const EXAMPLE_KEY_DATA: readonly string[] = ["AAAAC3NzaC1lZDI1NTE5AAAAIKindlingExampleKeyReplaceWithYourOwn0000"];

const KEY_TYPE = /^(?:ssh-(?:rsa|dss|ed25519|ed448)|ecdsa-sha2-nistp(?:256|384|521)|sk-(?:ssh-ed25519|ecdsa-sha2-nistp256)@openssh\.com)$/;

/** The message of an example-key finding; the Forms view shows the same words. */
export const EXAMPLE_KEY_MESSAGE =
  "This is an example SSH key, not a real one: replace it with your own public key (e.g. the contents of ~/.ssh/id_ed25519.pub).";

/** True when an authorized_keys line is an example/elided key rather than a real one. */
export function isExampleKey(line: string): boolean {
  const tokens = line.trim().split(/\s+/);
  const at = tokens.findIndex((t) => KEY_TYPE.test(t));
  if (at < 0) return false;
  const data = tokens[at + 1] ?? "";
  if (data === REDACTED_TEXT) return false;
  return (
    data === "" ||
    data.includes("...") ||
    data.includes("…") ||
    EXAMPLE_KEY_DATA.includes(data) ||
    /(?:example|fake|dummy|placeholder)key/i.test(data)
  );
}

const redactedMessage: Record<RedactedKind, string> = {
  "password-hash": "A password hash was redacted when this config was shared: set a password to fill it in.",
  "ssh-key": "An SSH key was redacted when this config was shared: paste a public key to fill it in.",
  "private-key": "A private key was redacted when this config was shared: paste the key to fill it in.",
  secret: "A secret was redacted when this config was shared: fill in the value.",
};

interface Walk {
  source: string;
  /** The source's lines, split on the first finding. */
  lines: string[] | null;
  out: Finding[];
}

const KEY_START = /(?:^|\s)(?:ssh-|ecdsa-|sk-)/;

/** One node of the walk: its parent frame and its key there, so a path is built only for a finding. */
interface Frame {
  node: YNode;
  parent: Frame | null;
  key: string | number;
}

const pathOf = (f: Frame): Path => {
  const out: (string | number)[] = [];
  for (let at: Frame | null = f; at?.parent; at = at.parent) out.push(at.key);
  return out.reverse();
};

/** Every placeholder finding of a parsed config (`root` from the transpiler's YAML layer). */
export function placeholderFindings(source: string, root: YNode | null): Finding[] {
  if (root === null || (!source.includes(REDACTED_TEXT) && !KEY_START.test(source))) return [];
  const w: Walk = { lines: null, source, out: [] };
  // A tree: aliases are leaves here (their targets are walked where they are defined).
  const stack: Frame[] = [{ node: root, parent: null, key: "" }];
  while (stack.length > 0) {
    const f = stack.pop() as Frame;
    const node = f.node;
    if (node.kind === "scalar") {
      if (node.value.includes(REDACTED_TEXT) || KEY_START.test(node.value)) checkScalar(node, pathOf(f), w);
    } else if (node.kind === "map") {
      for (let i = node.entries.length - 1; i >= 0; i--) {
        const e = node.entries[i];
        if (e && e.key.kind === "scalar") stack.push({ node: e.value, parent: f, key: e.key.value });
      }
    } else if (node.kind === "seq") {
      for (let i = node.items.length - 1; i >= 0; i--) {
        const item = node.items[i];
        if (item) stack.push({ node: item, parent: f, key: i });
      }
    }
  }
  return w.out;
}

const linesOf = (w: Walk): string[] => (w.lines ??= w.source.split("\n"));

function kindOf(node: YScalar, path: Path, lineText: string): RedactedKind {
  const last = path[path.length - 1];
  if (last === "password_hash") return "password-hash";
  if (/PRIVATE KEY-----/.test(node.value)) return "private-key";
  if (path.includes("ssh_authorized_keys") || /(?:^|\s)(?:ssh-|ecdsa-|sk-)\S+\s+REDACTED\b/.test(lineText)) return "ssh-key";
  return "secret";
}

function checkScalar(node: YScalar, path: Path, w: Walk): void {
  const valueLines = node.value.split("\n");
  const block = node.style === "literal" || node.style === "folded";
  valueLines.forEach((text, i) => {
    // Block scalars hold their lines one per source line below the indicator.
    const line = block ? node.line + 1 + i : node.line;
    const from = block ? 1 : node.column;
    let nth = 0;
    for (const _ of text.matchAll(/\bREDACTED\b/g)) {
      const kind = kindOf(node, path, text);
      const at = columnOf(linesOf(w), line, from, REDACTED_TEXT, nth++);
      w.out.push({
        code: "placeholder-redacted",
        severity: "warning",
        path,
        ...(at ? { line, column: at, endLine: line, endColumn: at + REDACTED_TEXT.length } : { line: node.line, column: node.column }),
        message: redactedMessage[kind],
        data: { kind, whole: node.value.trim() === REDACTED_TEXT },
      });
    }
    if (isExampleKey(text)) {
      const trimmed = text.trim();
      const at = columnOf(linesOf(w), line, from, trimmed.split(/\s/)[0] ?? trimmed, 0);
      w.out.push({
        code: "placeholder-example-key",
        severity: "warning",
        path,
        ...(at ? { line, column: at, endLine: line, endColumn: at + [...trimmed].length } : { line: node.line, column: node.column }),
        message: EXAMPLE_KEY_MESSAGE,
        data: { whole: valueLines.length === 1 },
      });
    }
  });
}

/**
 * The rune column of the `nth` occurrence of `needle` on source line `line`, at or after rune
 * column `from`; undefined when the line does not hold it (escapes, folding), so the finding
 * falls back to the node's position.
 */
function columnOf(lines: readonly string[], line: number, from: number, needle: string, nth: number): number | undefined {
  const text = lines[line - 1];
  if (text === undefined || needle === "") return undefined;
  const runes = [...text];
  const offset = runes.slice(0, from - 1).join("").length;
  let at = text.indexOf(needle, offset);
  for (let k = 0; k < nth && at >= 0; k++) at = text.indexOf(needle, at + needle.length);
  return at < 0 ? undefined : [...text.slice(0, at)].length + 1;
}

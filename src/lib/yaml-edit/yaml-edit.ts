/**
 * Minimal, comment-preserving edits of a YAML document's text. Each edit parses the text with the
 * `yaml` package (keeping its CST source tokens), finds the node at a path and replaces only the
 * characters that must change: a scalar keeps its quoting style (CST.setScalarValue), a new map
 * key or list item is inserted as new lines at the collection's indentation, a removed one takes
 * only its own lines. Everything else stays byte-for-byte.
 */
import { CST, isMap, isScalar, isSeq, parseDocument, visit, type Document, type Pair, type ParsedNode, type ScalarTag, type YAMLMap, type YAMLSeq } from "yaml";
import { octalText } from "../../transpiler/util/file-mode.ts";

export type EditPathElem = string | number;
export type EditPath = readonly EditPathElem[];

/** One text replacement: `text` replaces the characters from `start` to `end`. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/** yaml.v3 (and so Butane) reads `0644` as octal, like YAML 1.1; the core schema would read 644. */
const octal11: ScalarTag = {
  identify: (v) => typeof v === "number",
  default: true,
  tag: "tag:yaml.org,2002:int",
  format: "OCT",
  test: /^0[0-7]+$/,
  resolve: (s) => parseInt(s, 8),
};

/** Parses `text` for editing (first document only; Butane reads one). */
export function parseForEdit(text: string): Document.Parsed {
  return parseDocument(text, { keepSourceTokens: true, customTags: (tags) => [octal11, ...tags], uniqueKeys: false });
}

/**
 * The plain JS value of `text`, or why it cannot be edited by path: a syntax error, a duplicate
 * key (which value would a form show?) or an alias (an edit would change every use of it).
 */
export function readYaml(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  const doc = parseForEdit(text);
  const err = doc.errors[0];
  if (err) return { ok: false, message: err.message.split("\n")[0] ?? err.message };
  let problem: string | null = null;
  visit(doc, {
    Map(_k, map) {
      const seen = new Set<unknown>();
      for (const p of map.items) {
        const k = scalarKey(p.key);
        if (seen.has(k)) {
          problem = `The key "${String(k)}" appears twice in one mapping.`;
          return visit.BREAK;
        }
        seen.add(k);
      }
      return undefined;
    },
    Alias() {
      problem = "The config uses YAML aliases (*name).";
      return visit.BREAK;
    },
  });
  if (problem !== null) return { ok: false, message: problem };
  return { ok: true, value: doc.toJS() as unknown };
}

export function applyEdit(text: string, e: TextEdit): string {
  return text.slice(0, e.start) + e.text + text.slice(e.end);
}

// ---------------------------------------------------------------------------------------------
// Layout helpers.

const lineStart = (text: string, pos: number) => text.lastIndexOf("\n", pos - 1) + 1;
const columnOf = (text: string, pos: number) => pos - lineStart(text, pos);

/** The start of the line after the one holding `pos - 1` (or `pos` itself when already at one). */
function nextLineStart(text: string, pos: number): number {
  if (pos === 0 || text[pos - 1] === "\n") return pos;
  const nl = text.indexOf("\n", pos);
  return nl < 0 ? text.length : nl + 1;
}

interface Style {
  /** Spaces per nesting level. */
  indent: number;
  /** Whether `- ` items sit deeper than their parent key. */
  indentSeq: boolean;
}

/** The document's own indentation habits (first nested map and first block list decide). */
function styleOf(doc: Document.Parsed, text: string): Style {
  let indent: number | undefined;
  let indentSeq: boolean | undefined;
  const visit = (node: unknown, keyCol: number | null) => {
    if (indent !== undefined && indentSeq !== undefined) return;
    if (isMap(node) && !node.flow) {
      for (const p of node.items) {
        const k = p.key as ParsedNode | null;
        if (!k?.range) continue;
        const col = columnOf(text, k.range[0]);
        if (keyCol !== null && indent === undefined && col > keyCol) indent = col - keyCol;
        visit(p.value, col);
      }
    } else if (isSeq(node) && !node.flow) {
      const first = node.items[0] as ParsedNode | undefined;
      if (first?.range && keyCol !== null && indentSeq === undefined) {
        const dash = text.lastIndexOf("-", first.range[0]);
        indentSeq = columnOf(text, dash) > keyCol;
      }
      for (const it of node.items) visit(it, null);
    }
  };
  visit(doc.contents, null);
  return { indent: indent ?? 2, indentSeq: indentSeq ?? true };
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * A new value as block YAML lines (each ending in "\n"), indented by `col` spaces, in the
 * document's style. Our own emitter: `stringify` ignores `indentSeq: false` inside lists and
 * cannot write `0644` modes.
 */
function block(value: unknown, col: number, style: Style, path: EditPath): string {
  return emit(value, col, style, path)
    .map((l) => (l.trim() === "" ? "" : l) + "\n")
    .join("");
}

function emit(value: unknown, col: number, style: Style, path: EditPath): string[] {
  const pad = " ".repeat(col);
  const out: string[] = [];
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      const p = [...path, i];
      if (isPlainObject(item) && Object.keys(item).length > 0) {
        const lines = emit(item, col + 2, style, p);
        out.push(pad + "- " + (lines[0] ?? "").trimStart(), ...lines.slice(1));
      } else if (typeof item === "string" && item.includes("\n") && literalOk(item)) {
        out.push(pad + "- " + literal(item, col + 2));
      } else {
        out.push(pad + "- " + flowText(item, p));
      }
    });
    return out;
  }
  if (isPlainObject(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (v === undefined) continue;
      const p = [...path, k];
      const key = inlineScalar(k, [], false);
      if (Array.isArray(v) && v.length > 0) out.push(`${pad}${key}:`, ...emit(v, col + (style.indentSeq ? style.indent : 0), style, p));
      else if (isPlainObject(v) && Object.keys(v).length > 0) out.push(`${pad}${key}:`, ...emit(v, col + style.indent, style, p));
      else if (typeof v === "string" && v.includes("\n") && literalOk(v)) out.push(`${pad}${key}: ${literal(v, col + style.indent)}`);
      else out.push(`${pad}${key}: ${flowText(v, p)}`);
    }
    return out;
  }
  return [pad + flowText(value, path)];
}

/**
 * Whether a string can be a `|` block: no characters a block scalar cannot hold, no leading space
 * (would need an indicator), no line of only blanks (the emitter writes blank lines empty).
 */
const literalOk = (s: string) => ![...s].some((c) => isControl(c.charCodeAt(0))) && !/^[ \t]/.test(s) && !/(^|\n)[ \t]+(\n|$)/.test(s);
const isControl = (n: number) => n === 0x0d || n === 0x7f || n === 0xfeff || (n < 0x20 && n !== 0x09 && n !== 0x0a);

/** `|` header and the content lines (joined with "\n", no final newline), content at `col`. */
function literal(s: string, col: number): string {
  const trailing = /\n*$/.exec(s)?.[0].length ?? 0;
  const chomp = trailing === 0 ? "-" : trailing === 1 ? "" : "+";
  const body = trailing === 0 ? s : s.slice(0, s.length - 1);
  const pad = " ".repeat(col);
  return [`|${chomp}`, ...body.split("\n").map((l) => (l === "" ? "" : pad + l))].join("\n");
}

/** A scalar as one line of YAML (flow context when `inFlow`). */
function inlineScalar(value: unknown, path: EditPath, inFlow: boolean): string {
  const key = path[path.length - 1];
  if (key === "mode" && typeof value === "number" && Number.isInteger(value) && value >= 0) return octalText(value);
  if (value === null || value === undefined) return "null";
  if (typeof value !== "string") return String(value as number | boolean);
  if (isSafePlain(value, inFlow)) return value;
  return JSON.stringify(value);
}

/** Whether `s` reads back as the same string when written plain. */
function isSafePlain(s: string, inFlow: boolean): boolean {
  if (s === "" || s.trim() !== s || /[\n\t]/.test(s)) return false;
  if (inFlow && /[,[\]{}]/.test(s)) return false;
  if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(s) && !/^-[^\s-]/.test(s) && !/^:[^\s]/.test(s)) return false;
  if (/: |:$| #/.test(s)) return false;
  const doc = parseForEdit(`k: ${s}\n`);
  if (doc.errors.length > 0) return false;
  return doc.get("k") === s;
}

// ---------------------------------------------------------------------------------------------
// Finding nodes.

type Coll = YAMLMap.Parsed | YAMLSeq.Parsed;

interface Located {
  /** The deepest existing node on the path, and how many path elements it consumed. */
  node: ParsedNode | null;
  depth: number;
  /** The pair holding `node`, when it is a map value. */
  pair: Pair<ParsedNode, ParsedNode | null> | null;
  parent: Coll | null;
}

function locate(doc: Document.Parsed, path: EditPath): Located {
  let node = doc.contents;
  let pair: Located["pair"] = null;
  let parent: Coll | null = null;
  let depth = 0;
  for (const key of path) {
    if (isMap(node)) {
      const p = (node.items as Pair<ParsedNode, ParsedNode | null>[]).find((it) => scalarKey(it.key) === key);
      if (!p) break;
      parent = node;
      pair = p;
      node = p.value;
    } else if (isSeq(node) && typeof key === "number" && key < node.items.length) {
      parent = node;
      pair = null;
      node = node.items[key] as ParsedNode;
    } else break;
    depth++;
  }
  return { node, depth, pair, parent };
}

function scalarKey(k: unknown): unknown {
  return isScalar(k) ? k.value : k;
}

// ---------------------------------------------------------------------------------------------
// The edits.

/** A parsed text, shared by the steps of one edit (parsing once per edit, not per key). */
interface Ctx {
  text: string;
  doc: Document.Parsed;
  style: Style;
}

function context(text: string): Ctx {
  const doc = parseForEdit(text);
  if (doc.errors.length > 0) throw new Error("the YAML has errors");
  return { text, doc, style: styleOf(doc, text) };
}

/** The edit that sets `path` to `value` (creating maps and lists on the way), or null if nothing changes. */
export function setEdit(text: string, path: EditPath, value: unknown): TextEdit | null {
  return setEditIn(context(text), path, value);
}

function setEditIn(ctx: Ctx, path: EditPath, value: unknown): TextEdit | null {
  const { text, doc, style } = ctx;
  const at = locate(doc, path);
  if (path.length === 0 && (!at.node || (isScalar(at.node) && at.node.value === null))) {
    // An empty document (maybe only comments): the new config goes after what is there.
    if (value === null || value === undefined || isEmptyCollection(value)) return null;
    const sep = text === "" || text.endsWith("\n") ? "" : "\n";
    return { start: text.length, end: text.length, text: sep + block(value, 0, style, []) };
  }
  if (at.depth === path.length && at.node) return replaceNode(ctx, at, path, value);
  // Something on the path is missing: add the rest, nested, under the deepest existing node.
  const rest = path.slice(at.depth);
  const nested = rest.slice(1).reduceRight<unknown>((v, k) => (typeof k === "number" ? [v] : { [k]: v }), value);
  const first = rest[0];
  const here = path.slice(0, at.depth);
  if (at.depth === 0 && at.node === null) return setEditIn(ctx, [], nest(first, nested));
  if (at.node === null || (isScalar(at.node) && at.node.value === null)) {
    return replaceNode(ctx, at, here, nest(first, nested));
  }
  if (isMap(at.node) && typeof first === "string") return insertPair(text, at.node, first, nested, style, [...here, first]);
  if (isSeq(at.node) && typeof first === "number" && first === at.node.items.length) {
    return insertItem(text, at.node, nested, style, [...here, first]);
  }
  throw new Error(`cannot set ${path.join(".")}: ${here.join(".") || "the document"} has another shape`);
}

const nest = (k: EditPathElem | undefined, v: unknown): unknown => (typeof k === "number" ? [v] : { [String(k)]: v });

/** The edit that appends `item` to the list at `path` (creating the list when missing). */
export function appendEdit(text: string, path: EditPath, item: unknown): TextEdit {
  const ctx = context(text);
  const at = locate(ctx.doc, path);
  const e = at.depth === path.length && isSeq(at.node) ? setEditIn(ctx, [...path, at.node.items.length], item) : setEditIn(ctx, path, [item]);
  if (!e) throw new Error("append changed nothing");
  return e;
}

/** The edit that removes the map key or list item at `path` (null when it is not there). */
export function deleteEdit(text: string, path: EditPath): TextEdit | null {
  return deleteEditIn(context(text), path);
}

function deleteEditIn(ctx: Ctx, path: EditPath): TextEdit | null {
  const { text, doc } = ctx;
  const at = locate(doc, path);
  if (at.depth !== path.length || !at.parent) return null;
  const parent = at.parent;
  const key = path[path.length - 1];
  if (parent.flow) return deleteFromFlow(text, parent, key);
  // The last entry of a nested collection: remove the collection's own key/item instead of leaving `key:` empty.
  if (parent.items.length === 1 && path.length > 1) {
    const up = deleteEditIn(ctx, path.slice(0, -1));
    if (up) return up;
  }
  const [start, end] = entryRange(parent, key);
  const from = lineStart(text, start);
  const prefix = text.slice(from, start);
  if (prefix.trim() === "" || (isSeq(parent) && /^\s*-\s*$/.test(prefix))) {
    return { start: from, end: nextLineStart(text, end), text: "" };
  }
  // `- name: x` with more keys below: the next key moves up onto the dash line.
  if (isMap(parent)) {
    const i = parent.items.findIndex((it) => scalarKey(it.key) === key);
    const next = parent.items[i + 1]?.key as ParsedNode | undefined;
    if (next) return { start, end: next.range[0], text: "" };
  }
  return { start, end: nextLineStart(text, end), text: "" };
}

/** Source range of a map pair or list item, including its trailing comment and newline. */
function entryRange(parent: Coll, key: EditPathElem | undefined): [number, number] {
  if (isMap(parent)) {
    const p = (parent.items as Pair<ParsedNode, ParsedNode | null>[]).find((it) => scalarKey(it.key) === key);
    if (!p?.key) throw new Error("no such key");
    const end = p.value?.range[2] ?? p.key.range[2];
    return [p.key.range[0], end];
  }
  const item = parent.items[key as number] as ParsedNode;
  return [item.range[0], item.range[2]];
}

function deleteFromFlow(text: string, parent: Coll, key: EditPathElem | undefined): TextEdit {
  const i = isMap(parent) ? parent.items.findIndex((it) => scalarKey(it.key) === key) : (key as number);
  const [s, e] = entryRange(parent, key);
  const after = /^\s*,\s*/.exec(text.slice(e));
  if (i < parent.items.length - 1 && after) return { start: s, end: e + after[0].length, text: "" };
  const before = /,\s*$/.exec(text.slice(0, s));
  if (before) return { start: s - before[0].length, end: e, text: "" };
  return { start: s, end: e, text: "" };
}

/** Replaces an existing node's value. */
function replaceNode(ctx: Ctx, at: Located, path: EditPath, value: unknown): TextEdit | null {
  const node = at.node as ParsedNode;
  const old = node.toJS(ctx.doc) as unknown;
  if (deepEqual(old, value)) return null;
  if (isScalar(node) && !isCollectionValue(value) && node.srcToken && CST.isScalar(node.srcToken) && value !== null && node.value !== null) {
    const e = replaceScalar(ctx.text, node, path, value, at.parent?.flow ?? false);
    if (e) return e;
  }
  // Same shape (a collection stays a collection): diff inside, one change at a time.
  if ((isMap(node) && isPlainObject(value)) || (isSeq(node) && Array.isArray(value))) {
    const e = firstCollectionEdit(ctx, node, path, value);
    if (e) return e;
  }
  return rewriteValue(ctx.text, at, path, value, ctx.style);
}

const isCollectionValue = (v: unknown) => typeof v === "object" && v !== null;

/** The first edit that moves a collection towards `value` (the caller repeats until none is left). */
function firstCollectionEdit(ctx: Ctx, node: Coll, path: EditPath, value: unknown): TextEdit | null {
  if (isMap(node) && isPlainObject(value)) {
    for (const p of node.items) {
      const k = scalarKey(p.key);
      if (typeof k === "string" && !(k in value)) return deleteEditIn(ctx, [...path, k]);
    }
    for (const [k, v] of Object.entries(value)) {
      if (v === undefined) continue;
      const e = setEditIn(ctx, [...path, k], v);
      if (e) return e;
    }
    return null;
  }
  if (isSeq(node) && Array.isArray(value)) {
    const items = node.items;
    if (items.length > value.length) {
      // Remove the first item that differs (a removal in the middle shifts the rest back into place).
      const olds = items.map((it) => (it as ParsedNode).toJS(ctx.doc) as unknown);
      let i = 0;
      while (i < value.length && deepEqual(olds[i], value[i])) i++;
      return deleteEditIn(ctx, [...path, i]);
    }
    for (let i = 0; i < value.length; i++) {
      const e = setEditIn(ctx, [...path, i], value[i]);
      if (e) return e;
    }
  }
  return null;
}

function replaceScalar(text: string, node: ParsedNode, path: EditPath, value: unknown, inFlow: boolean): TextEdit | null {
  const tok = node.srcToken as CST.FlowScalar | CST.BlockScalar;
  const start = tok.offset;
  const key = path[path.length - 1];
  const multiline = typeof value === "string" && value.includes("\n");
  if (tok.type !== "block-scalar" && (typeof value !== "string" || (!multiline && tok.type === "scalar" && !isSafePlain(value, inFlow)))) {
    // Numbers, booleans and strings that would not survive plain: written here; the token's `end` stays.
    const s = typeof value === "string" ? JSON.stringify(value) : inlineScalar(value, path, inFlow);
    return trimEdit({ start, end: start + tok.source.length, text: s }, text);
  }
  if (typeof value !== "string") return null;
  const before = CST.stringify(tok);
  const type = multiline && !inFlow && tok.type !== "block-scalar" ? "BLOCK_LITERAL" : undefined;
  CST.setScalarValue(tok, value, { afterKey: typeof key === "string", inFlow, ...(type ? { type } : {}) });
  return trimEdit({ start, end: start + before.length, text: CST.stringify(tok) }, text);
}

/** Shrinks an edit to the part that really differs. */
function trimEdit(e: TextEdit, text: string): TextEdit {
  const old = text.slice(e.start, e.end);
  let a = 0;
  while (a < old.length && a < e.text.length && old[a] === e.text[a]) a++;
  let b = 0;
  while (b < old.length - a && b < e.text.length - a && old[old.length - 1 - b] === e.text[e.text.length - 1 - b]) b++;
  return { start: e.start + a, end: e.end - b, text: e.text.slice(a, e.text.length - b) };
}

/** Writes a whole new value in place of an old one (shape change, null, flow collection). */
function rewriteValue(text: string, at: Located, path: EditPath, value: unknown, style: Style): TextEdit {
  const node = at.node as ParsedNode;
  const inFlow = at.parent?.flow ?? false;
  if (inFlow || (isCollectionValue(value) && (node as Coll).flow === true) || isEmptyCollection(value)) {
    const s = flowText(value, path);
    return { start: node.range[0], end: node.range[1], text: s };
  }
  const emptyValue = isScalar(node) && node.value === null && text.slice(node.range[0], node.range[1]).trim() === "";
  if (at.pair) {
    const keyNode = at.pair.key as unknown as ParsedNode;
    const keyCol = columnOf(text, keyNode.range[0]);
    let from = afterIndicator(text, at.pair);
    const end = emptyValue ? from : isScalar(node) ? node.range[1] : trimTrailingNewline(text, node.range[1]);
    if (!isCollectionValue(value) && !(typeof value === "string" && value.includes("\n"))) {
      return { start: from, end, text: " " + inlineScalar(value, path, false) };
    }
    if (typeof value === "string") {
      return { start: from, end, text: literalOk(value) ? " " + literal(value, keyCol + style.indent) : " " + JSON.stringify(value) };
    }
    // An empty `key:` (maybe with a comment after it): the block goes below the key's line.
    if (emptyValue) {
      const eol = text.indexOf("\n", from);
      if (/^\s*(#.*)?$/.test(text.slice(from, eol < 0 ? text.length : eol))) from = eol < 0 ? text.length : eol;
    }
    const col = keyCol + (Array.isArray(value) && !style.indentSeq ? 0 : style.indent);
    return { start: from, end: Math.max(from, end), text: "\n" + block(value, col, style, path).replace(/\n$/, "") };
  }
  // A list item: `- ` then the block, its first line after the dash.
  const col = columnOf(text, node.range[0]);
  const lines = block(value, col, style, path).replace(/\n$/, "");
  const end = isScalar(node) ? node.range[1] : trimTrailingNewline(text, node.range[1]);
  return { start: node.range[0], end, text: lines.slice(col) };
}

const isEmptyCollection = (v: unknown) => (Array.isArray(v) && v.length === 0) || (isPlainObject(v) && Object.keys(v).length === 0);

function flowText(value: unknown, path: EditPath): string {
  if (Array.isArray(value)) return `[${value.map((v, i) => flowText(v, [...path, i])).join(", ")}]`;
  if (isPlainObject(value)) {
    const parts = Object.entries(value).map(([k, v]) => `${inlineScalar(k, [], true)}: ${flowText(v, [...path, k])}`);
    return `{${parts.join(", ")}}`;
  }
  return inlineScalar(value, path, true);
}

/** The position right after a pair's `:` indicator. */
function afterIndicator(text: string, pair: Pair<ParsedNode, ParsedNode | null>): number {
  const colon = text.indexOf(":", pair.key.range[1]);
  return colon + 1;
}

function trimTrailingNewline(text: string, end: number): number {
  let e = end;
  while (e > 0 && (text[e - 1] === "\n" || text[e - 1] === "\r")) e--;
  return e;
}

/** Adds `key: value` to a map. */
function insertPair(text: string, map: YAMLMap.Parsed, key: string, value: unknown, style: Style, path: EditPath): TextEdit {
  if (map.flow) {
    const entry = `${inlineScalar(key, [], true)}: ${flowText(value, path)}`;
    return insertIntoFlow(text, map, entry);
  }
  const firstKey = map.items[0]?.key as ParsedNode | undefined;
  const col = firstKey ? columnOf(text, firstKey.range[0]) : 0;
  return insertLines(text, map.range[1], block({ [key]: value }, col, style, path.slice(0, -1)), col);
}

/** Adds an item to the end of a list. */
function insertItem(text: string, seq: YAMLSeq.Parsed, item: unknown, style: Style, path: EditPath): TextEdit {
  if (seq.flow) return insertIntoFlow(text, seq, flowText(item, path));
  const first = seq.items[0] as ParsedNode | undefined;
  const col = first ? columnOf(text, text.lastIndexOf("-", first.range[0])) : 0;
  return insertLines(text, seq.range[1], block([item], col, style, path.slice(0, -1)), col);
}

/** New lines at the end of a block collection ending at `end`. */
function insertLines(text: string, end: number, lines: string, _col: number): TextEdit {
  // A trailing comment/blank lines belong with what follows; insert right after the last entry.
  const at = nextLineStart(text, end);
  const needsNewline = at === text.length && text.length > 0 && !text.endsWith("\n");
  return { start: at, end: at, text: (needsNewline ? "\n" : "") + lines };
}

function insertIntoFlow(text: string, coll: Coll, entry: string): TextEdit {
  const close = text.lastIndexOf(isMap(coll) ? "}" : "]", coll.range[1]);
  const inner = text.slice(coll.range[0] + 1, close);
  const sep = inner.trim() === "" ? "" : ", ";
  const trimmed = inner.replace(/\s+$/, "");
  const at = coll.range[0] + 1 + trimmed.length;
  return { start: at, end: at, text: sep + entry };
}

/** Structural equality of plain JSON-like values. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => deepEqual(a[k], b[k]));
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Whole-config updates.

/**
 * Moves `text` towards the config `next` with minimal edits: each differing value is changed in
 * place, new keys and items are added, removed ones deleted. Keys of the text that `next` leaves
 * out are deleted too, so callers pass the whole config (unknown keys included, as read).
 */
export function writeConfig(text: string, next: unknown): string {
  let cur = text;
  for (let guard = 0; guard < 500; guard++) {
    const e = setEdit(cur, [], next);
    if (!e) return cur;
    cur = applyEdit(cur, e);
  }
  throw new Error("writeConfig did not converge");
}

/** Sets one value (undefined deletes it) and returns the new text. */
export function setIn(text: string, path: EditPath, value: unknown): string {
  if (value === undefined) {
    const e = deleteEdit(text, path);
    return e ? applyEdit(text, e) : text;
  }
  let cur = text;
  for (let guard = 0; guard < 500; guard++) {
    const e = setEdit(cur, path, value);
    if (!e) return cur;
    cur = applyEdit(cur, e);
  }
  throw new Error("setIn did not converge");
}

/**
 * The edit that renames the map key at `path` (its last element) to `newKey`, keeping the key's
 * quoting style and everything around it; null when the key is not there or is not a scalar.
 */
export function renameKeyEdit(text: string, path: EditPath, newKey: string): TextEdit | null {
  const { doc } = context(text);
  const at = locate(doc, path.slice(0, -1));
  if (at.depth !== path.length - 1 || !isMap(at.node)) return null;
  const pair = (at.node.items as Pair<ParsedNode, ParsedNode | null>[]).find((it) => scalarKey(it.key) === path[path.length - 1]);
  const key = pair?.key;
  if (!key || !isScalar(key) || !key.srcToken || !CST.isScalar(key.srcToken) || key.srcToken.type === "block-scalar") return null;
  const tok = key.srcToken;
  const before = CST.stringify(tok);
  CST.setScalarValue(tok, newKey, { implicitKey: true, inFlow: at.node.flow ?? false });
  return trimEdit({ start: tok.offset, end: tok.offset + before.length, text: CST.stringify(tok) }, text);
}

/**
 * The edit that adds `key: value` to the block map at `mapPath` right after the entry `afterKey`
 * (at the end when that key is missing or the map is a flow map), in the document's style.
 */
export function insertAfterEdit(text: string, mapPath: EditPath, afterKey: string, key: string, value: unknown): TextEdit | null {
  const ctx = context(text);
  const at = locate(ctx.doc, mapPath);
  if (at.depth !== mapPath.length || !isMap(at.node) || at.node.items.some((it) => scalarKey(it.key) === key)) return null;
  const map = at.node;
  const pair = (map.items as Pair<ParsedNode, ParsedNode | null>[]).find((it) => scalarKey(it.key) === afterKey);
  if (map.flow || !pair) return setEditIn(ctx, [...mapPath, key], value);
  const col = columnOf(text, pair.key.range[0]);
  const end = pair.value?.range[2] ?? pair.key.range[2];
  return insertLines(text, end, block({ [key]: value }, col, ctx.style, mapPath), col);
}

/** Appends an item to the list at `path` and returns the new text. */
export function appendIn(text: string, path: EditPath, item: unknown): string {
  return applyEdit(text, appendEdit(text, path, item));
}

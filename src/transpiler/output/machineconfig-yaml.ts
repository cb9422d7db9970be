/**
 * MachineConfig YAML the way Butane prints it: the JSON value re-read into generic Go values
 * (maps, slices, float64, bool, string) and encoded by gopkg.in/yaml.v3 with indent 2.
 * This re-implements the parts of yaml.v3's encoder and libyaml emitter those values reach:
 * block mappings (sorted keys) and sequences, `{}`/`[]` for empty ones, and scalar style
 * selection (plain, single-quoted, double-quoted, literal block). Line width is unlimited.
 */
import { canUsePlain } from "./yaml-plain.ts";
import { formatYamlFloat } from "./yaml-plain.ts";
import { validString } from "../go/json.ts";
import { byteLength } from "../go/utf8.ts";
import { sortYamlKeys } from "./yaml-keys.ts";

const BEST_INDENT = 2;

const Style = { Plain: 0, Single: 1, Double: 2, Literal: 3 } as const;
type Style = (typeof Style)[keyof typeof Style];

const isBreak = (c: number | undefined): boolean => c === 0x0d || c === 0x0a || c === 0x85 || c === 0x2028 || c === 0x2029;
const isBlank = (c: number | undefined): boolean => c === 0x20 || c === 0x09;
const isBlankz = (c: number | undefined): boolean => isBlank(c) || isBreak(c) || c === 0;
/** libyaml `is_printable`, lifted from UTF-8 bytes to code points (astral planes are not printable). */
const isPrintable = (c: number): boolean =>
  c === 0x0a || (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd && c !== 0xfeff);

export interface Analysis {
  multiline: boolean;
  blockPlainAllowed: boolean;
  singleQuotedAllowed: boolean;
  blockAllowed: boolean;
}

/**
 * Text the analysis below accepts for every style without a look at each character: starts with a
 * letter or digit, no whitespace, breaks, `#`, non-ASCII or control characters, and no `:` at the
 * end (a `:` needs whitespace after it to matter). Data URLs, paths and names are like this.
 */
const EVERY_STYLE = /^[A-Za-z0-9](?:[!-~]*[!-9;-~])?$/;
const ANY_STYLE: Analysis = Object.freeze({ multiline: false, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: true });

/**
 * libyaml `yaml_emitter_analyze_scalar` (block context only: flow collections here are always
 * empty, so no scalar is ever emitted in flow context).
 */
export function analyzeScalar(v: string): Analysis {
  return EVERY_STYLE.test(v) ? ANY_STYLE : analyzeEachCharacter(v);
}

/** `analyzeScalar` the long way, character by character (exported for tests). */
export function analyzeEachCharacter(v: string): Analysis {
  if (v.length === 0) {
    return { multiline: false, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: false };
  }
  let blockIndicators = v.startsWith("---") || v.startsWith("...");
  let lineBreaks = false;
  let specialCharacters = false;
  let tabCharacters = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let previousSpace = false;
  let previousBreak = false;
  let precededByWhitespace = true;
  for (let i = 0; i < v.length;) {
    const c = v.codePointAt(i)!;
    const w = c > 0xffff ? 2 : 1;
    const last = i + w >= v.length;
    const followedByWhitespace = last || isBlank(v.charCodeAt(i + w));
    if (i === 0) {
      switch (c) {
        case 0x23:
        case 0x2c:
        case 0x5b:
        case 0x5d:
        case 0x7b:
        case 0x7d:
        case 0x26:
        case 0x2a:
        case 0x21:
        case 0x7c:
        case 0x3e:
        case 0x27:
        case 0x22:
        case 0x25:
        case 0x40:
        case 0x60:
          // # , [ ] { } & * ! | > ' " % @ `
          blockIndicators = true;
          break;
        case 0x3f:
        case 0x3a:
        case 0x2d: // ? : -
          if (followedByWhitespace) blockIndicators = true;
          break;
      }
    } else if (c === 0x3a) {
      if (followedByWhitespace) blockIndicators = true;
    } else if (c === 0x23) {
      if (precededByWhitespace) blockIndicators = true;
    }

    if (c === 0x09) tabCharacters = true;
    else if (!isPrintable(c)) specialCharacters = true;

    if (c === 0x20) {
      if (i === 0) leadingSpace = true;
      if (last) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(c)) {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (last) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = isBlankz(c);
    i += w;
  }

  let blockPlainAllowed = true;
  let singleQuotedAllowed = true;
  let blockAllowed = true;
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) blockPlainAllowed = false;
  if (trailingSpace) blockAllowed = false;
  if (breakSpace || spaceBreak || tabCharacters || specialCharacters) {
    blockPlainAllowed = false;
    singleQuotedAllowed = false;
  }
  if (spaceBreak || specialCharacters) blockAllowed = false;
  if (lineBreaks || blockIndicators) blockPlainAllowed = false;
  return { multiline: lineBreaks, blockPlainAllowed, singleQuotedAllowed, blockAllowed };
}

/** A scalar ready for emission: its text and the style the yaml.v3 encoder asks for. */
interface ScalarEvent {
  value: string;
  requested: Style;
  analysis: Analysis;
}

const HAS_SURROGATE = /[\ud800-\udfff]/;

function scalarEvent(text: string, requested: Style): ScalarEvent {
  const value = HAS_SURROGATE.test(text) ? validString(text) : text;
  return { value, requested, analysis: analyzeScalar(value) };
}

/** yaml.v3 `encoder.stringv`: literal for text with `\n`, plain when safe, else double-quoted. */
function stringEvent(s: string): ScalarEvent {
  const style = s.includes("\n") ? Style.Literal : canUsePlain(s) ? Style.Plain : Style.Double;
  return scalarEvent(s, style);
}

const DOUBLE_ESCAPES = new Map<number, string>([
  [0x00, "0"],
  [0x07, "a"],
  [0x08, "b"],
  [0x09, "t"],
  [0x0a, "n"],
  [0x0b, "v"],
  [0x0c, "f"],
  [0x0d, "r"],
  [0x1b, "e"],
  [0x22, '"'],
  [0x5c, "\\"],
  [0x85, "N"],
  [0xa0, "_"],
  [0x2028, "L"],
  [0x2029, "P"],
]);

/** Line breaks as libyaml sees them (LF, CR, NEL, LS, PS). */
const BREAK = /[\r\n\u0085\u2028\u2029]/;
/** Characters a double-quoted scalar must escape: non-printable, breaks, `"` and `\`. */
const DOUBLE_ESCAPED = /[^\x20-\x7e\u00a0-\ud7ff\ue000-\ufefe\uff00-\ufffd]|["\\\u2028\u2029]/gu;

/** Splits text into runs without line breaks and single line-break characters. */
function lineTokens(v: string): string[] {
  return v.split(/([\r\n\u0085\u2028\u2029])/).filter((t) => t !== "");
}

class Emitter {
  private readonly chunks: string[] = [];
  private column = 0;
  private whitespace = true;
  private indention = true;
  private indent = -1;
  private readonly indents: number[] = [];

  result(): string {
    return this.chunks.join("");
  }

  /** Appends text without line breaks (raw runs never hold astral characters, so length = columns). */
  private put(text: string): void {
    this.chunks.push(text);
    this.column += text.length;
  }

  private putBreak(): void {
    this.chunks.push("\n");
    this.column = 0;
    this.indention = true;
  }

  private writeBreak(c: string): void {
    if (c === "\n") {
      this.putBreak();
    } else {
      this.chunks.push(c);
      this.column = 0;
      this.indention = true;
    }
  }

  writeIndent(): void {
    const indent = Math.max(this.indent, 0);
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) {
      this.putBreak();
    }
    if (this.column < indent) this.put(" ".repeat(indent - this.column));
    this.whitespace = true;
  }

  private writeIndicator(indicator: string, needWhitespace: boolean, isWhitespace: boolean, isIndention: boolean): void {
    if (needWhitespace && !this.whitespace) this.put(" ");
    this.put(indicator);
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
  }

  private increaseIndent(flow: boolean, inSequenceItem: boolean): void {
    this.indents.push(this.indent);
    if (this.indent < 0) {
      this.indent = flow ? BEST_INDENT : 0;
    } else if (inSequenceItem) {
      this.indent += 2;
    } else {
      this.indent = BEST_INDENT * Math.floor((this.indent + BEST_INDENT) / BEST_INDENT);
    }
  }

  private popIndent(): void {
    this.indent = this.indents.pop() ?? -1;
  }

  /** Emits any generic value; `inSequenceItem` says the parent state is a block sequence item. */
  node(value: unknown, inSequenceItem: boolean): void {
    if (value === null || value === undefined) return this.scalar(scalarEvent("null", Style.Plain), inSequenceItem, false);
    switch (typeof value) {
      case "boolean":
        return this.scalar(scalarEvent(value ? "true" : "false", Style.Plain), inSequenceItem, false);
      case "number":
        return this.scalar(scalarEvent(formatYamlFloat(value), Style.Plain), inSequenceItem, false);
      case "bigint":
        return this.scalar(scalarEvent(formatYamlFloat(Number(value)), Style.Plain), inSequenceItem, false);
      case "string":
        return this.scalar(stringEvent(value), inSequenceItem, false);
      case "object":
        if (Array.isArray(value)) return this.sequence(value, inSequenceItem);
        if (value instanceof Map) return this.mapping(Object.fromEntries([...value].map(([k, v]) => [String(k), v])), inSequenceItem);
        return this.mapping(value as Record<string, unknown>, inSequenceItem);
      default:
        throw new Error(`cannot marshal type: ${typeof value}`);
    }
  }

  private emptyFlow(open: string, close: string): void {
    this.writeIndicator(open, true, true, false);
    this.writeIndicator(close, false, false, false);
  }

  private sequence(items: readonly unknown[], inSequenceItem: boolean): void {
    if (items.length === 0) return this.emptyFlow("[", "]");
    this.increaseIndent(false, inSequenceItem);
    for (const item of items) {
      this.writeIndent();
      this.writeIndicator("-", true, false, true);
      this.node(item, true);
    }
    this.popIndent();
  }

  private mapping(obj: Record<string, unknown>, inSequenceItem: boolean): void {
    const keys = sortYamlKeys(Object.keys(obj).filter((k) => obj[k] !== undefined));
    if (keys.length === 0) return this.emptyFlow("{", "}");
    this.increaseIndent(false, inSequenceItem);
    for (const key of keys) {
      this.writeIndent();
      const ev = stringEvent(key);
      if (!ev.analysis.multiline && byteLength(ev.value) <= 128) {
        this.scalar(ev, false, true);
        this.writeIndicator(":", false, false, false);
      } else {
        this.writeIndicator("?", true, false, true);
        this.scalar(ev, false, false);
        this.writeIndent();
        this.writeIndicator(":", true, false, true);
      }
      this.node(obj[key], false);
    }
    this.popIndent();
  }

  private scalar(ev: ScalarEvent, inSequenceItem: boolean, simpleKey: boolean): void {
    const a = ev.analysis;
    let style = ev.requested;
    if (simpleKey && a.multiline) style = Style.Double;
    if (style === Style.Plain) {
      if (!a.blockPlainAllowed) style = Style.Single;
      if (ev.value.length === 0 && simpleKey) style = Style.Single;
    }
    if (style === Style.Single && !a.singleQuotedAllowed) style = Style.Double;
    if (style === Style.Literal && (!a.blockAllowed || simpleKey)) style = Style.Double;

    this.increaseIndent(true, inSequenceItem);
    switch (style) {
      case Style.Plain:
        if (ev.value.length > 0 && !this.whitespace) this.put(" ");
        this.writeFlowText(ev.value, false);
        if (ev.value.length > 0) this.whitespace = false;
        this.indention = false;
        break;
      case Style.Single:
        this.writeIndicator("'", true, false, false);
        this.writeFlowText(ev.value, true);
        this.writeIndicator("'", false, false, false);
        this.whitespace = false;
        this.indention = false;
        break;
      case Style.Double:
        this.writeDoubleQuoted(ev.value);
        break;
      case Style.Literal:
        this.writeLiteral(ev.value);
        break;
    }
    this.popIndent();
  }

  /**
   * Body of a plain or single-quoted scalar (libyaml's write_plain/single_quoted_scalar with an
   * unlimited width). A space right after a break cannot occur: analysis forbids both styles then.
   */
  private writeFlowText(v: string, single: boolean): void {
    if (!BREAK.test(v)) {
      this.put(single ? v.replaceAll("'", "''") : v);
      return;
    }
    let breaks = false;
    for (const t of lineTokens(v)) {
      if (t.length === 1 && BREAK.test(t)) {
        if (!breaks && t === "\n") this.putBreak();
        this.writeBreak(t);
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.put(single ? t.replaceAll("'", "''") : t);
        this.indention = false;
        breaks = false;
      }
    }
  }

  private writeDoubleQuoted(v: string): void {
    this.writeIndicator('"', true, false, false);
    // libyaml tests for a BOM at the start of the whole value on every character.
    const all = v.startsWith("\ufeff");
    const re = all ? /[^]/gu : DOUBLE_ESCAPED;
    this.put(
      v.replace(re, (ch) => {
        const c = ch.codePointAt(0)!;
        const short = DOUBLE_ESCAPES.get(c);
        if (short !== undefined) return "\\" + short;
        const [prefix, width] = c <= 0xff ? ["x", 2] : c <= 0xffff ? ["u", 4] : ["U", 8];
        return "\\" + prefix + c.toString(16).toUpperCase().padStart(width, "0");
      }),
    );
    this.writeIndicator('"', false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private writeLiteral(v: string): void {
    this.writeIndicator("|", true, false, false);
    const first = v.codePointAt(0);
    if (first === 0x20 || isBreak(first)) this.writeIndicator(String(BEST_INDENT), false, false, false);
    let chomp = "";
    if (v.length === 0 || !isBreak(v.charCodeAt(v.length - 1))) chomp = "-";
    else if (v.length === 1 || isBreak(v.charCodeAt(v.length - 2))) chomp = "+";
    if (chomp) this.writeIndicator(chomp, false, false, false);
    this.whitespace = true;
    let breaks = true;
    for (const t of lineTokens(v)) {
      if (t.length === 1 && BREAK.test(t)) {
        this.writeBreak(t);
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.put(t);
        this.indention = false;
        breaks = false;
      }
    }
  }
}

/**
 * yaml.v3 `Marshal` of a JSON-shaped value (objects, arrays, numbers as float64, strings, booleans,
 * null), without Butane's header comment and with trailing newlines trimmed.
 */
export function marshalMachineConfigYaml(value: unknown): string {
  const e = new Emitter();
  e.node(value, false);
  e.writeIndent(); // document end
  const text = e.result();
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 0x0a) end--;
  return text.slice(0, end);
}

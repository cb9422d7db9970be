/**
 * The systemd unit parser of go-systemd v22 (`unit.Deserialize`), reproduced for its
 * accept/reject behaviour and error texts, which Ignition reports as `invalid unit content: …`.
 */
import { BufReader, EOF } from "../go/bufio.ts";
import { Memo } from "../util/memo.ts";
import { trimSpaceRange } from "../go/bytes.ts";
import { quoteBytes as goQuoteBytes } from "../go/strconv.ts";
import { isSpace as isGoSpace } from "../go/unicode.ts";
import { goBytes as utf8Encode, goString as utf8Decode } from "../go/utf8.ts";

/** One `Name=Value` option and the section it belongs to. */
export interface UnitOption {
  section: string;
  name: string;
  value: string;
}

/** Result of {@link parseUnit}. */
export type UnitParseResult = { ok: true; options: UnitOption[] } | { ok: false; error: string };

const LINE_MAX = 2048;
const ERR_LINE_TOO_LONG = `line too long (max ${LINE_MAX} bytes)`;
const NL = 0x0a;
const CR = 0x0d;
const BACKSLASH = 0x5c;

type Step = () => Step | null;

class StepError {
  readonly message: string;
  constructor(message: string) {
    this.message = message;
  }
}

function isComment(r: number): boolean {
  return r === 0x23 || r === 0x3b;
}

function trimSuffixByte(b: Uint8Array, byte: number): Uint8Array {
  return b.length > 0 && b[b.length - 1] === byte ? b.subarray(0, b.length - 1) : b;
}

function endsWith(b: Uint8Array, byte: number): boolean {
  return b.length > 0 && b[b.length - 1] === byte;
}

function trimmedString(b: Uint8Array): string {
  const [s, e] = trimSpaceRange(b, 0, b.length);
  return utf8Decode(b, s, e);
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

/** Parses of recent unit texts (units rarely change between two keystrokes in the studio). */
const parsed = new Memo<Readonly<UnitParseResult>>(4 * 1024 * 1024, (contents) => 2 * contents.length + 64);

/** Parses unit file contents as go-systemd `unit.Deserialize` does. The result is shared: do not modify it. */
export function parseUnit(contents: string): Readonly<UnitParseResult> {
  return parsed.get(contents, deserialize);
}

function deserialize(contents: string): UnitParseResult {
  const buf = new BufReader(utf8Encode(contents));
  const options: UnitOption[] = [];

  /** toEOL: a line without its `\n` (and one trailing `\r`), and whether EOF ended it. */
  const toEOL = (): { line: Uint8Array; eof: boolean } => {
    const { bytes, error } = buf.readBytes(NL);
    let line = trimSuffixByte(bytes, CR);
    line = trimSuffixByte(line, NL);
    return { line, eof: error === EOF };
  };

  const ignoreLine =
    (next: Step): Step =>
    () => {
      for (;;) {
        let { line } = toEOL();
        line = trimSuffixByte(line, 0x20);
        if (!endsWith(line, BACKSLASH)) break;
      }
      return next;
    };

  const optionValue =
    (section: string, name: string, partial: Uint8Array): Step =>
    () => {
      const { line, eof } = toEOL();
      let acc = partial;
      const [ts, te] = trimSpaceRange(line, 0, line.length);
      if (te > ts) {
        acc = concat(acc, line);
        if (endsWith(line, BACKSLASH)) {
          if (!eof) acc = concat(acc, Uint8Array.of(NL));
          return optionValue(section, name, acc);
        }
      }
      let value: string;
      if (endsWith(acc, NL)) value = trimmedString(acc) + "\n";
      else value = trimmedString(acc);
      options.push({ section, name, value });
      return nextSectionOrOption(section);
    };

  const optionName =
    (section: string): Step =>
    () => {
      let partial = "";
      for (;;) {
        const rune = buf.readRune();
        if (rune < 0) throw new StepError(EOF);
        if (rune === NL || rune === CR) {
          throw new StepError("unexpected newline encountered while parsing option name");
        }
        if (rune === 0x3d) break;
        partial += String.fromCodePoint(rune);
      }
      const name = trimmedString(utf8Encode(partial));
      return optionValue(section, name, new Uint8Array(0));
    };

  const nextSectionOrOption =
    (section: string): Step =>
    () => {
      const rune = buf.readRune();
      if (rune < 0) return null; // EOF ends the file cleanly
      if (isGoSpace(rune)) return nextSectionOrOption(section);
      if (rune === 0x5b) return sectionName;
      if (isComment(rune)) return ignoreLine(nextSectionOrOption(section));
      buf.unreadRune();
      return optionName(section);
    };

  const sectionSuffix =
    (section: string): Step =>
    () => {
      const { line } = toEOL();
      const [s, e] = trimSpaceRange(line, 0, line.length);
      if (e > s) throw new StepError(`found garbage after section name : ${goQuoteBytes(line, s, e)}`);
      return nextSectionOrOption(section);
    };

  const sectionName: Step = () => {
    const { bytes, error } = buf.readBytes(0x5d);
    if (error !== null) throw new StepError("unable to find end of section");
    return sectionSuffix(utf8Decode(bytes, 0, bytes.length - 1));
  };

  const nextSection: Step = () => {
    const rune = buf.readRune();
    if (rune < 0) return null;
    if (rune === 0x5b) return sectionName;
    if (isComment(rune)) return ignoreLine(nextSection);
    return nextSection;
  };

  let step: Step | null = nextSection;
  try {
    while (step !== null) {
      if (buf.buffered() >= LINE_MAX) {
        const head = buf.peekBuffered(LINE_MAX);
        if (!head.includes(NL) && !head.includes(CR)) return { ok: false, error: ERR_LINE_TOO_LONG };
      }
      step = step();
    }
  } catch (e) {
    if (e instanceof StepError) return { ok: false, error: e.message };
    throw e;
  }
  return { ok: true, options };
}

/** Whether unit contents parse and have at least one option in an `[Install]` section. */
export function hasInstallSection(contents: string): boolean {
  const r = parseUnit(contents);
  return r.ok && r.options.some((o) => o.section === "Install");
}

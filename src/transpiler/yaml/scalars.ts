/** Scanning of block (`|`, `>`), quoted and plain scalars, with libyaml's folding and chomping. */
import {
  C_BACKSLASH,
  C_COLON,
  C_COMMA,
  C_DASH,
  C_DOT,
  C_DQUOTE,
  C_HASH,
  C_LBRACE,
  C_LBRACKET,
  C_PLUS,
  C_QUESTION,
  C_RBRACE,
  C_RBRACKET,
  C_SQUOTE,
  C_ZERO,
  NUL,
  SPACE,
  TAB,
  ch,
  hexValue,
  isBlank,
  isBlankZ,
  isBreak,
  isBreakZ,
  isDigit,
  isHex,
} from "./chars.ts";
import type { Cursor } from "./cursor.ts";
import type { Mark } from "./errors.ts";
import { Token } from "./tokens.ts";

/** Escape letters of double-quoted scalars with a fixed replacement. */
const SIMPLE_ESCAPES = new Map<number, string>([
  [ch("0"), "\0"],
  [ch("a"), "\x07"],
  [ch("b"), "\b"],
  [ch("t"), "\t"],
  [TAB, "\t"],
  [ch("n"), "\n"],
  [ch("v"), "\v"],
  [ch("f"), "\f"],
  [ch("r"), "\r"],
  [ch("e"), "\x1b"],
  [SPACE, " "],
  [C_DQUOTE, '"'],
  [C_SQUOTE, "'"],
  [C_BACKSLASH, "\\"],
  [ch("N"), "\u0085"],
  [ch("_"), "\u00a0"],
  [ch("L"), "\u2028"],
  [ch("P"), "\u2029"],
]);
const HEX_ESCAPES = new Map<number, number>([
  [ch("x"), 2],
  [ch("u"), 4],
  [ch("U"), 8],
]);

export function scanBlockScalar(sc: Cursor, literal: boolean): Token {
  const start = sc.mark();
  sc.skip();
  sc.need(1);
  let chomping = 0;
  let increment = 0;
  if (sc.cur === C_PLUS || sc.cur === C_DASH) {
    chomping = sc.cur === C_PLUS ? 1 : -1;
    sc.skip();
    sc.need(1);
    if (isDigit(sc.cur)) {
      if (sc.cur === C_ZERO) throw sc.error(start, "found an indentation indicator equal to 0");
      increment = sc.cur - C_ZERO;
      sc.skip();
    }
  } else if (isDigit(sc.cur)) {
    if (sc.cur === C_ZERO) throw sc.error(start, "found an indentation indicator equal to 0");
    increment = sc.cur - C_ZERO;
    sc.skip();
    sc.need(1);
    if (sc.cur === C_PLUS || sc.cur === C_DASH) {
      chomping = sc.cur === C_PLUS ? 1 : -1;
      sc.skip();
    }
  }

  sc.need(1);
  while (isBlank(sc.cur)) {
    sc.skip();
    sc.need(1);
  }
  if (sc.cur === C_HASH) {
    sc.scanLineComment();
    sc.skipToBreak();
  }
  if (!isBreakZ(sc.cur)) throw sc.error(start, "did not find expected comment or line break");
  if (isBreak(sc.cur)) {
    sc.need(2);
    sc.skipLine();
  }

  let indent = 0;
  if (increment > 0) indent = sc.indent >= 0 ? sc.indent + increment : increment;

  let s = "";
  let leadingBreak = "";
  let breaks = scanBlockScalarBreaks(sc, indent, start);
  indent = breaks.indent;
  let trailingBreaks = breaks.breaks;
  let end = breaks.end;

  sc.need(1);
  let leadingBlank = false;
  while (sc.column === indent && sc.cur !== NUL) {
    const trailingBlank = isBlank(sc.cur);
    if (!literal && !leadingBlank && !trailingBlank && leadingBreak.startsWith("\n")) {
      if (trailingBreaks === "") s += " ";
    } else {
      s += leadingBreak;
    }
    s += trailingBreaks;
    trailingBreaks = "";
    leadingBlank = isBlank(sc.cur);
    const from = sc.pos;
    sc.skipToBreak();
    s += sc.input.slice(from, sc.pos);
    sc.need(2);
    leadingBreak = sc.readLine();
    breaks = scanBlockScalarBreaks(sc, indent, start);
    indent = breaks.indent;
    trailingBreaks += breaks.breaks;
    end = breaks.end;
  }
  if (chomping !== -1) s += leadingBreak;
  if (chomping === 1) s += trailingBreaks;
  return new Token("SCALAR", start, end, s, literal ? "literal" : "folded");
}

/** Eat indentation and empty lines of a block scalar; settle its indentation if still unknown. */
function scanBlockScalarBreaks(sc: Cursor, indent: number, start: Mark): { indent: number; breaks: string; end: Mark } {
  let breaks = "";
  let end = sc.mark();
  let maxIndent = 0;
  for (;;) {
    sc.need(1);
    sc.skipSpaces(indent);
    if (sc.column > maxIndent) maxIndent = sc.column;
    if ((indent === 0 || sc.column < indent) && sc.cur === TAB) {
      throw sc.error(start, "found a tab character where an indentation space is expected");
    }
    if (!isBreak(sc.cur)) break;
    sc.need(2);
    breaks += sc.readLine();
    end = sc.mark();
  }
  if (indent === 0) {
    indent = Math.max(maxIndent, sc.indent + 1, 1);
  }
  return { indent, breaks, end };
}

export function scanFlowScalar(sc: Cursor, single: boolean): Token {
  const start = sc.mark();
  sc.skip();
  let s = "";
  let leadingBreak = "";
  let trailingBreaks = "";
  let whitespaces = "";
  for (;;) {
    sc.need(4);
    if (sc.column === 0 && (sc.isDocumentIndicator(C_DASH) || sc.isDocumentIndicator(C_DOT))) {
      throw sc.error(start, "found unexpected document indicator");
    }
    if (sc.cur === NUL) throw sc.error(start, "found unexpected end of stream");

    let leadingBlanks = false;
    let run = -1; // start of a run of ordinary characters, copied in one slice
    while (!isBlankZ(sc.cur)) {
      const c = sc.cur;
      const special = c === C_BACKSLASH ? !single : c === (single ? C_SQUOTE : C_DQUOTE);
      if (!special) {
        if (run < 0) run = sc.pos;
        sc.skip();
        sc.need(2);
        continue;
      }
      if (run >= 0) {
        s += sc.input.slice(run, sc.pos);
        run = -1;
      }
      if (single && c === C_SQUOTE && sc.at(1) === C_SQUOTE) {
        s += "'";
        sc.skip();
        sc.skip();
      } else if (single && c === C_SQUOTE) {
        break;
      } else if (!single && c === C_DQUOTE) {
        break;
      } else if (!single && c === C_BACKSLASH && isBreak(sc.at(1))) {
        sc.need(3);
        sc.skip();
        sc.skipLine();
        leadingBlanks = true;
        break;
      } else {
        s += scanEscape(sc, start);
      }
      sc.need(2);
    }
    if (run >= 0) s += sc.input.slice(run, sc.pos);

    sc.need(1);
    if (sc.cur === (single ? C_SQUOTE : C_DQUOTE)) break;

    while (isBlank(sc.cur) || isBreak(sc.cur)) {
      if (isBlank(sc.cur)) {
        if (!leadingBlanks) whitespaces += sc.read();
        else sc.skip();
      } else {
        sc.need(2);
        if (!leadingBlanks) {
          whitespaces = "";
          leadingBreak = sc.readLine();
          leadingBlanks = true;
        } else {
          trailingBreaks += sc.readLine();
        }
      }
      sc.need(1);
    }

    if (leadingBlanks) {
      if (leadingBreak.startsWith("\n")) {
        s += trailingBreaks === "" ? " " : trailingBreaks;
      } else {
        s += leadingBreak + trailingBreaks;
      }
      leadingBreak = "";
      trailingBreaks = "";
    } else {
      s += whitespaces;
      whitespaces = "";
    }
  }
  sc.skip();
  return new Token("SCALAR", start, sc.mark(), s, single ? "single" : "double");
}

/** One backslash escape of a double-quoted scalar (the cursor is on the backslash). */
function scanEscape(sc: Cursor, start: Mark): string {
  const e = sc.at(1);
  const simple = SIMPLE_ESCAPES.get(e);
  const codeLength = HEX_ESCAPES.get(e) ?? 0;
  if (simple === undefined && codeLength === 0) throw sc.error(start, "found unknown escape character");
  sc.skip();
  sc.skip();
  if (simple !== undefined) return simple;
  sc.need(codeLength);
  let value = 0;
  for (let k = 0; k < codeLength; k++) {
    const h = sc.at(k);
    if (!isHex(h)) throw sc.error(start, "did not find expected hexdecimal number");
    value = value * 16 + hexValue(h);
  }
  if ((value >= 0xd800 && value <= 0xdfff) || value > 0x10ffff) {
    throw sc.error(start, "found invalid Unicode character escape code");
  }
  for (let k = 0; k < codeLength; k++) sc.skip();
  return String.fromCodePoint(value);
}

/** A plain scalar; `multiline` tells the scanner a simple key may follow (it ended past a line break). */
export function scanPlainScalar(sc: Cursor): { token: Token; multiline: boolean } {
  // Within a line the value is the source text itself, so it is copied as slices ("segments")
  // and only line folding is spliced in.
  let s = "";
  let segStart = -1;
  let segEnd = -1;
  let leadingBreak = "";
  let trailingBreaks = "";
  let leadingBlanks = false;
  const indent = sc.indent + 1;
  const start = sc.mark();
  let endLine = sc.line;
  let endColumn = sc.column;

  for (;;) {
    sc.need(4);
    if (sc.column === 0 && (sc.isDocumentIndicator(C_DASH) || sc.isDocumentIndicator(C_DOT))) break;
    if (sc.cur === C_HASH) break;

    let inRun = false;
    while (!isBlankZ(sc.cur)) {
      const c = sc.cur;
      if (
        (c === C_COLON && isBlankZ(sc.at(1))) ||
        (sc.flowLevel > 0 && (c === C_COMMA || c === C_QUESTION || c === C_LBRACKET || c === C_RBRACKET || c === C_LBRACE || c === C_RBRACE))
      ) {
        break;
      }
      if (!inRun) {
        inRun = true;
        if (leadingBlanks) {
          // Fold the line break(s) before this run.
          if (segStart >= 0) s += sc.input.slice(segStart, segEnd);
          if (leadingBreak.startsWith("\n")) s += trailingBreaks === "" ? " " : trailingBreaks;
          else s += leadingBreak + trailingBreaks;
          leadingBreak = "";
          trailingBreaks = "";
          leadingBlanks = false;
          segStart = sc.pos;
        } else if (segStart < 0) {
          segStart = sc.pos;
        }
      }
      sc.skip();
      sc.need(2);
    }
    if (inRun) {
      segEnd = sc.pos;
      endLine = sc.line;
      endColumn = sc.column;
    }

    if (!(isBlank(sc.cur) || isBreak(sc.cur))) break;
    sc.need(1);
    while (isBlank(sc.cur) || isBreak(sc.cur)) {
      if (isBlank(sc.cur)) {
        if (leadingBlanks && sc.column < indent && sc.cur === TAB) {
          throw sc.error(start, "found a tab character that violates indentation");
        }
        sc.skip();
      } else {
        sc.need(2);
        if (!leadingBlanks) {
          leadingBreak = sc.readLine();
          leadingBlanks = true;
        } else {
          trailingBreaks += sc.readLine();
        }
      }
      sc.need(1);
    }
    if (sc.flowLevel === 0 && sc.column < indent) break;
  }
  if (segStart >= 0) s += sc.input.slice(segStart, segEnd);

  const end: Mark = { index: segEnd < 0 ? start.index : segEnd, line: endLine, column: endColumn };
  return { token: new Token("SCALAR", start, end, s, "plain"), multiline: leadingBlanks };
}

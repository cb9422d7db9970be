/** Scanning of directives (`%YAML`, `%TAG`), anchors, aliases and tags, as yaml.v3 does it. */
import { C_BANG, C_DOT, C_GT, C_HASH, C_LT, C_PERCENT, C_ZERO, ch, hexValue, isAlpha, isBlank, isBlankZ, isBreak, isBreakZ, isDigit, isHex } from "./chars.ts";
import type { Cursor } from "./cursor.ts";
import type { Mark, YamlError } from "./errors.ts";
import { Token } from "./tokens.ts";

/** Characters allowed in a tag URI besides `isAlpha`. */
const URI_CHARS = new Set([...";/?:@&=+$,.!~*'()[]%"].map(ch));
/** Characters that may follow an anchor or alias name. */
const ANCHOR_END = new Set([..."?:,]}%@`"].map(ch));

export function scanDirective(sc: Cursor): Token {
  const start = sc.mark();
  sc.skip();
  const name = scanDirectiveName(sc, start);
  let token: Token;
  if (name === "YAML") {
    const [major, minor] = scanVersionDirectiveValue(sc, start);
    token = new Token("VERSION-DIRECTIVE", start, sc.mark());
    token.major = major;
    token.minor = minor;
  } else if (name === "TAG") {
    const [handle, prefix] = scanTagDirectiveValue(sc, start);
    token = new Token("TAG-DIRECTIVE", start, sc.mark(), handle);
    token.prefix = prefix;
  } else {
    throw sc.error(start, "found unknown directive name");
  }
  sc.need(1);
  while (isBlank(sc.cur)) {
    sc.skip();
    sc.need(1);
  }
  if (sc.cur === C_HASH) {
    sc.skipToBreak();
  }
  if (!isBreakZ(sc.cur)) throw sc.error(start, "did not find expected comment or line break");
  if (isBreak(sc.cur)) {
    sc.need(2);
    sc.skipLine();
  }
  return token;
}

function scanDirectiveName(sc: Cursor, start: Mark): string {
  sc.need(1);
  let s = "";
  while (isAlpha(sc.cur)) {
    s += sc.read();
    sc.need(1);
  }
  if (s === "") throw sc.error(start, "could not find expected directive name");
  if (!isBlankZ(sc.cur)) throw sc.error(start, "found unexpected non-alphabetical character");
  return s;
}

function scanVersionDirectiveValue(sc: Cursor, start: Mark): [number, number] {
  sc.need(1);
  while (isBlank(sc.cur)) {
    sc.skip();
    sc.need(1);
  }
  const major = scanVersionDirectiveNumber(sc, start);
  if (sc.cur !== C_DOT) throw sc.error(start, "did not find expected digit or '.' character");
  sc.skip();
  const minor = scanVersionDirectiveNumber(sc, start);
  return [major, minor];
}

function scanVersionDirectiveNumber(sc: Cursor, start: Mark): number {
  sc.need(1);
  let value = 0;
  let length = 0;
  while (isDigit(sc.cur)) {
    length++;
    if (length > 2) throw sc.error(start, "found extremely long version number");
    value = value * 10 + (sc.cur - C_ZERO);
    sc.skip();
    sc.need(1);
  }
  if (length === 0) throw sc.error(start, "did not find expected version number");
  return value;
}

function scanTagDirectiveValue(sc: Cursor, start: Mark): [string, string] {
  sc.need(1);
  while (isBlank(sc.cur)) {
    sc.skip();
    sc.need(1);
  }
  const handle = scanTagHandle(sc, true, start);
  sc.need(1);
  if (!isBlank(sc.cur)) throw sc.error(start, "did not find expected whitespace");
  while (isBlank(sc.cur)) {
    sc.skip();
    sc.need(1);
  }
  const prefix = scanTagUri(sc, true, "", start);
  sc.need(1);
  if (!isBlankZ(sc.cur)) throw sc.error(start, "did not find expected whitespace or line break");
  return [handle, prefix];
}

export function scanAnchor(sc: Cursor, type: "ALIAS" | "ANCHOR"): Token {
  const start = sc.mark();
  sc.skip();
  sc.need(1);
  let s = "";
  while (isAlpha(sc.cur)) {
    s += sc.read();
    sc.need(1);
  }
  const end = sc.mark();
  if (s === "" || !(isBlankZ(sc.cur) || ANCHOR_END.has(sc.cur))) {
    throw sc.error(start, "did not find expected alphabetic or numeric character");
  }
  return new Token(type, start, end, s);
}

export function scanTag(sc: Cursor): Token {
  const start = sc.mark();
  sc.need(2);
  let handle: string;
  let suffix: string;
  if (sc.at(1) === C_LT) {
    // Verbatim tag: !<uri>
    handle = "";
    sc.skip();
    sc.skip();
    suffix = scanTagUri(sc, false, "", start);
    if (sc.cur !== C_GT) throw sc.error(start, "did not find the expected '>'");
    sc.skip();
  } else {
    handle = scanTagHandle(sc, false, start);
    if (handle.length > 1 && handle.startsWith("!") && handle.endsWith("!")) {
      suffix = scanTagUri(sc, false, "", start);
    } else {
      // Not a handle after all: `!suffix`, or the bare `!` tag.
      suffix = scanTagUri(sc, false, handle, start);
      handle = "!";
      if (suffix === "") {
        suffix = handle;
        handle = "";
      }
    }
  }
  sc.need(1);
  if (!isBlankZ(sc.cur)) throw sc.error(start, "did not find expected whitespace or line break");
  const token = new Token("TAG", start, sc.mark(), handle);
  token.suffix = suffix;
  return token;
}

/** libyaml words the context differently inside `%TAG` directives; yaml.v3 prints only the problem. */
function tagError(sc: Cursor, _directive: boolean, start: Mark, problem: string): YamlError {
  return sc.error(start, problem);
}

function scanTagHandle(sc: Cursor, directive: boolean, start: Mark): string {
  sc.need(1);
  if (sc.cur !== C_BANG) throw tagError(sc, directive, start, "did not find expected '!'");
  let s = sc.read();
  sc.need(1);
  while (isAlpha(sc.cur)) {
    s += sc.read();
    sc.need(1);
  }
  if (sc.cur === C_BANG) {
    s += sc.read();
  } else if (directive && s !== "!") {
    throw tagError(sc, directive, start, "did not find expected '!'");
  }
  return s;
}

/** Scan a tag URI; `head` is a scanned `!name` that turned out not to be a handle (its `!` is dropped). */
function scanTagUri(sc: Cursor, directive: boolean, head: string, start: Mark): string {
  let s = head.length > 1 ? head.slice(1) : "";
  let hasTag = head.length > 0;
  sc.need(1);
  while (isAlpha(sc.cur) || URI_CHARS.has(sc.cur)) {
    if (sc.cur === C_PERCENT) s += scanUriEscapes(sc, directive, start);
    else s += sc.read();
    sc.need(1);
    hasTag = true;
  }
  if (!hasTag) throw tagError(sc, directive, start, "did not find expected tag URI");
  return s;
}

/** Decode `%XX` escapes forming one UTF-8 character. */
function scanUriEscapes(sc: Cursor, directive: boolean, start: Mark): string {
  const bytes: number[] = [];
  let width = 1024;
  while (width > 0) {
    sc.need(3);
    if (!(sc.cur === C_PERCENT && isHex(sc.at(1)) && isHex(sc.at(2)))) {
      throw tagError(sc, directive, start, "did not find URI escaped octet");
    }
    const octet = (hexValue(sc.at(1)) << 4) + hexValue(sc.at(2));
    if (width === 1024) {
      width = utf8SequenceLength(octet);
      if (width === 0) throw tagError(sc, directive, start, "found an incorrect leading UTF-8 octet");
    } else if ((octet & 0xc0) !== 0x80) {
      throw tagError(sc, directive, start, "found an incorrect trailing UTF-8 octet");
    }
    bytes.push(octet);
    sc.skip();
    sc.skip();
    sc.skip();
    width--;
  }
  return decodeUtf8(bytes);
}

/** Length of the UTF-8 sequence a leading byte announces, or 0 if it cannot lead one. */
function utf8SequenceLength(octet: number): number {
  if ((octet & 0x80) === 0) return 1;
  if ((octet & 0xe0) === 0xc0) return 2;
  if ((octet & 0xf0) === 0xe0) return 3;
  if ((octet & 0xf8) === 0xf0) return 4;
  return 0;
}

/** Minimal UTF-8 decoder for `%XX` tag escapes (invalid sequences become U+FFFD). */
function decodeUtf8(bytes: number[]): string {
  const lead = bytes[0] ?? 0;
  const n = bytes.length;
  let cp = n === 1 ? lead : lead & (0xff >> (n + 1));
  for (let i = 1; i < n; i++) cp = (cp << 6) | ((bytes[i] as number) & 0x3f);
  const min = [0, 0, 0x80, 0x800, 0x10000][n] ?? 0;
  if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return "\ufffd";
  return String.fromCodePoint(cp);
}

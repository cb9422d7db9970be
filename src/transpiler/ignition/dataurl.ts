/**
 * `data:` URL decoding with the behaviour and error texts of vincent-petithory/dataurl
 * `DecodeString` (v1.0.0): a lexer emitting items (prefix, media type, parameters, `;base64`,
 * comma, data) consumed in order by a parser; the first failure wins.
 */
import { unquotable } from "../go/strconv.ts";
import { decodeBase64Go } from "../go/base64.ts";
import { goString } from "../go/utf8.ts";

/** A successfully decoded data URL. */
export interface DataUrl {
  mediaType: string;
  mediaSubtype: string;
  params: Record<string, string>;
  base64: boolean;
  data: Uint8Array;
}

/** Result of {@link decodeDataUrlDetailed}. */
export type DataUrlResult = { ok: true; value: DataUrl } | { ok: false; error: string };

type ItemType = "error" | "eof" | "mediaType" | "mediaSubType" | "paramAttr" | "leftQuote" | "paramVal" | "base64Enc" | "dataComma" | "data";

interface Item {
  t: ItemType;
  val: string;
}

const EOF = -1;

function isTSpecial(r: number): boolean {
  return r >= 0 && r < 128 && '()<>@,;:\\"/[]?='.includes(String.fromCharCode(r));
}

/** Go `isTokenRune`: ASCII, not control, not space, not tspecial. (EOF counts as a token rune, as in Go.) */
function isTokenRune(r: number): boolean {
  if (r === EOF) return true;
  return r > 0x20 && r < 0x7f && !isTSpecial(r);
}

function isUrlCharRune(r: number): boolean {
  if (r > 0x7f) return false;
  if (r >= 0 && r <= 0x1f) return false;
  if (r === 0x7f) return false;
  return !' <>#"{}|\\^[]`'.includes(String.fromCharCode(r));
}

function isBase64Rune(r: number): boolean {
  return (r >= 0x61 && r <= 0x7a) || (r >= 0x41 && r <= 0x5a) || (r >= 0x30 && r <= 0x39) || r === 0x2b || r === 0x2f || r === 0x3d || r === 0x0a;
}

function isDiscreteType(s: string): boolean {
  return ["text", "image", "audio", "video", "application"].some((p) => s.startsWith(p));
}

function isCompositeType(s: string): boolean {
  return s.startsWith("message") || s.startsWith("multipart");
}

/** Runs the lexer to completion, returning its items (ending with an `eof` or an `error` item). */
function lex(input: string): Item[] {
  const items: Item[] = [];
  let start = 0;
  let pos = 0;
  let width = 0;
  let seenBase64 = false;

  const next = (): number => {
    if (pos >= input.length) {
      width = 0;
      return EOF;
    }
    const cp = input.codePointAt(pos) ?? 0;
    width = cp > 0xffff ? 2 : 1;
    pos += width;
    return cp;
  };
  const backup = (): void => {
    pos -= width;
  };
  const emit = (t: ItemType): void => {
    items.push({ t, val: input.slice(start, pos) });
    start = pos;
  };
  const fail = (msg: string): null => {
    items.push({ t: "error", val: msg });
    return null;
  };

  type State = (() => State) | null;

  const lexData = (): State => {
    for (;;) {
      const r = next();
      if (r === EOF) break;
      if (!isUrlCharRune(r)) return fail("invalid data character");
    }
    if (pos > start) emit("data");
    emit("eof");
    return null;
  };
  const lexBase64Data = (): State => {
    for (;;) {
      const r = next();
      if (r === EOF) break;
      if (!isBase64Rune(r)) return fail("invalid data character");
    }
    if (pos > start) emit("data");
    emit("eof");
    return null;
  };
  const lexDataComma = (): State => {
    next();
    emit("dataComma");
    return seenBase64 ? lexBase64Data : lexData;
  };
  const lexParamSemicolon = (): State => {
    next();
    start = pos; // itemParamSemicolon is emitted but ignored by the parser
    return lexAfterParamSemicolon;
  };
  const lexAfterParamVal = (): State => {
    const r = next();
    if (r === 0x3b) {
      backup();
      return lexParamSemicolon;
    }
    if (r === 0x2c) {
      backup();
      return lexDataComma;
    }
    if (r === EOF) return fail("missing comma before data");
    return fail("expected semicolon or comma");
  };
  const lexParamVal = (): State => {
    if (pos > start) emit("paramVal");
    return lexAfterParamVal;
  };
  const lexQuotedStringParamVal = (): State => {
    if (pos > start) emit("paramVal");
    next();
    start = pos; // itemRightStringQuote
    return lexAfterParamVal;
  };
  const lexInParamVal = (): State => {
    for (;;) {
      const r = next();
      if (r === 0x3b || r === 0x2c) {
        backup();
        return lexParamVal;
      }
      if (r === EOF) return fail("missing comma before data");
      if (!isTokenRune(r)) return fail("invalid character for parameter value");
    }
  };
  const lexEscapedChar = (): State => {
    const r = next();
    if (r <= 0x7f) return lexInQuotedStringParamVal;
    return fail("invalid escaped character");
  };
  const lexInQuotedStringParamVal = (): State => {
    for (;;) {
      const r = next();
      if (r === EOF) return fail("unclosed quoted string");
      if (r === 0x5c) return lexEscapedChar;
      if (r === 0x22) {
        backup();
        return lexQuotedStringParamVal;
      }
      if (r > 0x7f) return fail("invalid character for parameter value");
    }
  };
  const lexAfterParamEqual = (): State => {
    const r = next();
    if (r === 0x22) {
      emit("leftQuote");
      return lexInQuotedStringParamVal;
    }
    if (r === EOF) return fail("missing comma before data");
    if (isTokenRune(r)) return lexInParamVal;
    return fail("invalid character for parameter value");
  };
  const lexParamEqual = (): State => {
    next();
    start = pos; // itemParamEqual
    return lexAfterParamEqual;
  };
  const lexParamAttr = (): State => {
    if (pos > start) emit("paramAttr");
    return lexParamEqual;
  };
  const lexBase64Enc = (): State => {
    if (pos > start) {
      const v = input.slice(start, pos);
      if (v !== "base64") return fail(`expected base64, got ${v}`);
      seenBase64 = true;
      emit("base64Enc");
    }
    return lexDataComma;
  };
  const lexInParamAttr = (): State => {
    for (;;) {
      const r = next();
      if (r === 0x3d) {
        backup();
        return lexParamAttr;
      }
      if (r === 0x2c) {
        backup();
        return lexBase64Enc;
      }
      if (r === EOF) return fail("unterminated parameter sequence");
      if (!isTokenRune(r)) return fail("invalid character for parameter attribute");
    }
  };
  const lexAfterParamSemicolon = (): State => {
    const r = next();
    if (r === EOF) return fail("unterminated parameter sequence");
    if (r === 0x3d || r === 0x2c) return fail("unterminated parameter sequence");
    if (isTokenRune(r)) {
      backup();
      return lexInParamAttr;
    }
    return fail("invalid character for parameter attribute");
  };
  const lexAfterMediaSubType = (): State => {
    const r = next();
    if (r === 0x3b) {
      backup();
      return lexParamSemicolon;
    }
    if (r === 0x2c) {
      backup();
      return lexDataComma;
    }
    if (r === EOF) return fail("missing comma before data");
    return fail("expected semicolon or comma");
  };
  const lexMediaSubType = (): State => {
    if (pos > start) emit("mediaSubType");
    return lexAfterMediaSubType;
  };
  const lexAfterMediaSep = (): State => {
    for (;;) {
      const r = next();
      if (r === 0x3b || r === 0x2c) {
        backup();
        return lexMediaSubType;
      }
      if (r === EOF) return fail("incomplete media type");
      if (!isTokenRune(r)) return fail("invalid character for media subtype");
    }
  };
  const lexMediaSep = (): State => {
    next();
    start = pos; // itemMediaSep
    return lexAfterMediaSep;
  };
  const lexMediaType = (): State => {
    if (pos > start) emit("mediaType");
    return lexMediaSep;
  };
  const lexInDiscreteMediaType = (): State => {
    for (;;) {
      const r = next();
      if (r === 0x2f) {
        backup();
        const t = input.slice(start, pos);
        if (!isDiscreteType(t) && !isCompositeType(t)) return fail("invalid media type");
        return lexMediaType;
      }
      if (r === EOF) return fail("missing media type slash");
      if (!isTokenRune(r)) return fail("invalid character for media type");
    }
  };
  const lexXTokenMediaType = (): State => {
    for (;;) {
      const r = next();
      if (r === 0x2f) {
        backup();
        return lexMediaType;
      }
      if (r === EOF) return fail("missing media type slash");
      if (!isTokenRune(r)) return fail("invalid character for media type");
    }
  };
  const lexAfterDataPrefix = (): State => {
    const r = next();
    if (r === 0x3b) {
      backup();
      return lexParamSemicolon;
    }
    if (r === 0x2c) {
      backup();
      return lexDataComma;
    }
    if (r === EOF) return fail("missing comma before data");
    if (r === 0x78 || r === 0x58) {
      // the rune after 'x' is consumed either way, as upstream does
      if (next() === 0x2d) return lexXTokenMediaType;
      return lexInDiscreteMediaType;
    }
    if (isTokenRune(r)) return lexInDiscreteMediaType;
    return fail("invalid character after data prefix");
  };
  const lexBeforeDataPrefix = (): State => {
    if (!input.startsWith("data:", pos)) return fail("missing data prefix");
    pos += 5;
    start = pos; // itemDataPrefix
    return lexAfterDataPrefix;
  };

  let state: State = lexBeforeDataPrefix;
  while (state !== null) state = state();
  return items;
}

const syntaxError = "invalid syntax";

/** The rfc2396 `Unescape` of the library: bytes, or its error text. */
function rfc2396Unescape(s: string): { ok: true; bytes: number[] } | { ok: false; error: string } {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 0x7f) return { ok: false, error: "rfc2396: non-ASCII char detected" };
    if (c !== 0x25) {
      out.push(c);
      continue;
    }
    const h1 = s[i + 1];
    if (h1 === undefined) return { ok: false, error: "rfc2396: unexpected end of unescape sequence" };
    if (!/^[0-9A-Fa-f]$/.test(h1)) return { ok: false, error: "rfc2396: invalid char 0x25 in unescape sequence" };
    const h2 = s[i + 2];
    if (h2 === undefined) return { ok: false, error: "rfc2396: unexpected end of unescape sequence" };
    if (!/^[0-9A-Fa-f]$/.test(h2)) return { ok: false, error: "rfc2396: invalid char 0x25 in unescape sequence" };
    out.push(parseInt(h1 + h2, 16));
    i += 2;
  }
  return { ok: true, bytes: out };
}

/** Decodes a data URL as the dataurl library does; on failure, its error text. */
export function decodeDataUrlDetailed(s: string): DataUrlResult {
  const du: DataUrl = { mediaType: "text", mediaSubtype: "plain", params: { charset: "US-ASCII" }, base64: false, data: new Uint8Array(0) };
  let currentAttr = "";
  let unquoteNext = false;
  let reader: "ascii" | "base64" | null = null;
  let gotData = false;
  for (const item of lex(s)) {
    switch (item.t) {
      case "error":
        return { ok: false, error: item.val };
      case "mediaType":
        du.mediaType = item.val;
        delete du.params["charset"];
        break;
      case "mediaSubType":
        du.mediaSubtype = item.val;
        break;
      case "paramAttr":
        currentAttr = item.val;
        break;
      case "leftQuote":
        unquoteNext = true;
        break;
      case "paramVal": {
        let val: string;
        if (unquoteNext) {
          unquoteNext = false;
          if (!unquotable(item.val)) return { ok: false, error: syntaxError };
          val = item.val; // exact unescaping of the value is not needed by callers
        } else {
          const u = rfc2396Unescape(item.val);
          if (!u.ok) return { ok: false, error: u.error };
          val = goString(Uint8Array.from(u.bytes));
        }
        du.params[currentAttr] = val;
        break;
      }
      case "base64Enc":
        du.base64 = true;
        reader = "base64";
        break;
      case "dataComma":
        reader ??= "ascii";
        break;
      case "data": {
        if (reader === "base64") {
          const bytes = new Uint8Array(item.val.length);
          for (let i = 0; i < item.val.length; i++) bytes[i] = item.val.charCodeAt(i);
          const d = decodeBase64Go(bytes);
          if (!d.ok) return { ok: false, error: d.error };
          du.data = d.bytes;
        } else {
          const u = rfc2396Unescape(item.val);
          if (!u.ok) return { ok: false, error: u.error };
          du.data = Uint8Array.from(u.bytes);
        }
        gotData = true;
        break;
      }
      case "eof":
        if (!gotData) du.data = new Uint8Array(0);
        return { ok: true, value: du };
    }
  }
  return { ok: false, error: "EOF not found" };
}

/** The dataurl library's error for `s`, or null when `s` decodes. */
export function dataUrlError(s: string): string | null {
  const r = decodeDataUrlDetailed(s);
  return r.ok ? null : r.error;
}

/** Decodes a `data:` URL's payload bytes; null when the dataurl library would reject it. */
export function decodeDataUrl(url: string): Uint8Array | null {
  const r = decodeDataUrlDetailed(url);
  return r.ok ? r.value.data : null;
}

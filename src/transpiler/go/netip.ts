/** Go's `net/netip` (golang/go `src/net/netip/netip.go`): `ParseAddr` acceptance, as `net/url` uses it for bracketed hosts. */

/** Outcome of parsing an IP address: its family, or the reason it was rejected. */
export type ParsedAddr = { ok: true; is4: boolean } | { ok: false; reason: string };

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= "0" && c <= "9";
}

function hexVal(c: string | undefined): number {
  if (c === undefined) return -1;
  if (c >= "0" && c <= "9") return c.charCodeAt(0) - 48;
  if (c >= "a" && c <= "f") return c.charCodeAt(0) - 87;
  if (c >= "A" && c <= "F") return c.charCodeAt(0) - 55;
  return -1;
}

/** `parseIPv4Fields` over `s`; returns an error reason or null. */
function ipv4FieldsError(s: string): string | null {
  let val = 0;
  let pos = 0;
  let digLen = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (isDigit(c)) {
      if (digLen === 1 && val === 0) return "IPv4 field has octet with leading zero";
      val = val * 10 + (s.charCodeAt(i) - 48);
      digLen++;
      if (val > 255) return "IPv4 field has value >255";
    } else if (c === ".") {
      if (i === 0 || i === s.length - 1 || s[i - 1] === ".") return "IPv4 field must have at least one digit";
      if (pos === 3) return "IPv4 address too long";
      pos++;
      val = 0;
      digLen = 0;
    } else {
      return "unexpected character";
    }
  }
  if (pos < 3) return "IPv4 address too short";
  return null;
}

function ipv6Error(input: string): string | null {
  let s = input;
  const pct = s.indexOf("%");
  if (pct !== -1) {
    if (pct === s.length - 1) return "zone must be a non-empty string";
    s = s.slice(0, pct);
  }
  let ellipsis = -1;
  if (s.length >= 2 && s[0] === ":" && s[1] === ":") {
    ellipsis = 0;
    s = s.slice(2);
    if (s.length === 0) return null;
  }
  let i = 0;
  while (i < 16) {
    let off = 0;
    let acc = 0;
    for (; off < s.length; off++) {
      const v = hexVal(s[off]);
      if (v < 0) break;
      acc = acc * 16 + v;
      if (off > 3) return "each group must have 4 or less digits";
      if (acc > 0xffff) return "IPv6 field has value >=2^16";
    }
    if (off === 0) return "each colon-separated field must have at least one digit";
    if (off < s.length && s[off] === ".") {
      if (ellipsis < 0 && i !== 12) return "embedded IPv4 address must replace the final 2 fields of the address";
      if (i + 4 > 16) return "too many hex fields to fit an embedded IPv4 at the end of the address";
      const err = ipv4FieldsError(s);
      if (err !== null) return err;
      s = "";
      i += 4;
      break;
    }
    i += 2;
    s = s.slice(off);
    if (s.length === 0) break;
    if (s[0] !== ":") return "unexpected character, want colon";
    if (s.length === 1) return "colon must be followed by more characters";
    s = s.slice(1);
    if (s[0] === ":") {
      if (ellipsis >= 0) return "multiple :: in address";
      ellipsis = i;
      s = s.slice(1);
      if (s.length === 0) break;
    }
  }
  if (s.length !== 0) return "trailing garbage after address";
  if (i < 16) {
    if (ellipsis < 0) return "address string too short";
  } else if (ellipsis >= 0) {
    return "the :: must expand to at least one field of zeros";
  }
  return null;
}

/** Parses an IPv4 or IPv6 (optionally zoned) address as Go's `netip.ParseAddr` does. */
export function parseAddr(s: string): ParsedAddr {
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === ".") {
      const err = ipv4FieldsError(s);
      return err === null ? { ok: true, is4: true } : { ok: false, reason: err };
    }
    if (c === ":") {
      const err = ipv6Error(s);
      return err === null ? { ok: true, is4: false } : { ok: false, reason: err };
    }
    if (c === "%") return { ok: false, reason: "missing IPv6 address" };
  }
  return { ok: false, reason: "unable to parse IP" };
}

/**
 * Go's `net/url` (golang/go `src/net/url/url.go`): `url.Parse` as far as Ignition's URL checks need it: whether parsing fails, the
 * (lower-cased) scheme, the opaque part and the raw query; plus `URL.Query()`.
 *
 * Behaviour follows a current Go toolchain building a module that declares `go 1.24`
 * (Butane 0.29.0): bracketed hosts must be IPv6 literals (netip), a `[` elsewhere in the host
 * is rejected, colons in a plain host are lax (`urlstrictcolons=0`: the last colon starts the
 * port), and a query with 10000 or more `&` separators yields no parameters.
 */
import { parseAddr } from "./netip.ts";

/** The parts of a parsed URL the validators look at. */
export interface GoUrl {
  scheme: string;
  opaque: string;
  host: string;
  path: string;
  rawQuery: string;
}

/** Result of {@link parseGoUrl}. */
export type GoUrlResult = { ok: true; url: GoUrl } | { ok: false; error: string };

function isHex(c: string | undefined): boolean {
  return c !== undefined && /^[0-9A-Fa-f]$/.test(c);
}

function unhex(c: string): number {
  return parseInt(c, 16);
}

type Mode = "path" | "host" | "zone" | "userPassword" | "queryComponent" | "fragment";

function isAlnum(c: string): boolean {
  return (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || (c >= "0" && c <= "9");
}

/** Go `shouldEscape` for the modes `unescape` consults (host, zone). */
function shouldEscape(c: string, mode: Mode): boolean {
  if (isAlnum(c)) return false;
  if (mode === "host" || mode === "zone") {
    if ("!$&'()*+,;=:[]<>\"".includes(c)) return false;
  }
  if ("-_.~".includes(c)) return false;
  if ("$&+,/:;=?@".includes(c)) {
    switch (mode) {
      case "path":
        return c === "?";
      case "userPassword":
        return c === "@" || c === "/" || c === "?" || c === ":";
      case "queryComponent":
        return true;
      case "fragment":
        return false;
      default:
        break;
    }
  }
  if (mode === "fragment" && "!()*".includes(c)) return false;
  return true;
}

/**
 * Go `unescape`: decodes %XX (and `+` in query components). Works on JS strings: every
 * character that matters is ASCII, and each other character maps to itself. Decoded bytes
 * are returned as Latin-1 characters, which is enough for comparisons against ASCII keys.
 */
function unescape(s: string, mode: Mode): { ok: true; value: string } | { ok: false; error: string } {
  let n = 0;
  let hasPlus = false;
  for (let i = 0; i < s.length;) {
    const c = s[i] ?? "";
    if (c === "%") {
      n++;
      if (i + 2 >= s.length || !isHex(s[i + 1]) || !isHex(s[i + 2])) {
        return { ok: false, error: "invalid URL escape " + JSON.stringify(s.slice(i, i + 3)) };
      }
      const h1 = s[i + 1] ?? "0";
      const h2 = s[i + 2] ?? "0";
      const three = s.slice(i, i + 3);
      if (mode === "host" && unhex(h1) < 8 && three !== "%25") {
        return { ok: false, error: "invalid URL escape " + JSON.stringify(three) };
      }
      if (mode === "zone") {
        const v = (unhex(h1) << 4) | unhex(h2);
        if (three !== "%25" && v !== 0x20 && v < 0x80 && shouldEscape(String.fromCharCode(v), "host")) {
          return { ok: false, error: "invalid URL escape " + JSON.stringify(three) };
        }
        if (three !== "%25" && v >= 0x80) {
          // bytes >= 0x80: shouldEscape(v, host) is true for every non-ASCII byte
          return { ok: false, error: "invalid URL escape " + JSON.stringify(three) };
        }
      }
      i += 3;
    } else if (c === "+") {
      hasPlus = mode === "queryComponent";
      i++;
    } else {
      if ((mode === "host" || mode === "zone") && c.charCodeAt(0) < 0x80 && shouldEscape(c, mode)) {
        return { ok: false, error: `invalid character ${JSON.stringify(c)} in host name` };
      }
      i++;
    }
  }
  if (n === 0 && !hasPlus) return { ok: true, value: s };
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s[i] ?? "";
    if (c === "%") {
      out += String.fromCharCode((unhex(s[i + 1] ?? "0") << 4) | unhex(s[i + 2] ?? "0"));
      i += 2;
    } else if (c === "+") {
      out += mode === "queryComponent" ? " " : "+";
    } else {
      out += c;
    }
  }
  return { ok: true, value: out };
}

function getScheme(raw: string): { ok: true; scheme: string; rest: string } | { ok: false; error: string } {
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i] ?? "";
    if ((c >= "a" && c <= "z") || (c >= "A" && c <= "Z")) continue;
    if ((c >= "0" && c <= "9") || c === "+" || c === "-" || c === ".") {
      if (i === 0) return { ok: true, scheme: "", rest: raw };
      continue;
    }
    if (c === ":") {
      if (i === 0) return { ok: false, error: "missing protocol scheme" };
      return { ok: true, scheme: raw.slice(0, i), rest: raw.slice(i + 1) };
    }
    return { ok: true, scheme: "", rest: raw };
  }
  return { ok: true, scheme: "", rest: raw };
}

function validOptionalPort(port: string): boolean {
  if (port === "") return true;
  if (port[0] !== ":") return false;
  for (let i = 1; i < port.length; i++) {
    const c = port[i] ?? "";
    if (c < "0" || c > "9") return false;
  }
  return true;
}

function validUserinfo(s: string): boolean {
  for (const c of s) {
    if (isAlnum(c)) continue;
    if ("-._:~!$&'()*+,;=%@".includes(c)) continue;
    return false;
  }
  return true;
}

function parseHost(host: string): { ok: true; host: string } | { ok: false; error: string } {
  const open = host.lastIndexOf("[");
  if (open > 0) return { ok: false, error: "invalid IP-literal" };
  if (open === 0) {
    const close = host.lastIndexOf("]");
    if (close < 0) return { ok: false, error: "missing ']' in host" };
    const colonPort = host.slice(close + 1);
    if (!validOptionalPort(colonPort)) return { ok: false, error: `invalid port ${JSON.stringify(colonPort)} after host` };
    const port = unescape(colonPort, "host");
    if (!port.ok) return port;
    const name = host.slice(1, Math.max(1, close));
    let unescaped: string;
    const zone = name.indexOf("%25");
    if (zone >= 0) {
      const a = unescape(name.slice(0, zone), "host");
      if (!a.ok) return a;
      const b = unescape(name.slice(zone), "zone");
      if (!b.ok) return b;
      unescaped = a.value + b.value;
    } else {
      const a = unescape(name, "host");
      if (!a.ok) return a;
      unescaped = a.value;
    }
    const addr = parseAddr(unescaped);
    if (!addr.ok) return { ok: false, error: "invalid host: " + addr.reason };
    if (addr.is4) return { ok: false, error: "invalid IP-literal" };
    return { ok: true, host: "[" + unescaped + "]" + port.value };
  }
  const colon = host.lastIndexOf(":");
  if (colon !== -1) {
    const colonPort = host.slice(colon);
    if (!validOptionalPort(colonPort)) return { ok: false, error: `invalid port ${JSON.stringify(colonPort)} after host` };
  }
  const h = unescape(host, "host");
  if (!h.ok) return h;
  return { ok: true, host: h.value };
}

function parseAuthority(authority: string): { ok: true; host: string } | { ok: false; error: string } {
  const at = authority.lastIndexOf("@");
  const host = parseHost(at < 0 ? authority : authority.slice(at + 1));
  if (!host.ok) return host;
  if (at < 0) return host;
  const userinfo = authority.slice(0, at);
  if (!validUserinfo(userinfo)) return { ok: false, error: "net/url: invalid userinfo" };
  const colon = userinfo.indexOf(":");
  if (colon < 0) {
    const u = unescape(userinfo, "userPassword");
    if (!u.ok) return u;
  } else {
    const u = unescape(userinfo.slice(0, colon), "userPassword");
    if (!u.ok) return u;
    const p = unescape(userinfo.slice(colon + 1), "userPassword");
    if (!p.ok) return p;
  }
  return host;
}

function hasCtlByte(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return true;
  }
  return false;
}

function parseNoFragment(raw: string): GoUrlResult {
  if (hasCtlByte(raw)) return { ok: false, error: "net/url: invalid control character in URL" };
  const url: GoUrl = { scheme: "", opaque: "", host: "", path: "", rawQuery: "" };
  if (raw === "*") {
    url.path = "*";
    return { ok: true, url };
  }
  const sch = getScheme(raw);
  if (!sch.ok) return sch;
  url.scheme = sch.scheme.toLowerCase();
  let rest = sch.rest;
  const q = rest.indexOf("?");
  if (rest.endsWith("?") && q === rest.length - 1) {
    rest = rest.slice(0, -1);
  } else if (q >= 0) {
    url.rawQuery = rest.slice(q + 1);
    rest = rest.slice(0, q);
  }
  if (!rest.startsWith("/")) {
    if (url.scheme !== "") {
      url.opaque = rest;
      return { ok: true, url };
    }
    const slash = rest.indexOf("/");
    const segment = slash < 0 ? rest : rest.slice(0, slash);
    if (segment.includes(":")) return { ok: false, error: "first path segment in URL cannot contain colon" };
  }
  if ((url.scheme !== "" || !rest.startsWith("///")) && rest.startsWith("//")) {
    let authority = rest.slice(2);
    rest = "";
    const slash = authority.indexOf("/");
    if (slash >= 0) {
      rest = authority.slice(slash);
      authority = authority.slice(0, slash);
    }
    const auth = parseAuthority(authority);
    if (!auth.ok) return auth;
    url.host = auth.host;
  }
  const p = unescape(rest, "path");
  if (!p.ok) return p;
  url.path = p.value;
  return { ok: true, url };
}

/** Go `url.Parse`: fails exactly when Go's would (the error text is informative only). */
export function parseGoUrl(raw: string): GoUrlResult {
  const hash = raw.indexOf("#");
  const u = hash < 0 ? raw : raw.slice(0, hash);
  const parsed = parseNoFragment(u);
  if (!parsed.ok) return parsed;
  if (hash >= 0) {
    const frag = unescape(raw.slice(hash + 1), "fragment");
    if (!frag.ok) return frag;
  }
  return parsed;
}

/** Query parameter limit of current Go (`urlmaxqueryparams` default). */
const maxQueryParams = 10000;

/** Go `URL.Query()` (malformed pairs silently dropped): the values of `key`, or undefined if absent. */
export function queryValues(rawQuery: string, key: string): string[] | undefined {
  let count = 0;
  for (const c of rawQuery) if (c === "&") count++;
  if (count >= maxQueryParams) return undefined;
  let values: string[] | undefined;
  let query = rawQuery;
  while (query !== "") {
    const amp = query.indexOf("&");
    let pair: string;
    if (amp < 0) {
      pair = query;
      query = "";
    } else {
      pair = query.slice(0, amp);
      query = query.slice(amp + 1);
    }
    if (pair.includes(";")) continue;
    if (pair === "") continue;
    const eq = pair.indexOf("=");
    const rawKey = eq < 0 ? pair : pair.slice(0, eq);
    const rawValue = eq < 0 ? "" : pair.slice(eq + 1);
    const k = unescape(rawKey, "queryComponent");
    if (!k.ok) continue;
    const v = unescape(rawValue, "queryComponent");
    if (!v.ok) continue;
    if (k.value === key) (values ??= []).push(v.value);
  }
  return values;
}

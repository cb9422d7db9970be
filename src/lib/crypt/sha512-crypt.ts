/**
 * SHA-512 crypt (`$6$`), Ulrich Drepper's "Unix crypt using SHA-256 and SHA-512", as glibc's
 * crypt(3), `mkpasswd -m sha-512` and `openssl passwd -6` compute it. The SHA-512 core is
 * @noble/hashes' (audited, synchronous, so the thousands of small digests don't each wait for
 * WebCrypto).
 */
import { sha512 } from "@noble/hashes/sha2.js";

const ITOA64 = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
export const ROUNDS_DEFAULT = 5000;
const ROUNDS_MIN = 1000;
const ROUNDS_MAX = 999_999_999;
const SALT_MAX = 16;

export interface Sha512CryptOptions {
  /** Up to 16 characters of `[./0-9A-Za-z]` (longer is cut, as glibc does). */
  salt: string;
  /** Rounds (default 5000, written into the hash only when given); clamped to 1000…999,999,999. */
  rounds?: number;
}

/** A `$6$` setting string's parts: `$6$rounds=N$salt` or `$6$salt`. */
export function parseSetting(setting: string): Sha512CryptOptions {
  const m = /^\$6\$(?:rounds=(\d+)\$)?([^$]*)/.exec(setting);
  if (!m) throw new Error("not a $6$ setting");
  return { salt: m[2] ?? "", ...(m[1] !== undefined ? { rounds: Number(m[1]) } : {}) };
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** `len` bytes of `block` repeated. */
function repeatTo(block: Uint8Array, len: number): Uint8Array {
  const out = new Uint8Array(len);
  for (let i = 0; i < len; i += block.length) out.set(block.subarray(0, Math.min(block.length, len - i)), i);
  return out;
}

function encode(b: Uint8Array): string {
  let s = "";
  const put = (b2: number, b1: number, b0: number, n: number) => {
    let w = (b2 << 16) | (b1 << 8) | b0;
    for (let i = 0; i < n; i++) {
      s += ITOA64[w & 0x3f];
      w >>>= 6;
    }
  };
  // Drepper's byte order: for i in 0…20 the triple (i, i+21, i+42) rotated by i mod 3.
  for (let i = 0; i < 21; i++) {
    const t = [i, i + 21, i + 42];
    const r = i % 3;
    const [x, y, z] = [t[r]!, t[(r + 1) % 3]!, t[(r + 2) % 3]!];
    put(b[x]!, b[y]!, b[z]!, 4);
  }
  put(0, 0, b[63]!, 2);
  return s;
}

interface State {
  c: Uint8Array;
  p: Uint8Array;
  s: Uint8Array;
  rounds: number;
  prefix: string;
}

function prepare(password: string, opts: Sha512CryptOptions): State {
  const enc = new TextEncoder();
  const pw = enc.encode(password);
  const saltText = opts.salt.split("$")[0]!.slice(0, SALT_MAX);
  const salt = enc.encode(saltText);
  const custom = opts.rounds !== undefined;
  const rounds = Math.min(ROUNDS_MAX, Math.max(ROUNDS_MIN, Math.floor(opts.rounds ?? ROUNDS_DEFAULT)));

  const b = sha512(concat([pw, salt, pw]));
  const a = sha512.create().update(pw).update(salt);
  let n = pw.length;
  for (; n > 64; n -= 64) a.update(b);
  a.update(b.subarray(0, n));
  for (let cnt = pw.length; cnt > 0; cnt >>= 1) a.update(cnt & 1 ? b : pw);
  const c = a.digest();

  const dp = sha512.create();
  for (let i = 0; i < pw.length; i++) dp.update(pw);
  const p = repeatTo(dp.digest(), pw.length);
  const ds = sha512.create();
  for (let i = 0; i < 16 + c[0]!; i++) ds.update(salt);
  const s = repeatTo(ds.digest(), salt.length);
  return { c, p, s, rounds, prefix: `$6$${custom ? `rounds=${rounds}$` : ""}${saltText}$` };
}

function runRounds(st: State, from: number, to: number): void {
  let c = st.c;
  for (let i = from; i < to; i++) {
    const h = sha512.create();
    h.update(i & 1 ? st.p : c);
    if (i % 3) h.update(st.s);
    if (i % 7) h.update(st.p);
    h.update(i & 1 ? c : st.p);
    c = h.digest();
  }
  st.c = c;
}

/** The `$6$` hash of `password`, synchronously. */
export function sha512Crypt(password: string, opts: Sha512CryptOptions): string {
  const st = prepare(password, opts);
  runRounds(st, 0, st.rounds);
  return st.prefix + encode(st.c);
}

/**
 * The same hash, computed in chunks of `chunk` rounds with `yieldFn` awaited between them, so a
 * main thread stays responsive (a worker needs no chunks).
 */
export async function sha512CryptAsync(
  password: string,
  opts: Sha512CryptOptions,
  yieldFn: () => Promise<void> = () => new Promise((r) => setTimeout(r, 0)),
  chunk = 500,
): Promise<string> {
  const st = prepare(password, opts);
  for (let i = 0; i < st.rounds; i += chunk) {
    runRounds(st, i, Math.min(st.rounds, i + chunk));
    await yieldFn();
  }
  return st.prefix + encode(st.c);
}

/** A random 16-character salt from `[./0-9A-Za-z]` (crypto.getRandomValues). */
export function randomSalt(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(SALT_MAX));
  return Array.from(bytes, (b) => ITOA64[b & 0x3f]).join("");
}

/** Whether `s` is a crypt(3) hash we recognise (`$6$`, `$5$`, `$y$`, `$2b$`, `$1$`, …). */
export function looksLikeCryptHash(s: string): boolean {
  return /^\$(1|2[abxy]?|5|6|7|y|gy|sha1|md5)\$[^\s]*$/.test(s) || /^[./0-9A-Za-z]{13}$/.test(s) || s === "*" || s.startsWith("!");
}

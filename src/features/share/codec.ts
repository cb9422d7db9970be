/**
 * Share links: the config, deflate-raw compressed and base64url encoded, in the URL fragment.
 * The fragment never reaches a server. Formats (every one stays readable):
 *  - `#v1/<payload>`: the config alone (the recipient keeps their own options).
 *  - `#v2/<options>/<payload>`: also the output options, one letter each that is on
 *    (`s` Strict, `p` Pretty, `r` Raw), or `-` for none.
 *
 * Changing an existing encoding breaks links already shared: add a new `v` and keep decoding the old.
 *
 * A link is untrusted input: a few hundred kilobytes of deflate can inflate to hundreds of
 * megabytes. Decoding inflates in small steps, gives the page back between them, and stops as soon
 * as the text is certainly larger than the editor takes, so neither time nor memory depends on
 * what the link would inflate to.
 */
import { Inflate } from "fflate";
import { MAX_EDITOR_TEXT } from "../../lib/size-limits.ts";
import { decodeBase64Url, encodeBase64Url } from "../../transpiler/util/base64.ts";

/** Fragment prefix of the current format (without the `#`). */
export const SHARE_PREFIX = "v2/";

/** The output options a link carries (butane's --strict, --pretty, --raw). */
export interface ShareOptions {
  strict: boolean;
  pretty: boolean;
  raw: boolean;
}

const LETTERS = { strict: "s", pretty: "p", raw: "r" } as const satisfies Record<keyof ShareOptions, string>;

/** `{ strict: true, pretty: true, raw: false }` → `sp`; none → `-`. */
export function encodeOptions(o: ShareOptions): string {
  const letters = (Object.keys(LETTERS) as (keyof ShareOptions)[])
    .filter((k) => o[k])
    .map((k) => LETTERS[k])
    .join("");
  return letters === "" ? "-" : letters;
}

/** The options of a v2 segment; null when it is not one (letters a later Kindling may add are ignored). */
export function decodeOptions(segment: string): ShareOptions | null {
  if (!/^(-|[a-z]+)$/.test(segment)) return null;
  return { strict: segment.includes(LETTERS.strict), pretty: segment.includes(LETTERS.pretty), raw: segment.includes(LETTERS.raw) };
}
/** Links longer than this are not offered; the user downloads the file instead. */
export const MAX_SHARE_URL_LENGTH = 32 * 1024;

async function pipeBytes(data: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Blob([data as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

/** base64url without padding. */
export const toBase64Url = encodeBase64Url;

/** Decodes unpadded base64url; throws on characters outside the alphabet. */
export function fromBase64Url(text: string): Uint8Array {
  const bytes = decodeBase64Url(text);
  if (bytes === null) throw new Error("not base64url");
  return bytes;
}

async function pack(source: string): Promise<string> {
  return toBase64Url(await pipeBytes(new TextEncoder().encode(source), new CompressionStream("deflate-raw")));
}

/** The fragment (without `#`) that carries `source`, and `options` when given (else the v1 form). */
export async function encodeShareFragment(source: string, options?: ShareOptions): Promise<string> {
  const payload = await pack(source);
  return options ? `${SHARE_PREFIX}${encodeOptions(options)}/${payload}` : `v1/${payload}`;
}

/** A full share URL for `source` (and its options), based on the page URL `base` (its own fragment is dropped). */
export async function buildShareUrl(base: string, source: string, options?: ShareOptions): Promise<string> {
  const url = new URL(base);
  url.hash = await encodeShareFragment(source, options);
  return url.toString();
}

export type DecodedShare =
  | { kind: "none" }
  /** `options` is absent for a v1 link (it carries none). */
  | { kind: "config"; source: string; options?: ShareOptions }
  | { kind: "error"; message: string }
  /** The config is `length` characters (more than that when `atLeast`: decoding stopped there). */
  | { kind: "too-large"; length: number; atLeast: boolean };

/** Compressed bytes inflated per step: deflate expands at most ~1032×, so a step makes ≤ ~0.5 MB. */
const INFLATE_STEP = 512;
/** Main-thread time spent inflating before giving the page a turn. */
const SLICE_MS = 8;

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Inflates raw deflate `packed` in steps, yielding to the page between slices. Stops and returns
 * `{ over: n }` as soon as more than `maxBytes` came out (`n` bytes so far); throws on damaged data.
 */
export async function inflateCapped(packed: Uint8Array, maxBytes: number): Promise<Uint8Array | { over: number }> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const inflate = new Inflate((data) => {
    total += data.length;
    if (total <= maxBytes) chunks.push(data);
  });
  let slice = performance.now();
  for (let at = 0; ; at += INFLATE_STEP) {
    const end = Math.min(at + INFLATE_STEP, packed.length);
    inflate.push(packed.subarray(at, end), end === packed.length);
    if (total > maxBytes) return { over: total };
    if (end === packed.length) break;
    if (performance.now() - slice > SLICE_MS) {
      await nextTask();
      slice = performance.now();
    }
  }
  const out = new Uint8Array(total);
  let pos = 0;
  for (const c of chunks) {
    out.set(c, pos);
    pos += c.length;
  }
  return out;
}

/** UTF-8 bytes that certainly hold more than the editor's limit of UTF-16 units (≥ 1 unit per 3 bytes). */
const MAX_SHARE_BYTES = 3 * MAX_EDITOR_TEXT;

const DAMAGED = "This share link is damaged (it may have been cut off when it was copied).";

/** Reads a location hash (`#v2/…`, `#v1/…`, with or without `#`). `none` when it is no share link at all. */
export async function decodeShareFragment(hash: string): Promise<DecodedShare> {
  const frag = hash.startsWith("#") ? hash.slice(1) : hash;
  const m = /^v(\d+)\/(.*)$/s.exec(frag);
  if (!m) return { kind: "none" };
  let payload = m[2] ?? "";
  let options: ShareOptions | undefined;
  if (m[1] === "2") {
    const slash = payload.indexOf("/");
    const decoded = slash < 0 ? null : decodeOptions(payload.slice(0, slash));
    if (decoded === null) return { kind: "error", message: DAMAGED };
    options = decoded;
    payload = payload.slice(slash + 1);
  } else if (m[1] !== "1") {
    return { kind: "error", message: `This link uses share format v${m[1] ?? "?"}, which this version of Kindling cannot read.` };
  }
  try {
    const bytes = await inflateCapped(fromBase64Url(payload), MAX_SHARE_BYTES);
    if (!(bytes instanceof Uint8Array)) return { kind: "too-large", length: bytes.over, atLeast: true };
    const source = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    if (source.length > MAX_EDITOR_TEXT) return { kind: "too-large", length: source.length, atLeast: false };
    return options ? { kind: "config", source, options } : { kind: "config", source };
  } catch {
    return { kind: "error", message: DAMAGED };
  }
}

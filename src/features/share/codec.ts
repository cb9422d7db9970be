/**
 * Share links: the config, deflate-raw compressed and base64url encoded, in the URL fragment
 * (`#v1/<payload>`). The fragment never reaches a server.
 *
 * Changing the v1 encoding breaks existing share links: add a `v2` and keep decoding `v1`.
 *
 * A link is untrusted input: a few hundred kilobytes of deflate can inflate to hundreds of
 * megabytes. Decoding inflates in small steps, gives the page back between them, and stops as soon
 * as the text is certainly larger than the editor takes, so neither time nor memory depends on
 * what the link would inflate to.
 */
import { Inflate } from "fflate";
import { MAX_EDITOR_TEXT } from "../../lib/size-limits.ts";

/** Fragment prefix of the current format (without the `#`). */
export const SHARE_PREFIX = "v1/";
/** Links longer than this are not offered; the user downloads the file instead. */
export const MAX_SHARE_URL_LENGTH = 32 * 1024;

async function pipeBytes(data: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Blob([data as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

/** base64url without padding. */
export function toBase64Url(bytes: Uint8Array): string {
  let bin = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** Decodes base64url (padding optional); throws on characters outside the alphabet. */
export function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error("not base64url");
  const b64 = text.replace(/-/g, "+").replace(/_/g, "/");
  const bin = atob(b64 + "=".repeat((4 - (b64.length % 4)) % 4));
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

/** The fragment (without `#`) that carries `source`. */
export async function encodeShareFragment(source: string): Promise<string> {
  const packed = await pipeBytes(new TextEncoder().encode(source), new CompressionStream("deflate-raw"));
  return SHARE_PREFIX + toBase64Url(packed);
}

/** A full share URL for `source`, based on the page URL `base` (its own fragment is dropped). */
export async function buildShareUrl(base: string, source: string): Promise<string> {
  const url = new URL(base);
  url.hash = await encodeShareFragment(source);
  return url.toString();
}

export type DecodedShare =
  | { kind: "none" }
  | { kind: "config"; source: string }
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

/** Reads a location hash (`#v1/…` or `v1/…`). `none` when it is no share link at all. */
export async function decodeShareFragment(hash: string): Promise<DecodedShare> {
  const frag = hash.startsWith("#") ? hash.slice(1) : hash;
  const m = /^v(\d+)\/(.*)$/s.exec(frag);
  if (!m) return { kind: "none" };
  if (m[1] !== "1") {
    return { kind: "error", message: `This link uses share format v${m[1] ?? "?"}, which this version of Kindling cannot read.` };
  }
  try {
    const bytes = await inflateCapped(fromBase64Url(m[2] ?? ""), MAX_SHARE_BYTES);
    if (!(bytes instanceof Uint8Array)) return { kind: "too-large", length: bytes.over, atLeast: true };
    const source = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return source.length > MAX_EDITOR_TEXT ? { kind: "too-large", length: source.length, atLeast: false } : { kind: "config", source };
  } catch {
    return { kind: "error", message: "This share link is damaged (it may have been cut off when it was copied)." };
  }
}

/**
 * Share links: the config, deflate-raw compressed and base64url encoded, in the URL fragment
 * (`#v1/<payload>`). The fragment never reaches a server.
 *
 * Changing the v1 encoding breaks existing share links: add a `v2` and keep decoding `v1`.
 */

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
  | { kind: "error"; message: string };

/** Reads a location hash (`#v1/…` or `v1/…`). `none` when it is no share link at all. */
export async function decodeShareFragment(hash: string): Promise<DecodedShare> {
  const frag = hash.startsWith("#") ? hash.slice(1) : hash;
  const m = /^v(\d+)\/(.*)$/s.exec(frag);
  if (!m) return { kind: "none" };
  if (m[1] !== "1") {
    return { kind: "error", message: `This link uses share format v${m[1] ?? "?"}, which this version of Kindling cannot read.` };
  }
  try {
    const bytes = await pipeBytes(fromBase64Url(m[2] ?? ""), new DecompressionStream("deflate-raw"));
    return { kind: "config", source: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    return { kind: "error", message: "This share link is damaged (it may have been cut off when it was copied)." };
  }
}

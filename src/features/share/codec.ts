/**
 * Share links: the config, deflate-raw compressed and base64url encoded, in the URL fragment.
 * The fragment never reaches a server. Formats (every one stays readable):
 *  - `#v1/<payload>`: the config alone (the recipient keeps their own options).
 *  - `#v2/<options>/<payload>`: also the output options, one letter each that is on
 *    (`s` Strict, `p` Pretty, `r` Raw), or `-` for none.
 *
 * Changing an existing encoding breaks links already shared: add a new `v` and keep decoding the old.
 */

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
  const letters = (Object.keys(LETTERS) as (keyof ShareOptions)[]).filter((k) => o[k]).map((k) => LETTERS[k]).join("");
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
  | { kind: "error"; message: string };

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
    const bytes = await pipeBytes(fromBase64Url(payload), new DecompressionStream("deflate-raw"));
    const source = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return options ? { kind: "config", source, options } : { kind: "config", source };
  } catch {
    return { kind: "error", message: DAMAGED };
  }
}

/**
 * Base64 as the studio reads and writes it outside Ignition's own decoding (which keeps Go's
 * error texts: ../go/base64.ts): canonical padded base64 decoded fast, and the unpadded base64url
 * of share links. One home for the importer, the previews, the share codec and SSH key checks.
 */
import { decodeMap as B64, encodeBase64 } from "../go/base64.ts";

export { encodeBase64 };

const CANONICAL = /^[A-Za-z0-9+/]*={0,2}$/;

/** The bytes of padded standard base64 (no white space), or null for anything else. */
export function decodeBase64(text: string): Uint8Array | null {
  if (text.length % 4 !== 0 || !CANONICAL.test(text)) return null;
  const pad = text.endsWith("==") ? 2 : text.endsWith("=") ? 1 : 0;
  const out = new Uint8Array((text.length / 4) * 3 - pad);
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    const n =
      (B64[text.charCodeAt(i)]! << 18) |
      (B64[text.charCodeAt(i + 1)]! << 12) |
      ((B64[text.charCodeAt(i + 2)]! & 63) << 6) |
      (B64[text.charCodeAt(i + 3)]! & 63);
    out[o++] = n >> 16;
    if (o < out.length) out[o++] = (n >> 8) & 255;
    if (o < out.length) out[o++] = n & 255;
  }
  return out;
}

/** Standard base64 that may lack its padding, padded (the text itself when its length cannot be base64). */
export const withPadding = (text: string): string => (text.length % 4 < 2 ? text : text + "=".repeat(4 - (text.length % 4)));

/** base64url without padding. */
export function encodeBase64Url(bytes: Uint8Array): string {
  return encodeBase64(bytes).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** The bytes of unpadded base64url, or null for anything else (a character outside its alphabet). */
export function decodeBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  return decodeBase64(withPadding(text.replace(/-/g, "+").replace(/_/g, "/")));
}

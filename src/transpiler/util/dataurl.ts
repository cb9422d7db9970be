/** Encoding contents as data URLs the way Butane does (percent or base64, optional gzip). */
import { gzipSync } from "fflate";
import { base64 } from "./bytes.ts";

const UNRESERVED = /[A-Za-z0-9\-_.!~*'()]/;

/** Percent-encodes every byte outside `A-Z a-z 0-9 - _ . ! ~ * ' ( )`, upper-case hex. */
export function percentEncode(bytes: Uint8Array): string {
  let out = "";
  for (const b of bytes) {
    const c = String.fromCharCode(b);
    out += b < 128 && UNRESERVED.test(c) ? c : "%" + b.toString(16).toUpperCase().padStart(2, "0");
  }
  return out;
}

/** gzip at the best compression level with an empty header (no name, mtime 0). */
export function gzip(bytes: Uint8Array): Uint8Array {
  return gzipSync(bytes, { level: 9, mtime: 0 });
}

export interface DataUrl {
  source: string;
  /** True when the bytes were gzip-compressed here. */
  gzipped: boolean;
}

/** `data:` URL of `bytes`: the shorter of percent and base64 forms, gzip-compressed when that wins by more than 4 bytes. */
export function makeDataUrl(bytes: Uint8Array, allowCompression: boolean): DataUrl {
  const opaque = "," + percentEncode(bytes);
  const b64 = ";base64," + base64(bytes);
  let chosen = b64.length < opaque.length ? b64 : opaque;
  let gzipped = false;
  if (allowCompression) {
    const gz = ";base64," + base64(gzip(bytes));
    if (gz.length + 4 < chosen.length) {
      chosen = gz;
      gzipped = true;
    }
  }
  return { source: "data:" + chosen, gzipped };
}

/** fcos 1.0.0's form: always percent-encoded. */
export function makePlainDataUrl(bytes: Uint8Array): string {
  return "data:," + percentEncode(bytes);
}

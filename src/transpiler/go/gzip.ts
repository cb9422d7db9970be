/**
 * gzip members (RFC 1952) exactly as Go's `compress/gzip` writes them with
 * `NewWriterLevel(w, BestCompression)`, one `Write` of the whole input and `Close`, the header
 * left at its defaults (no name, comment or extra field; mtime 0).
 *
 * Follows Go 1.24, `src/compress/gzip/gzip.go` (header: XFL 2 for BestCompression, OS 255
 * "unknown"; trailer: CRC-32 and size mod 2^32, little-endian) and `src/hash/crc32` (IEEE).
 * The DEFLATE stream comes from ./flate.ts.
 */
import { deflateBestCompression } from "./flate.ts";

/** Magic, method 8 (deflate), no flags, mtime 0, XFL 2 (best compression), OS 255. */
const HEADER = Uint8Array.of(0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 2, 255);
const TRAILER = 8;

/** CRC tables for eight bytes at a time: CRC_TABLES[k * 256 + b] is b's CRC followed by k zero bytes. */
const CRC_TABLES = new Int32Array(8 * 256);
for (let b = 0; b < 256; b++) {
  let c = b;
  for (let i = 0; i < 8; i++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  CRC_TABLES[b] = c;
}
for (let i = 256; i < 8 * 256; i++) {
  const c = CRC_TABLES[i - 256]!;
  CRC_TABLES[i] = (c >>> 8) ^ CRC_TABLES[c & 255]!;
}

/** CRC-32 (IEEE polynomial, as gzip's trailer holds it) of `data`. */
export function crc32(data: Uint8Array): number {
  const t = CRC_TABLES;
  let crc = -1;
  const n = data.length;
  let i = 0;
  for (; i + 8 <= n; i += 8) {
    const lo = crc ^ (data[i]! | (data[i + 1]! << 8) | (data[i + 2]! << 16) | (data[i + 3]! << 24));
    const hi = data[i + 4]! | (data[i + 5]! << 8) | (data[i + 6]! << 16) | (data[i + 7]! << 24);
    crc =
      t[1792 + (lo & 255)]! ^
      t[1536 + ((lo >>> 8) & 255)]! ^
      t[1280 + ((lo >>> 16) & 255)]! ^
      t[1024 + (lo >>> 24)]! ^
      t[768 + (hi & 255)]! ^
      t[512 + ((hi >>> 8) & 255)]! ^
      t[256 + ((hi >>> 16) & 255)]! ^
      t[hi >>> 24]!;
  }
  for (; i < n; i++) crc = t[(crc ^ data[i]!) & 255]! ^ (crc >>> 8);
  return ~crc >>> 0;
}

function putUint32LE(bytes: Uint8Array, at: number, v: number): void {
  bytes[at] = v;
  bytes[at + 1] = v >>> 8;
  bytes[at + 2] = v >>> 16;
  bytes[at + 3] = v >>> 24;
}

/** The gzip member Go writes for `data` at BestCompression (Butane's automatic compression). */
export function gzipBestCompression(data: Uint8Array): Uint8Array {
  const member = deflateBestCompression(data, HEADER.length, TRAILER);
  member.set(HEADER, 0);
  const end = member.length - TRAILER;
  putUint32LE(member, end, crc32(data));
  putUint32LE(member, end + 4, data.length);
  return member;
}

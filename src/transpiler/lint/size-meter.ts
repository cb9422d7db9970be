/** The user-data size meter: the output measured as a platform counts it, against its limit. */
import type { Finding } from "./finding.ts";
import { utf8 } from "../util/bytes.ts";
import { gzipBestCompression as gzip } from "../go/gzip.ts";
import { findPlatform, type Encoding } from "./platforms.ts";

export interface UserDataSize {
  platform: string;
  /** Size in the smallest form the platform allows, as it counts it. */
  bytes: number;
  /** That form. */
  encoding: Encoding;
  /** The platform's limit, or null when none is documented. */
  limit: number | null;
  over: boolean;
  /** Every allowed form's size. */
  forms: Partial<Record<Encoding, number>>;
}

const base64Length = (n: number): number => 4 * Math.ceil(n / 3);

/** Measures `output` (the exact config text) for `platformId`; null for an unknown platform. */
export function measureUserData(output: string, platformId: string): UserDataSize | null {
  const p = findPlatform(platformId);
  if (!p) return null;
  const raw = utf8(output);
  const forms: Partial<Record<Encoding, number>> = {};
  for (const e of p.encodings) {
    forms[e] = e === "raw" ? raw.length : e === "base64" ? base64Length(raw.length) : base64Length(gzip(raw).length);
  }
  let encoding = p.encodings[0] ?? "raw";
  for (const e of p.encodings) if ((forms[e] ?? Infinity) < (forms[encoding] ?? Infinity)) encoding = e;
  const bytes = forms[encoding] ?? raw.length;
  return { platform: p.id, bytes, encoding, limit: p.limit, over: p.limit !== null && bytes > p.limit, forms };
}

export interface EmbeddedFile {
  /** Index in the Ignition config's `storage.files`. */
  index: number;
  /** The file's path on the machine. */
  path: string;
  /** Length of its `contents.source` in the output. */
  bytes: number;
}

/** Files whose contents are embedded as data URLs, largest first. */
export function embeddedFiles(config: unknown): EmbeddedFile[] {
  const files = (config as { storage?: { files?: unknown[] } } | null)?.storage?.files;
  if (!Array.isArray(files)) return [];
  const out: EmbeddedFile[] = [];
  files.forEach((f, index) => {
    const file = f as { path?: unknown; contents?: { source?: unknown } };
    const source = file.contents?.source;
    if (typeof file.path === "string" && typeof source === "string" && source.startsWith("data:")) out.push({ index, path: file.path, bytes: source.length });
  });
  return out.sort((a, b) => b.bytes - a.bytes);
}

const kib = (n: number): string => `${(n / 1024).toFixed(1)} KiB`;
const sized = (n: number): string => `${n} bytes (${kib(n)})`;

/** `size-over-limit` when the output is over the platform's limit (`size-near-limit` from 90 %). */
export function checkSize(size: UserDataSize, config: unknown): Finding | null {
  const p = findPlatform(size.platform);
  if (!p || size.limit === null) return null;
  const ratio = size.bytes / size.limit;
  if (ratio < 0.9) return null;
  const counted = size.encoding === "raw" ? "" : ` (${size.encoding})`;
  const largest = embeddedFiles(config)[0];
  const data: Record<string, string | number | boolean | readonly string[]> = {
    platform: p.id,
    platformLabel: p.label,
    bytes: size.bytes,
    limit: size.limit,
    encoding: size.encoding,
  };
  if (largest) {
    data.largestFile = largest.path;
    data.largestFileIndex = largest.index;
    data.largestFileBytes = largest.bytes;
  }
  if (!size.over) {
    return {
      code: "size-near-limit",
      severity: "info",
      path: [],
      message: `The output is ${sized(size.bytes)}${counted}, ${Math.round(ratio * 100)} % of ${p.label}'s user-data limit of ${sized(size.limit)}.`,
      data,
    };
  }
  const remedy =
    " Host the full config at a URL and pass a small pointer config (ignition.config.replace with its sha512) as user data" +
    (largest ? `, or move the largest embedded file (${largest.path}, ${kib(largest.bytes)} in the output) to a remote source with a hash.` : ".");
  return {
    code: "size-over-limit",
    severity: "error",
    path: [],
    message: `The output is ${sized(size.bytes)}${counted}, over ${p.label}'s user-data limit of ${sized(size.limit)}: the platform will refuse it.${remedy}`,
    data,
  };
}

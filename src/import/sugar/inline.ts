/**
 * Data URLs back into `inline` text: a resource whose `source` is a `data:` URL of readable UTF-8
 * text (gunzipped when compressed) gets that text as `inline` — the transpiler encodes it again,
 * perhaps differently, but into the same bytes. Binary contents, hashed contents (a hash covers
 * the encoded bytes) and versions without `inline` for that resource keep their `source`.
 */
import { resourceText } from "../contents.ts";
import { fieldOf, refName, type SpecDesc } from "../spec.ts";
import { isObj, type Json } from "../types.ts";
import type { Path } from "../../transpiler/index.ts";

export interface InlineStats {
  dataUrls: number;
  inlined: number;
  /** Butane paths of data URLs kept as they are (binary or not representable inline). */
  kept: Path[];
}

/** Rewrites resources of the Butane-form `config` in place. */
export function inlineDataUrls(config: Json, spec: SpecDesc, encoded: boolean, enabled: boolean): InlineStats {
  const stats: InlineStats = { dataUrls: 0, inlined: 0, kept: [] };
  const visit = (v: unknown, type: string, at: Path) => {
    if (!isObj(v)) return;
    const fields = spec.types[type]?.fields ?? [];
    if (typeof v.source === "string" && /^data:/i.test(v.source) && fields.some((f) => f.key === "source")) {
      stats.dataUrls++;
      if (enabled && tryInline(v, spec, type, encoded)) stats.inlined++;
      else stats.kept.push([...at, "source"]);
    }
    for (const [k, c] of Object.entries(v)) {
      const f = fieldOf(spec, type, k);
      const sub = f ? refName(f.type) : undefined;
      if (!sub) continue;
      if (Array.isArray(c)) c.forEach((item, i) => visit(item, sub, [...at, k, i]));
      else visit(c, sub, [...at, k]);
    }
  };
  visit(config, "Config", []);
  return stats;
}

function tryInline(r: Json, spec: SpecDesc, type: string, encoded: boolean): boolean {
  if (!fieldOf(spec, type, "inline")) return false;
  if (r.verification !== undefined || r.http_headers !== undefined) return false;
  const compression = r.compression;
  // fcos 1.0.0 writes inline text percent-encoded and keeps the given compression as it is
  if (!encoded && compression !== undefined && compression !== "") return false;
  const text = resourceText(r.source, compression);
  if (text === null) return false;
  delete r.source;
  delete r.compression;
  r.inline = text;
  return true;
}

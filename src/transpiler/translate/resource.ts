/** Resources (`contents`, `append[]`, merge/replace configs, CAs, LUKS key files) → Ignition. */
import type { Path } from "../types.ts";
import type { BObject } from "../decode.ts";
import { makeDataUrl, makePlainDataUrl, textDataUrl, textPlainDataUrl, type DataUrl } from "../util/dataurl.ts";
import { readLocal, resolveLocal } from "../util/files.ts";
import { errorAt, ignMinor, type TranslateContext } from "./context.ts";
import type { Obj } from "./provenance.ts";

export type ResourceKind = "file" | "config" | "ca" | "keyfile";

/** Reads a `local` file for a resource-like field, reporting upstream's errors at `at`. */
export function loadLocal(ctx: TranslateContext, local: string, at: Path): Uint8Array | undefined {
  const r = resolveLocal(ctx.files, local);
  if (!r.ok) {
    errorAt(ctx, at, r.message);
    return undefined;
  }
  const data = readLocal(ctx.files!, r.rel, r.display);
  if (!data.ok) {
    errorAt(ctx, at, data.message);
    return undefined;
  }
  return data.data;
}

/** Translates one resource; returns undefined when the result would be empty (omitted upstream). */
export function translateResource(ctx: TranslateContext, r: BObject, at: Path, kind: ResourceKind): Obj | undefined {
  const { prov } = ctx;
  const out: Obj = {};
  prov.mark(out, at);
  const v3_0 = ignMinor(ctx) === 0;
  const userCompression = r.compression as string | undefined;

  let source: string | undefined = r.source as string | undefined;
  let sourceFrom: Path = [...at, "source"];
  let compression = userCompression;
  let compressionFrom: Path = [...at, "compression"];
  let bytes: Uint8Array | undefined;
  let text: string | undefined;
  let sugarFrom: Path | undefined;
  if (r.inline !== undefined && r.source === undefined) {
    text = r.inline as string;
    sugarFrom = [...at, "inline"];
  } else if (r.local !== undefined && r.source === undefined && r.inline === undefined) {
    sugarFrom = [...at, "local"];
    bytes = loadLocal(ctx, r.local as string, sugarFrom);
    if (!bytes) bytes = new Uint8Array();
  }
  if ((bytes || text !== undefined) && sugarFrom) {
    if (!ctx.vs.features.encodedDataUrls) {
      source = text !== undefined ? textPlainDataUrl(text) : makePlainDataUrl(bytes!);
    } else {
      const auto = ctx.vs.autoCompress && (userCompression === undefined || userCompression === "");
      const url: DataUrl = text !== undefined ? textDataUrl(text, auto) : makeDataUrl(bytes!, auto);
      source = url.source;
      if (userCompression === undefined || userCompression === "") {
        compression = url.gzipped ? "gzip" : "";
        compressionFrom = sugarFrom;
      }
    }
    sourceFrom = sugarFrom;
  }

  const alwaysSource = v3_0 && (kind === "config" || kind === "ca");
  if (kind === "file" || !v3_0) {
    if (compression !== undefined) prov.set(out, "compression", compression, compressionFrom);
  }
  if (!v3_0 && Array.isArray(r.http_headers) && r.http_headers.length > 0) {
    const hs = (r.http_headers as BObject[]).map((h, i) => {
      const hp: Path = [...at, "http_headers", i];
      const ho: Obj = prov.mark({}, hp);
      prov.set(ho, "name", (h.name as string | undefined) ?? "", [...hp, "name"]);
      if (h.value !== undefined) prov.set(ho, "value", h.value, [...hp, "value"]);
      return ho;
    });
    prov.set(out, "httpHeaders", hs, [...at, "http_headers"]);
  }
  if (source !== undefined) prov.set(out, "source", source, sourceFrom);
  else if (alwaysSource) prov.set(out, "source", kind === "ca" ? "" : null, [...at, "source"]);
  const ver = r.verification as BObject | undefined;
  if (ver && ver.hash !== undefined) {
    const vo: Obj = {};
    prov.set(vo, "hash", ver.hash, [...at, "verification", "hash"]);
    prov.set(out, "verification", vo, [...at, "verification"]);
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** `systemd.quadlets` (v0_8_exp): Podman quadlet files, template-instance links and drop-ins. */
import type { Path } from "../types.ts";
import type { BObject } from "../decode.ts";
import { makeDataUrl, textDataUrl } from "../util/dataurl.ts";
import { errorAt, type TranslateContext } from "./context.ts";
import type { Obj } from "./provenance.ts";
import { appendNode, buildNode, EXISTS, findNode } from "./nodes.ts";
import { loadLocal } from "./resource.ts";

/** `app@1.container` → `app@.container`; undefined when `name` is not a template instance. */
export function templateOf(name: string): string | undefined {
  const at = name.indexOf("@");
  const dot = name.lastIndexOf(".");
  if (at < 0 || dot < 0 || dot - at < 2) return undefined;
  return name.slice(0, at + 1) + name.slice(dot);
}

function contentsFile(ctx: TranslateContext, out: Obj, dest: string, item: BObject, at: Path): void {
  if (findNode(out, dest)) {
    errorAt(ctx, at, EXISTS);
    return;
  }
  let bytes: Uint8Array | undefined;
  let text: string | undefined;
  let from: Path = at;
  if (typeof item.contents === "string") {
    text = item.contents;
    from = [...at, "contents"];
  } else if (typeof item.contents_local === "string" && item.contents_local !== "") {
    from = [...at, "contents_local"];
    bytes = loadLocal(ctx, item.contents_local, from);
    if (!bytes) return;
  }
  const node = buildNode(ctx, at, [["path", dest]]);
  ctx.prov.markKey(node, "path", [...at, "name"]);
  if (bytes || text !== undefined) {
    const url = text !== undefined ? textDataUrl(text, ctx.vs.autoCompress) : makeDataUrl(bytes!, ctx.vs.autoCompress);
    const contents: Obj = { compression: url.gzipped ? "gzip" : "", source: url.source };
    ctx.prov.set(node, "contents", contents, from);
    ctx.prov.markKey(contents, "compression", from);
    ctx.prov.markKey(contents, "source", from);
  }
  ctx.prov.set(node, "mode", 0o644, at);
  appendNode(ctx, out, "files", node, at);
}

/** Adds the files and links every quadlet generates to `out`. */
export function translateQuadlets(ctx: TranslateContext, cfg: BObject, out: Obj): void {
  const quadlets = ((cfg.systemd as BObject | undefined)?.quadlets ?? []) as BObject[];
  quadlets.forEach((q, i) => {
    const at: Path = ["systemd", "quadlets", i];
    const name = (q.name as string | undefined) ?? "";
    const dir = q.rootful === true ? "/etc/containers/systemd" : "/etc/containers/systemd/users";
    const dest = `${dir}/${name}`;
    const template = templateOf(name);
    if (template !== undefined) {
      if (findNode(out, dest)) errorAt(ctx, at, EXISTS);
      else {
        const link = buildNode(ctx, at, [
          ["path", dest],
          ["target", template],
        ]);
        ctx.prov.markKey(link, "path", [...at, "name"]);
        appendNode(ctx, out, "links", link, at);
      }
    } else {
      contentsFile(ctx, out, dest, q, at);
    }
    ((q.dropins ?? []) as BObject[]).forEach((d, j) => {
      const dat: Path = [...at, "dropins", j];
      contentsFile(ctx, out, `${dest}.d/${(d.name as string | undefined) ?? ""}`, d, dat);
    });
  });
}

/** `storage.trees`: copies a directory of the files directory onto the machine as files, links and directories. */
import type { Path } from "../types.ts";
import type { BObject } from "../decode.ts";
import { makeDataUrl, makePlainDataUrl } from "../util/dataurl.ts";
import { pathJoin as joinPath } from "../go/path.ts";
import { failureText, NO_FILES_DIR, readLocal, resolveLocal, statLocal } from "../util/files.ts";
import { errorAt, type TranslateContext } from "./context.ts";
import type { Obj } from "./provenance.ts";
import { appendNode, buildNode, EXISTS, indexNode, indexNodes, type NodeKind } from "./nodes.ts";

function owner(o: BObject | undefined): Obj | undefined {
  if (!o) return undefined;
  const r: Obj = {};
  if (o.id !== undefined) r.id = o.id;
  if (o.name !== undefined) r.name = o.name;
  return Object.keys(r).length ? r : undefined;
}

/** Adds every node of every tree to `out`, after the user's explicit nodes. */
export function translateTrees(ctx: TranslateContext, cfg: BObject, out: Obj): void {
  const trees = ((cfg.storage as BObject | undefined)?.trees ?? []) as BObject[];
  for (let i = 0; i < trees.length; i++) {
    const tree = trees[i]!;
    const at: Path = ["storage", "trees", i];
    const local = tree.local as string | undefined;
    if (!local) continue;
    if (!ctx.files) {
      errorAt(ctx, at, NO_FILES_DIR);
      return;
    }
    const root = resolveLocal(ctx.files, local);
    if (!root.ok) {
      errorAt(ctx, at, root.message);
      continue;
    }
    const st = statLocal(ctx.files, root.rel, root.display);
    if (!st.ok) {
      errorAt(ctx, at, st.message);
      continue;
    }
    if (st.stat.kind !== "directory") {
      errorAt(ctx, at, "root of tree must be a directory");
      continue;
    }
    walkTree(ctx, tree, at, out, root.rel, root.display);
  }
}

function walkTree(ctx: TranslateContext, tree: BObject, at: Path, out: Obj, rootRel: string, rootDisplay: string): void {
  const files = ctx.files!;
  const treePath = (tree.path as string | undefined) || "/";
  const user = owner(tree.user as BObject | undefined);
  const group = owner(tree.group as BObject | undefined);
  const wantDirs = tree.dir_mode !== undefined || user !== undefined || group !== undefined;
  const index = indexNodes(out);
  const append = (kind: NodeKind, node: Obj) => {
    appendNode(ctx, out, kind, node, at);
    indexNode(index, kind, node);
  };
  // Depth-first in lexical order, each directory before its contents (like Go's filepath.Walk).
  // Symlinks are never followed, so the walk ends on any tree, however large.
  const stack: string[] = [""];
  while (stack.length > 0) {
    const rel = stack.pop()!;
    const full = rel === "" ? rootRel : rootRel === "" ? rel : `${rootRel}/${rel}`;
    const display = rel === "" ? rootDisplay : joinPath(rootDisplay, rel);
    const st = files.lstat(full);
    if (!st.ok) {
      errorAt(ctx, at, failureText("lstat", display, st));
      continue;
    }
    const dest = joinPath(treePath, rel);
    const { kind, mode, target } = st.stat;
    if (kind === "directory") {
      // Like filepath.Walk: a directory that cannot be listed is reported and not entered.
      const listing = files.readdir(full);
      if (!listing.ok) {
        errorAt(ctx, at, failureText("open", display, listing));
        continue;
      }
      if (wantDirs) {
        if (index.has(dest)) errorAt(ctx, at, EXISTS);
        else
          append(
            "directories",
            buildNode(ctx, at, [
              ["group", group && { ...group }],
              ["path", dest],
              ["user", user && { ...user }],
              ["mode", (tree.dir_mode as number | undefined) ?? 0o755],
            ]),
          );
      }
      const names = listing.names.slice().sort(byBytes);
      for (let k = names.length - 1; k >= 0; k--) stack.push(rel === "" ? names[k]! : `${rel}/${names[k]!}`);
    } else if (kind === "file") {
      const existing = index.get(dest);
      const node = addFile(ctx, tree, at, existing, full, display, dest, mode, user, group);
      if (node && !existing) append("files", node);
    } else if (kind === "symlink") {
      const existing = index.get(dest);
      if (existing && (existing.kind !== "links" || (existing.node.target !== undefined && existing.node.target !== ""))) {
        errorAt(ctx, at, EXISTS);
        continue;
      }
      if (existing) ctx.prov.set(existing.node, "target", target ?? "", at);
      else
        append(
          "links",
          buildNode(ctx, at, [
            ["group", group && { ...group }],
            ["path", dest],
            ["user", user && { ...user }],
            ["target", target ?? ""],
          ]),
        );
    } else {
      errorAt(ctx, at, "trees may only contain files, directories, and symlinks");
    }
  }
}

/** Fills (or builds) the file node for a tree file; returns it, or nothing after an error. */
function addFile(
  ctx: TranslateContext,
  tree: BObject,
  at: Path,
  existing: { kind: NodeKind; node: Obj } | undefined,
  full: string,
  display: string,
  dest: string,
  fileMode: number,
  user: Obj | undefined,
  group: Obj | undefined,
): Obj | undefined {
  if (existing && (existing.kind !== "files" || ((existing.node.contents as Obj | undefined)?.source ?? undefined) !== undefined)) {
    errorAt(ctx, at, EXISTS);
    return undefined;
  }
  const data = readLocal(ctx.files!, full, display);
  if (!data.ok) {
    errorAt(ctx, at, data.message);
    return undefined;
  }
  const node =
    existing?.node ??
    buildNode(ctx, at, [
      ["group", group && { ...group }],
      ["path", dest],
      ["user", user && { ...user }],
    ]);
  const prior = (node.contents as Obj | undefined) ?? {};
  const userCompression = prior.compression as string | undefined;
  const contents: Obj = {};
  if (!ctx.vs.features.encodedDataUrls) {
    contents.source = makePlainDataUrl(data.data);
  } else {
    const auto = ctx.vs.autoCompress && !userCompression;
    const url = makeDataUrl(data.data, auto);
    contents.compression = userCompression ? userCompression : url.gzipped ? "gzip" : "";
    if (prior.httpHeaders) contents.httpHeaders = prior.httpHeaders;
    contents.source = url.source;
  }
  if (prior.verification) contents.verification = prior.verification;
  const mode = node.mode ?? (tree.file_mode as number | undefined) ?? ((fileMode & 0o111) !== 0 ? 0o755 : 0o644);
  const fields: [string, unknown][] = Object.entries(node).filter(([k]) => k !== "contents" && k !== "mode");
  for (const k of Object.keys(node)) delete node[k];
  const order = ["group", "overwrite", "path", "user", "append"];
  for (const k of order) {
    const f = fields.find(([key]) => key === k);
    if (f) node[k] = f[1];
  }
  ctx.prov.set(node, "contents", contents, at);
  for (const k of Object.keys(contents)) ctx.prov.markKey(contents, k, at);
  node.mode = mode;
  if (!existing) ctx.prov.markKey(node, "mode", at);
  else if (existing.node.mode === undefined) ctx.prov.markKey(node, "mode", at);
  return node;
}

/** Go sorts names by bytes; compare UTF-16 code units, which agrees for ASCII and BMP names. */
function byBytes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

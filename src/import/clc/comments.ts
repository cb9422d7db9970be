/**
 * Comments of a Container Linux Config carried over to the Butane it becomes. Each comment is
 * read with the CLC path of the node it sits on; that path is then found again in the Butane
 * config: the same section, the entry made from the same list entry (files, directories, links,
 * disks and RAID arrays keep their order; filesystems are found by device, units, users and
 * groups by name, networkd units by their file), and on it the same key when it has one.
 * A comment whose node has no counterpart goes to the nearest one that has.
 */
import { isMap, isPair, isScalar, isSeq, type Document, type Node } from "yaml";
import type { CommentMap, NodeComments } from "../emit.ts";
import { isObj, type Json } from "../types.ts";

export type ClcPath = (string | number)[];

export interface ClcComment {
  path: ClcPath;
  /** Above the node's key (or list entry), or after its value on the same line. */
  where: "before" | "after";
  text: string;
}

/** Every comment of the document with the path of its node (document-level ones with path []). */
export function readComments(doc: Document): { comments: ClcComment[]; header?: string; footer?: string } {
  const comments: ClcComment[] = [];
  const add = (path: ClcPath, where: "before" | "after", text: string | null | undefined) => {
    if (text && text.trim() !== "") comments.push({ path, where, text });
  };
  const walk = (n: Node | null | undefined, path: ClcPath) => {
    if (!n) return;
    if (isMap(n)) {
      for (const pair of n.items) {
        if (!isPair(pair)) continue;
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        const k = pair.key as Node | null;
        add([...path, key], "before", k?.commentBefore);
        add([...path, key], "after", k?.comment);
        const v = pair.value as Node | null;
        if (v) {
          // a comment above a collection's first entry is stored on the collection
          add(isSeq(v) ? [...path, key, 0] : isMap(v) ? [...path, key, ...firstKey(v)] : [...path, key], "before", v.commentBefore);
          add([...path, key], "after", v.comment);
          walk(v, [...path, key]);
        }
      }
      add(path, "after", n.comment);
    } else if (isSeq(n)) {
      n.items.forEach((item, i) => {
        const it = item as Node;
        add([...path, i], "before", it.commentBefore);
        add([...path, i], "after", it.comment);
        if (isMap(it) || isSeq(it)) walk(it, [...path, i]);
      });
      add(path, "after", n.comment);
    }
  };
  const root = doc.contents as Node | null;
  if (root && (isMap(root) || isSeq(root))) walk(root, []);
  const out: { comments: ClcComment[]; header?: string; footer?: string } = { comments };
  // a comment at the very top (stored on the document or on its first key) describes the file
  const first = root && isMap(root) && isPair(root.items[0]) ? (root.items[0].key as Node | null) : null;
  const top = [doc.commentBefore, root?.commentBefore, first?.commentBefore].filter((c) => c && c.trim() !== "");
  if (first?.commentBefore) {
    const i = comments.findIndex((c) => c.text === first.commentBefore && c.where === "before" && c.path.length === 1);
    if (i >= 0) comments.splice(i, 1);
  }
  const header = top.join("\n");
  if (header) out.header = header;
  if (doc.comment) out.footer = doc.comment;
  return out;
}

function firstKey(root: Node): ClcPath {
  if (isMap(root) && root.items[0] && isScalar(root.items[0].key)) return [String(root.items[0].key.value)];
  return [];
}

/** Where a CLC node ended up in the Butane config: a container and its key or index. */
type Target = { container: object; key: string | number };

const GENERATED_UNIT: Readonly<Record<string, string>> = { etcd: "etcd-member.service", flannel: "flanneld.service", docker: "docker.service" };

function items(v: unknown): Json[] {
  return Array.isArray(v) ? (v.filter(isObj) as Json[]) : [];
}

/** Finds the Butane node a CLC path names (or its nearest ancestor that has a counterpart). */
function resolve(clc: Json, butane: Json, path: ClcPath): Target | undefined {
  const storage = isObj(butane.storage) ? butane.storage : undefined;
  const units = isObj(butane.systemd) ? butane.systemd.units : undefined;
  const files = storage?.files;
  const [section, list, index, key] = path;
  const inList = (arr: unknown, i: number): Target | undefined => (Array.isArray(arr) && i >= 0 && i < arr.length ? { container: arr, key: i } : undefined);
  const byField = (arr: unknown, field: string, value: unknown) =>
    inList(
      arr,
      items(arr).findIndex((x) => x[field] === value),
    );
  const withKey = (t: Target | undefined): Target | undefined => {
    if (!t || typeof key !== "string" || path.length !== 4) return t;
    const entry = (t.container as unknown[])[t.key as number];
    return isObj(entry) && key in entry ? { container: entry, key } : t;
  };
  if (typeof section !== "string") return undefined;
  if (section in GENERATED_UNIT) return byField(units, "name", GENERATED_UNIT[section]);
  if (section === "update" || section === "locksmith") return byField(files, "path", "/etc/coreos/update.conf");
  if (section === "networkd") {
    const nunits = items((clc.networkd as Json | undefined)?.units);
    const u = typeof index === "number" ? nunits[index] : undefined;
    if (u)
      return (
        byField(files, "path", `/etc/systemd/network/${String(u.name)}`) ??
        byField(files, "path", `/etc/systemd/network/${String(u.name)}.d/${String(items(u.dropins)[0]?.name)}`)
      );
    return undefined;
  }
  if (path.length === 1) return section in butane ? { container: butane, key: section } : undefined;
  const clcSection = clc[section] as Json | undefined;
  if (typeof list !== "string") return undefined;
  const target = (butane[section] as Json | undefined) ?? undefined;
  if (path.length === 2 || typeof index !== "number") return target && list in target ? { container: target, key: list } : resolve(clc, butane, [section]);
  const entry = items(isObj(clcSection) ? clcSection[list] : undefined)[index];
  let t: Target | undefined;
  if (section === "storage" && ["files", "directories", "links", "disks", "raid"].includes(list)) t = inList(storage?.[list], index);
  else if (section === "storage" && list === "filesystems") t = byField(storage?.filesystems, "device", (entry?.mount as Json | undefined)?.device);
  else if (section === "systemd" && list === "units") t = byField(units, "name", entry?.name);
  else if (section === "passwd" && (list === "users" || list === "groups")) t = byField((butane.passwd as Json | undefined)?.[list], "name", entry?.name);
  return withKey(t) ?? resolve(clc, butane, [section, list]);
}

/** Attaches the comments to the Butane config; returns how many found a place. */
export function attachComments(clc: Json, butane: Json, comments: readonly ClcComment[], map: CommentMap): { placed: number; lost: string[] } {
  let placed = 0;
  const lost: string[] = [];
  const entry = (o: object): NodeComments => {
    let c = map.get(o);
    if (!c) map.set(o, (c = {}));
    return c;
  };
  const join = (a: string | undefined, b: string) => (a ? `${a}\n${b}` : b);
  for (const c of comments) {
    const t = resolve(clc, butane, c.path);
    if (!t) {
      lost.push(c.text);
      continue;
    }
    const e = entry(t.container);
    const slot = typeof t.key === "number" ? ((e.items ??= {})[t.key] ??= {}) : ((e.keys ??= {})[t.key] ??= {});
    // a comment after a value that moved elsewhere reads better above it
    const where = c.where === "after" && !sameKey(c.path, t) ? "before" : c.where;
    slot[where] = join(slot[where], c.text);
    placed++;
  }
  return { placed, lost };
}

function sameKey(path: ClcPath, t: Target): boolean {
  return path[path.length - 1] === t.key;
}

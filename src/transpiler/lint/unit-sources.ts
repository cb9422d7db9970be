/**
 * The unit files a config writes, gathered for linting: `systemd.units` contents and drop-ins,
 * Butane's `systemd.quadlets` (fcos 1.8.0-experimental), and storage files that systemd or
 * Quadlet read (`/etc/systemd/{system,user}/…`, `…/containers/systemd/…`). Each text keeps the
 * YAML path and a locator of the string that holds it.
 */
import type { BObject } from "../decode.ts";
import type { Path } from "../types.ts";
import type { YNode } from "../yaml/node.ts";
import { walkPath } from "../correlate.ts";
import { scalarLocator, type Locate, type SourcePos } from "./scalar-position.ts";
import { QUADLET_TYPES } from "./quadlet-keys.gen.ts";

export interface UnitFileText {
  text: string;
  /** YAML path of the string holding the text. */
  path: Path;
  /** Maps a position in the text to the YAML source. */
  locate: Locate;
  /** Start of the YAML node holding the text (the fallback marker). */
  at: SourcePos | null;
  /** Drop-in file name (`10-foo.conf`), for drop-ins. */
  dropin?: string;
}

/** One unit as systemd or Quadlet sees it: its own file (when the config writes it) and its drop-ins. */
export interface UnitGroup {
  kind: "systemd" | "quadlet";
  /** `foo.service`, `app.container`; for type-wide Quadlet drop-ins (`container.d/`) just the type. */
  name: string;
  /** The suffix after the last dot: `service`, `container`, … */
  type: string;
  main?: UnitFileText;
  dropins: UnitFileText[];
  /** `systemd.units` entries: where the unit entry is, and its enabled/mask flags. */
  entry?: { path: Path; enabled?: boolean; mask?: boolean };
}

const SYSTEMD_TYPES: ReadonlySet<string> = /* @__PURE__ */ new Set([
  "service",
  "socket",
  "mount",
  "swap",
  "timer",
  "path",
  "automount",
  "slice",
  "scope",
  "target",
  "device",
]);

const obj = (v: unknown): BObject | undefined => (v !== null && typeof v === "object" && !Array.isArray(v) ? (v as BObject) : undefined);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);

const typeOf = (name: string): string => name.slice(name.lastIndexOf(".") + 1);

/** Where systemd reads unit files and drop-ins: `<dir>/<unit>` or `<dir>/<unit>.d/<x>.conf`. */
const SYSTEMD_FILE = /^\/(?:etc|usr\/lib|usr\/local\/lib)\/systemd\/(?:system|user)\/(?:([^/]+)\.d\/([^/]+\.conf)|([^/]+))$/;
/** Quadlet's search directories (subdirectories are searched too). */
const QUADLET_DIR =
  /^(?:\/etc\/containers\/systemd|\/usr\/share\/containers\/systemd|\/(?:var\/)?home\/[^/]+\/\.config\/containers\/systemd|\/root\/\.config\/containers\/systemd)\//;

export function collectUnits(cfg: BObject, root: YNode | null, srcLines: readonly string[]): UnitGroup[] {
  const groups = new Map<string, UnitGroup>();
  const group = (kind: UnitGroup["kind"], name: string, type: string): UnitGroup => {
    const key = `${kind}:${name}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { kind, name, type, dropins: [] }));
    return g;
  };
  const textAt = (path: Path, text: string, dropin?: string): UnitFileText => {
    const walked = walkPath(root, path);
    const node = walked && walked.depth === path.length ? walked.node : undefined;
    return {
      text,
      path,
      locate: node ? scalarLocator(srcLines, node) : () => null,
      at: node ? { line: node.line, column: node.column } : null,
      ...(dropin !== undefined ? { dropin } : {}),
    };
  };

  /** `systemd.units` or `systemd.quadlets` entries: their contents and drop-ins. */
  const sugar = (list: "units" | "quadlets", kind: UnitGroup["kind"], known: (type: string) => boolean) =>
    arr(obj(cfg.systemd)?.[list]).forEach((u, i) => {
      const unit = obj(u);
      const name = str(unit?.name);
      if (!unit || !name || !known(typeOf(name))) return;
      const g = group(kind, name, typeOf(name));
      if (kind === "systemd") {
        const { enabled, mask } = unit;
        g.entry = { path: ["systemd", list, i], ...(typeof enabled === "boolean" ? { enabled } : {}), ...(typeof mask === "boolean" ? { mask } : {}) };
      }
      const contents = str(unit.contents);
      if (contents !== undefined) g.main = textAt(["systemd", list, i, "contents"], contents);
      arr(unit.dropins).forEach((d, j) => {
        const dropin = obj(d);
        const text = str(dropin?.contents);
        if (text !== undefined) g.dropins.push(textAt(["systemd", list, i, "dropins", j, "contents"], text, str(dropin?.name) ?? ""));
      });
    });
  sugar("units", "systemd", (t) => SYSTEMD_TYPES.has(t));
  sugar("quadlets", "quadlet", (t) => QUADLET_TYPES[t] !== undefined);

  arr(obj(cfg.storage)?.files).forEach((f, i) => {
    const file = obj(f);
    const path = str(file?.path);
    const inline = str(obj(file?.contents)?.inline);
    if (!path || inline === undefined) return;
    const at: Path = ["storage", "files", i, "contents", "inline"];
    const sd = SYSTEMD_FILE.exec(path);
    if (sd) {
      const unit = sd[1] ?? sd[3] ?? "";
      if (!SYSTEMD_TYPES.has(typeOf(unit))) return;
      const g = group("systemd", unit, typeOf(unit));
      if (sd[2] !== undefined) g.dropins.push(textAt(at, inline, sd[2]));
      else g.main = textAt(at, inline);
      return;
    }
    if (!QUADLET_DIR.test(path)) return;
    const base = path.slice(path.lastIndexOf("/") + 1);
    const dropinDir = /\/([^/]+)\.d\/([^/]+\.conf)$/.exec(path);
    if (dropinDir) {
      // `app.container.d/`, `app-.container.d/` (prefix) or `container.d/` (every .container).
      const owner = dropinDir[1] ?? "";
      const type = QUADLET_TYPES[owner] ? owner : typeOf(owner);
      if (!QUADLET_TYPES[type]) return;
      group("quadlet", owner, type).dropins.push(textAt(at, inline, dropinDir[2]));
      return;
    }
    if (QUADLET_TYPES[typeOf(base)]) group("quadlet", base, typeOf(base)).main = textAt(at, inline);
  });

  // systemd applies drop-ins in file-name order.
  for (const g of groups.values()) g.dropins.sort((a, b) => ((a.dropin ?? "") < (b.dropin ?? "") ? -1 : (a.dropin ?? "") > (b.dropin ?? "") ? 1 : 0));
  return [...groups.values()];
}

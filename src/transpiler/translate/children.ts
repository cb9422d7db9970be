/** Child containers of the Ignition tree being built, created on first use with their provenance. */
import type { Path } from "../types.ts";
import type { TranslateContext } from "./context.ts";
import type { Obj } from "./provenance.ts";

/** Gets or creates `parent[key]` as an object, marked as coming from `at`. */
export function childObject(ctx: TranslateContext, parent: Obj, key: string, at: Path): Obj {
  let o = parent[key] as Obj | undefined;
  if (!o) {
    o = {};
    ctx.prov.set(parent, key, o, at);
  }
  return o;
}

/** Gets or creates `parent[key]` as an array, marked as coming from `at`. */
export function childList(ctx: TranslateContext, parent: Obj, key: string, at: Path): Obj[] {
  let o = parent[key] as Obj[] | undefined;
  if (!o) {
    o = [];
    ctx.prov.set(parent, key, o, at);
  }
  return o;
}

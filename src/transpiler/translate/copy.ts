/** Table-driven copying of Butane fields into Ignition objects, in Ignition's key order. */
import type { Path } from "../types.ts";
import type { BObject, BValue } from "../decode.ts";
import type { TranslateContext } from "./context.ts";
import type { Obj } from "./provenance.ts";

/** How one Ignition key is produced. */
export type Rule =
  /** [ignitionKey, butaneKey]: copy the value (leaf or list of leaves) when set. */
  | readonly [string, string]
  /** [ignitionKey, butaneKey, default]: always emitted, `default` when unset. */
  | readonly [string, string, { always: unknown }]
  /** [ignitionKey, butaneKey, translate]: a nested translation; undefined results are omitted. */
  | readonly [string, string, (ctx: TranslateContext, v: BValue, at: Path) => unknown];

/** Builds an Ignition object from `src` following `rules` (already in Ignition key order). */
export function copyObject(ctx: TranslateContext, src: BObject, at: Path, rules: readonly Rule[]): Obj {
  const out: Obj = ctx.prov.mark({}, at);
  for (const rule of rules) {
    const [ign, key, how] = rule;
    const v = src[key];
    const from: Path = [...at, key];
    if (typeof how === "function") {
      if (v === undefined) continue;
      const r = how(ctx, v, from);
      if (r !== undefined) ctx.prov.set(out, ign, r, from);
    } else if (v !== undefined) {
      ctx.prov.set(out, ign, Array.isArray(v) ? markList(ctx, v, from) : v, from);
    } else if (how && "always" in how) {
      ctx.prov.set(out, ign, how.always, from);
    }
  }
  return out;
}

/** A list of leaves, each marked with its own YAML index. */
export function markList(ctx: TranslateContext, v: readonly BValue[], at: Path): BValue[] {
  const out = [...v];
  ctx.prov.mark(out, at);
  out.forEach((_, i) => ctx.prov.markKey(out, i, [...at, i]));
  return out;
}

/** Translates a list of objects with `each` (empty items stay, as `{}`); undefined when the list is empty. */
export function listOf(each: (ctx: TranslateContext, v: BObject, at: Path) => Obj): (ctx: TranslateContext, v: BValue, at: Path) => Obj[] | undefined {
  return (ctx, v, at) => {
    if (!Array.isArray(v) || v.length === 0) return undefined;
    const out: Obj[] = [];
    ctx.prov.mark(out, at);
    v.forEach((item, i) => {
      ctx.prov.markKey(out, i, [...at, i]);
      out.push(each(ctx, item as BObject, [...at, i]));
    });
    return out;
  };
}

/** Translates a nested object with `rules`, omitting it when empty. */
export function objectOf(rules: readonly Rule[]): (ctx: TranslateContext, v: BValue, at: Path) => Obj | undefined {
  return (ctx, v, at) => nonEmpty(copyObject(ctx, v as BObject, at, rules));
}

export function nonEmpty(o: Obj): Obj | undefined {
  return Object.keys(o).length > 0 ? o : undefined;
}

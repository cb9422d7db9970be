/** Small helpers shared by the variant hooks. */
import type { Path, Severity } from "../types.ts";
import type { BObject, BValue } from "../decode.ts";
import type { TranslateContext } from "../translate/context.ts";
import type { Obj } from "../translate/provenance.ts";
import type { StageEntry } from "./hooks.ts";

/** A decoded Butane sub-object (empty when unset). */
export function bobj(v: BValue | undefined): BObject {
  return v !== null && typeof v === "object" && !Array.isArray(v) ? v : {};
}

/** A decoded Butane list of objects (empty when unset). */
export function blist(v: BValue | undefined): BObject[] {
  return Array.isArray(v) ? (v.filter((x) => x !== null && typeof x === "object" && !Array.isArray(x)) as BObject[]) : [];
}

/** A decoded Butane list of strings (empty when unset). */
export function bstrings(v: BValue | undefined): string[] {
  return Array.isArray(v) ? v.map((x) => String(x)) : [];
}

/** Go's `util.IsTrue` on a `*bool`. */
export function isTrue(v: unknown): boolean {
  return v === true;
}

/** Go's `util.NilOrEmpty` on a `*string`. */
export function nilOrEmpty(v: unknown): boolean {
  return v === undefined || v === null || v === "";
}

/** An Ignition sub-object of our plain output (undefined when absent). */
export function oobj(v: unknown): Obj | undefined {
  return v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Obj) : undefined;
}

/** An Ignition list of objects of our plain output (empty when absent). */
export function olist(v: unknown): Obj[] {
  return Array.isArray(v) ? (v as Obj[]) : [];
}

export function entry(severity: Severity, space: "yaml" | "json", path: Path, message: string): StageEntry {
  return { severity, space, path, message };
}

/** Whether the translation so far reported an error (upstream then stops before variant sugar). */
export function hasErrors(ctx: TranslateContext): boolean {
  return ctx.entries.some((e) => e.severity === "error");
}

/** Go's `strings.ToLower(regexp.ReplaceAll(camel, "(MiB|[A-Z])", "_$1"))`: upstream's fallback for unmapped JSON paths. */
export function snake(s: string): string {
  return s.replace(/(MiB|[A-Z])/g, "_$1").toLowerCase();
}

export function snakePath(p: Path): Path {
  return p.map((e) => (typeof e === "string" ? snake(e) : e));
}

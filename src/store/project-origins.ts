/**
 * The origins (file and line of each merged node) of the project outputs the studio has shown,
 * by output config object: the output view and the previews show the last good output, which
 * stays on screen (greyed) while a later build fails, so its origins must outlive that build.
 */
import type { EntryOrigin } from "../compose/index.ts";
import type { ProjectBuild } from "../worker/project-build.ts";
import { jsonPathKey } from "../lib/json-index.ts";

const byConfig = new WeakMap<object, readonly EntryOrigin[]>();

/** Keeps the origins of `build`'s output (called for each project build). */
export function rememberOrigins(build: ProjectBuild): void {
  const r = build.result;
  if (r?.config && r.origins && r.origins.length > 0) byConfig.set(r.config, r.origins);
}

/** The origins of a project output's config (`lastGood.config`), or undefined outside a project. */
export function originsFor(config: unknown): readonly EntryOrigin[] | undefined {
  return config !== null && typeof config === "object" ? byConfig.get(config) : undefined;
}

const byKeyCache = new WeakMap<readonly EntryOrigin[], Map<string, EntryOrigin>>();

/** The origins that have a line, by `jsonPathKey` of their output path (once per origins array). */
export function originsByKey(origins: readonly EntryOrigin[]): Map<string, EntryOrigin> {
  let map = byKeyCache.get(origins);
  if (!map) {
    map = new Map();
    for (const o of origins) if (o.line !== undefined) map.set(jsonPathKey(o.path), o);
    byKeyCache.set(origins, map);
  }
  return map;
}

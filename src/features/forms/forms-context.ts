/** What every form section reads: the config, its spec, capabilities, problems, and the one way to edit. */
import { createContext, useContext } from "react";
import type { Capabilities } from "./model/capabilities.ts";
import type { Config, EditPath } from "./model/config.ts";
import type { VariantSpec } from "./model/spec-walk.ts";

export interface FieldProblem {
  severity: "error" | "warning" | "info";
  message: string;
  /** "schema" (ajv with Butane's JSON Schema) or "butane" (the transpiler's report). */
  source: "schema" | "butane";
}

export interface FormsApi {
  config: Config;
  vs: VariantSpec;
  caps: Capabilities;
  /** Problems by `pathKey` (`$.passwd.users.0.name`). */
  problems: ReadonlyMap<string, FieldProblem[]>;
  /** Paths of the Files panel's files (for `local:` contents). */
  localFiles: readonly string[];
  /** Sets `path` to `value` (undefined removes it) as a minimal edit of the YAML text. */
  set(path: EditPath, value: unknown): void;
  /** Applies a change of several values at once (one undo step). */
  change(fn: (config: Config) => Config): void;
}

export const FormsContext = createContext<FormsApi | null>(null);

export function useForms(): FormsApi {
  const api = useContext(FormsContext);
  if (!api) throw new Error("useForms outside <FormsView>");
  return api;
}

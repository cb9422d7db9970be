import type { ButaneBuild } from "../from-ignition.ts";
import { ImportError, type ImportOptions, type Json } from "../types.ts";

export function importSpec2(_config: Json, _options: ImportOptions): ButaneBuild {
  throw new ImportError("not yet");
}

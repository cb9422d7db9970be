import type { ButaneBuild } from "../from-ignition.ts";
import { ImportError, type ImportOptions } from "../types.ts";

export function importClc(_text: string, _options: ImportOptions): ButaneBuild {
  throw new ImportError("not yet");
}

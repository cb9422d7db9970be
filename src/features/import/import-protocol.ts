/** Messages between the studio and the import worker. */
import type { ImportOptions, ImportResult } from "../../import/types.ts";

export type ToImportWorker = { type: "import"; id: number; text: string; options: ImportOptions };

export type FromImportWorker = { type: "imported"; id: number; result: ImportResult; ms: number } | { type: "failed"; id: number; message: string };

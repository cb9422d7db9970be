/** The entries of a composed config worth listing with their origin: list entries and top-level fields. */
import type { EntryOrigin } from "../../compose/index.ts";

export interface OriginRow {
  /** `storage.files[/etc/hostname]`, `passwd.users[core]`, `ignition.version`. */
  label: string;
  file: string;
  line: number;
  column: number;
}

/** The field that names a list entry (the merge key Ignition uses for most lists). */
const KEYS = ["path", "name", "device", "label", "id", "source"];

function entryKey(item: unknown): string | undefined {
  if (typeof item === "string") return item;
  if (item === null || typeof item !== "object") return undefined;
  for (const k of KEYS) {
    const v = (item as Record<string, unknown>)[k];
    if (typeof v === "string") return v;
  }
  return undefined;
}

/** Rows for the origins of list entries and of plain values two levels deep (`ignition.version`), in output order. */
export function originRows(origins: readonly EntryOrigin[], config: unknown): OriginRow[] {
  const rows: OriginRow[] = [];
  for (const o of origins) {
    if (o.line === undefined) continue;
    const last = o.path.at(-1);
    if (typeof last !== "number" && o.path.length > 2) continue;
    let node = config;
    let label = "";
    for (const el of o.path) {
      const next = (node as Record<string | number, unknown> | null)?.[el];
      if (typeof el === "number") label += `[${entryKey(next) ?? el}]`;
      else label += label === "" ? el : `.${el}`;
      node = next;
    }
    // A section or a list itself is no entry: its entries and fields are listed.
    if (typeof last !== "number" && node !== null && typeof node === "object") continue;
    rows.push({ label, file: o.file, line: o.line, column: o.column ?? 1 });
  }
  return rows;
}

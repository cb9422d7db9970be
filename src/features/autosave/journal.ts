/**
 * A text's journal: the edits made since its last snapshot, each the replaced span and its new
 * text. Drafts (drafts.ts) and the project autosave (project/project-journal.ts) keep one per text,
 * so a keystroke writes a few bytes, not the whole text. A journal names the snapshot generation it
 * applies to (`g`): one left over from a crash between writing a new snapshot and emptying the
 * journal is never applied to that newer snapshot.
 */
import { changedSpan } from "../../lib/changed-span.ts";

/** One edit: at UTF-16 offset `at`, `del` code units replaced by `ins`. */
export type Edit = [at: number, del: number, ins: string];

export interface Journal {
  g: number;
  savedAt: number;
  edits: Edit[];
}

/** The edit turning `from` into `to`: the span between their common prefix and suffix. */
export function editBetween(from: string, to: string): Edit {
  const { start, oldEnd, newEnd } = changedSpan(from, to);
  return [start, oldEnd - start, to.slice(start, newEnd)];
}

/** `text` with `edits` applied in order, or null when one does not fit. */
export function applyEdits(text: string, edits: readonly Edit[]): string | null {
  let out = text;
  for (const [at, del, ins] of edits) {
    if (at < 0 || del < 0 || at + del > out.length) return null;
    out = out.slice(0, at) + ins + out.slice(at + del);
  }
  return out;
}

export function parseJournal(value: string | null): Journal | null {
  if (value === null) return null;
  try {
    const j = JSON.parse(value) as Partial<Journal>;
    if (typeof j.g !== "number" || !Array.isArray(j.edits)) return null;
    const edits = j.edits.filter((e): e is Edit => Array.isArray(e) && typeof e[0] === "number" && typeof e[1] === "number" && typeof e[2] === "string");
    if (edits.length !== j.edits.length) return null;
    return { g: j.g, savedAt: typeof j.savedAt === "number" ? j.savedAt : 0, edits };
  } catch {
    return null;
  }
}

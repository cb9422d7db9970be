/**
 * Which draft a starting tab shows: its own (a reload), whichever store holds the newer copy of
 * it (localStorage, or the IndexedDB backup used while localStorage was full); without one, the
 * newest draft of any tab.
 */
import type { Draft } from "./drafts.ts";

const newer = (a: Draft | undefined, b: Draft | undefined): Draft | undefined => (!a ? b : !b ? a : b.savedAt > a.savedAt ? b : a);

export function chooseRestore(ownId: string, local: readonly Draft[], backups: readonly Draft[]): Draft | null {
  const own = newer(
    local.find((d) => d.id === ownId),
    backups.find((d) => d.id === ownId),
  );
  if (own) return own;
  let best: Draft | undefined;
  for (const d of [...local, ...backups]) best = newer(best, d);
  return best ?? null;
}

/**
 * Before the studio reloads itself (to start a new version), checks that the reload will show the
 * text that is on screen: what a starting tab restores (restore.ts: this tab's draft from
 * localStorage or the IndexedDB backup, else the newest draft of any tab, else the welcome
 * config) is read back from storage and compared with the current text. When it differs, the
 * text is saved once more and read back again. False means a reload would lose the text.
 */
import type { Autosave } from "./autosave.ts";
import type { DraftBackup } from "./draft-backup.ts";
import type { DraftStore } from "./drafts.ts";
import { chooseRestore } from "./restore.ts";

export interface ReloadSafeDeps {
  drafts: Pick<DraftStore, "id" | "list">;
  autosave: Pick<Autosave, "save" | "settled">;
  /** The backup store as the autosave writes it (null when there is none). */
  backup: Pick<DraftBackup, "all"> | null;
  /** What a tab with no draft anywhere starts with. */
  fallback: string;
}

export async function reloadKeepsText(deps: ReloadSafeDeps, source: string, fileName: string | null): Promise<boolean> {
  const { drafts, autosave, backup, fallback } = deps;
  const restored = async (): Promise<boolean> => {
    await autosave.settled();
    let backups: Awaited<ReturnType<DraftBackup["all"]>> = [];
    try {
      backups = backup ? await backup.all() : [];
    } catch {
      // An unreadable backup: only localStorage counts.
    }
    const shown = chooseRestore(drafts.id, drafts.list(), backups);
    return shown ? shown.source === source && shown.fileName === fileName : source === fallback && fileName === null;
  };
  if (await restored()) return true;
  autosave.save(source, fileName);
  return restored();
}

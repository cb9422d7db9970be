/**
 * The autosave: every edit goes to this tab's draft in localStorage (drafts.ts); when that is full
 * the text goes to the IndexedDB backup instead (draft-backup.ts). The status line and the notice
 * say where the text really is: "saved" only once a write of the current text has succeeded.
 * Deleting other drafts to make room happens only when the user asks for it.
 */
import { downloadText } from "../../lib/download-file.ts";
import { formatBytes } from "../../lib/format.ts";
import { dismissNotice, notify, SaveState, setSaved, useStudioStore, type NoticeAction } from "../../store/store.ts";
import { sourceFileName } from "../output/download-name.ts";
import type { DraftBackup } from "./draft-backup.ts";
import { draftTitle } from "./draft-title.ts";
import type { Draft, DraftStore, SaveResult } from "./drafts.ts";

export interface Autosave {
  /** Stores an edit (synchronously in localStorage; the backup write, when needed, follows). */
  save(source: string, fileName: string | null): void;
  /** The user paused: compacts the draft, or retries a save that failed. */
  pause(): void;
  /** Rewrites this tab's draft if another tab deleted it. */
  ensure(): void;
  /** Keeps a text being replaced as a draft of its own (in the backup when localStorage is full). */
  keep(source: string, fileName: string | null): void;
  /** Deletes the oldest other drafts until this one fits in localStorage (the user asked for it). */
  makeRoom(): void;
  /** Deletes a draft from the backup (the user asked for it). */
  removeBackup(id: string): Promise<void>;
  /** Drafts in the backup (as last read or written by this tab). */
  backups(): readonly Draft[];
  /** Reads the backup; the drafts found there are what `backups` returns from then on. */
  loadBackups(): Promise<readonly Draft[]>;
  /** Resolves once every backup write asked for so far has finished (tests). */
  settled(): Promise<void>;
}

export interface AutosaveDeps {
  drafts: DraftStore;
  /** The IndexedDB backup, or null when there is none. */
  backup: DraftBackup | null;
  now?: () => number;
  newId?: () => string;
}

const NOTICE = "autosave";

/** What the backup should hold for this tab: a text, or nothing. */
type BackupJob = { kind: "put"; draft: Draft; seq: number } | { kind: "remove"; id: string };

export function createAutosave({ drafts, backup, now = Date.now, newId = () => crypto.randomUUID() }: AutosaveDeps): Autosave {
  /** Bumped by every save: a backup write reports only if no newer save came after it. */
  let seq = 0;
  /** Whether the backup may hold this tab's draft (removed once localStorage has it again). */
  let inBackup = false;
  /** The `seq` of the last save that localStorage took. */
  let localSeq = 0;
  /** What the backup holds for this tab (as last written), while it holds something. */
  let ownBackup: Draft | null = null;
  let job: BackupJob | null = null;
  let running: Promise<void> | null = null;
  let backedUp: Draft[] = [];

  const remember = (d: Draft) => {
    backedUp = [...backedUp.filter((b) => b.id !== d.id), d];
  };
  const forget = (id: string) => {
    backedUp = backedUp.filter((b) => b.id !== id);
  };

  const download = () => {
    const s = useStudioStore.getState();
    downloadText(sourceFileName(s.fileName), s.source, "application/yaml");
  };

  const makeRoomAction = (): NoticeAction[] => {
    const n = drafts.deletable().length;
    return n === 0 ? [] : [{ label: "Make room: delete the oldest other drafts", run: makeRoom }];
  };

  const otherDraftsSize = () => {
    const others = drafts.list().filter((d) => d.id !== drafts.id);
    const chars = others.reduce((n, d) => n + d.source.length, 0);
    return others.length === 0 ? "" : ` ${others.length} other draft${others.length === 1 ? " takes" : "s take"} ${formatBytes(chars)} of it.`;
  };

  const failed = (message: string) => {
    setSaved(SaveState.Unsaved);
    notify({
      id: NOTICE,
      kind: "error",
      text: `${message} Your text is only in this page: download it to keep it.${otherDraftsSize()}`,
      actions: [{ label: "Download", run: download }, ...makeRoomAction()],
    });
  };

  const runJobs = async () => {
    while (job) {
      const j = job;
      job = null;
      if (!backup) return;
      if (j.kind === "remove") {
        await backup.remove(j.id).catch(() => undefined);
        forget(j.id);
        if (ownBackup?.id === j.id) ownBackup = null;
        continue;
      }
      try {
        await backup.put(j.draft);
        inBackup = true;
        ownBackup = j.draft;
        remember(j.draft);
        if (localSeq > j.seq) {
          // localStorage took a newer text meanwhile: this copy is stale.
          job ??= { kind: "remove", id: j.draft.id };
          inBackup = false;
          continue;
        }
        if (j.seq !== seq) continue;
        setSaved(SaveState.Backup);
        notify({
          id: NOTICE,
          kind: "warning",
          text:
            "This browser's local storage for Kindling is full, so this draft is saved in the browser's IndexedDB " +
            `database instead. It is safe there and comes back when you reload.${otherDraftsSize()}`,
          actions: makeRoomAction(),
        });
      } catch (e) {
        if (j.seq === seq)
          failed(
            `Your browser's storage for this site is full, and the backup store failed too (${e instanceof Error ? e.message : String(e)}): the last edit was NOT saved.`,
          );
      }
    }
  };

  const schedule = (next: BackupJob) => {
    job = next;
    running ??= runJobs().finally(() => {
      running = null;
    });
  };

  const report = (r: SaveResult) => {
    const s = useStudioStore.getState();
    if (r.ok) {
      localSeq = seq;
      setSaved(SaveState.Local);
      dismissNotice(NOTICE);
      if (inBackup && backup) {
        inBackup = false;
        schedule({ kind: "remove", id: drafts.id });
      }
      return;
    }
    if (!r.quota || !backup) {
      failed(r.message);
      return;
    }
    // A retry (the pause after an edit) of a text the backup holds already: it stays there.
    if (!job && ownBackup?.id === drafts.id && ownBackup.source === s.source && ownBackup.fileName === s.fileName) {
      setSaved(SaveState.Backup);
      return;
    }
    setSaved(SaveState.Saving);
    schedule({ kind: "put", seq, draft: { v: 1, id: drafts.id, source: s.source, fileName: s.fileName, savedAt: now() } });
  };

  function makeRoom() {
    const { removed, result } = drafts.makeRoom();
    for (const d of removed) if (backedUp.some((b) => b.id === d.id)) schedule({ kind: "remove", id: d.id });
    seq++;
    report(result);
    const names = removed.map((d) => `“${draftTitle(d.source, d.fileName)}”`).join(", ");
    if (result.ok) {
      notify({
        id: "make-room",
        kind: "info",
        text: `Deleted ${removed.length} older draft${removed.length === 1 ? "" : "s"}${names ? ` (${names})` : ""}: this draft is saved in local storage again.`,
      });
    } else {
      notify({
        id: "make-room",
        kind: "warning",
        text: `Deleted ${removed.length} older draft${removed.length === 1 ? "" : "s"}${names ? ` (${names})` : ""}, but this draft still does not fit in local storage (drafts of open tabs are never deleted).`,
      });
    }
  }

  return {
    save(source, fileName) {
      seq++;
      report(drafts.save(source, fileName));
    },
    pause() {
      // Compaction rewrites a text that is stored already (as snapshot + journal): when it fails
      // nothing is lost, and the next edit that does not fit the journal goes to the backup.
      if (drafts.stored()) {
        drafts.compact();
        return;
      }
      // A failed save is retried here.
      seq++;
      report(drafts.compact());
    },
    ensure() {
      const r = drafts.ensure();
      if (r === null) return;
      seq++;
      report(r);
    },
    keep(source, fileName) {
      const r = drafts.fork(source, fileName, now());
      if (r.ok) return;
      const draft: Draft = { v: 1, id: newId(), source, fileName, savedAt: now() };
      const lost = (why: string) =>
        notify({
          id: "keep-draft",
          kind: "error",
          text: `The text you replaced could not be kept as a draft (${why}). Download it now if you need it.`,
          actions: [{ label: "Download the replaced text", run: () => downloadText(sourceFileName(fileName), source, "application/yaml") }],
        });
      if (!backup || !r.quota) {
        lost(r.message);
        return;
      }
      backup.put(draft).then(
        () => remember(draft),
        (e: unknown) => lost(e instanceof Error ? e.message : String(e)),
      );
    },
    makeRoom,
    async removeBackup(id) {
      forget(id);
      await backup?.remove(id);
    },
    backups: () => backedUp,
    async loadBackups() {
      if (!backup) return [];
      const found = await backup.all();
      for (const d of found) remember(d);
      return backedUp;
    },
    async settled() {
      while (running) await running;
    },
  };
}

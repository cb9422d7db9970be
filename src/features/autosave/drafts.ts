/**
 * Drafts in localStorage: each browser tab writes its own draft (its id lives in sessionStorage,
 * so a reload keeps it), so two tabs never overwrite each other. A new tab starts from the most
 * recently saved draft. Writes are synchronous: a crash right after an edit loses nothing.
 *
 * A keystroke in a large config should not rewrite the whole text, so a draft is a snapshot plus a
 * journal of the edits made since (each the replaced span and its new text, found by comparing with
 * the text last saved). The journal is its own small storage entry; when it grows, or when the user
 * pauses (`compact`), the snapshot is rewritten and the journal emptied. A journal belongs to one
 * snapshot generation, so one left over from a crash between the two writes is never misapplied.
 */
import { isQuotaError } from "../../lib/storage-errors.ts";
import { changedSpan } from "../../lib/changed-span.ts";

export interface Draft {
  /** Storage format; bump and migrate when the shape changes. */
  v: 1;
  id: string;
  source: string;
  fileName: string | null;
  /** ms since epoch. */
  savedAt: number;
  /** Snapshot generation: the journal with the same `g` applies to this snapshot. */
  g?: number;
}

/** One edit: at UTF-16 offset `at`, `del` code units replaced by `ins`. */
type Edit = [at: number, del: number, ins: string];

interface Journal {
  g: number;
  savedAt: number;
  edits: Edit[];
}

export const DRAFT_PREFIX = "kindling.draft.";
export const JOURNAL_PREFIX = "kindling.journal.";
/** The journal is folded into a new snapshot beyond this many edits or characters. */
const JOURNAL_MAX_EDITS = 200;
const JOURNAL_MAX_CHARS = 16_384;
const SESSION_KEY = "kindling.draftId";
/** Drafts beyond this many (oldest first, never the tab's own) are deleted. */
export const MAX_DRAFTS = 20;

export type SaveResult = { ok: true } | { ok: false; message: string; quota: boolean };

/** The subset of the Web Storage API used here. */
export type StorageLike = Pick<Storage, "getItem" | "setItem" | "removeItem" | "key" | "length">;

export interface DraftStore {
  /** This tab's draft id. */
  readonly id: string;
  /** Saves this tab's draft (as a journal entry when only a little changed). */
  save(source: string, fileName: string | null): SaveResult;
  /** Folds this tab's journal into its snapshot (call when the user pauses). */
  compact(): SaveResult;
  /** This tab's draft (a reload), else the newest of any tab, else null. */
  initial(): Draft | null;
  /** Every stored draft, newest first. */
  list(): Draft[];
  /** Stores `source` as a separate draft (not this tab's), unless another draft already holds that text. */
  fork(source: string, fileName: string | null, savedAt?: number): SaveResult;
  /** The draft a storage change of `key` (its snapshot or its journal) touched, as it now stands; else null. */
  changed(key: string | null): Draft | null;
  remove(id: string): void;
  /** Gives this tab a new draft id (a duplicated tab shares its original's sessionStorage). */
  renew(): void;
}

const newId = () =>
  typeof crypto !== "undefined" && "randomUUID" in crypto
    ? crypto.randomUUID()
    : Math.random().toString(36).slice(2) + Date.now().toString(36);

/** Opens the draft store over `local` (shared by tabs) and `session` (this tab). */
export function createDraftStore(
  local: StorageLike,
  session: Pick<Storage, "getItem" | "setItem">,
  now: () => number = Date.now,
): DraftStore {
  let id = "";
  try {
    id = session.getItem(SESSION_KEY) ?? "";
  } catch {
    // sessionStorage can be unavailable (privacy settings): the tab then gets a fresh id.
  }
  const assignNewId = () => {
    id = newId();
    try {
      session.setItem(SESSION_KEY, id);
    } catch {
      // Without sessionStorage a reload starts from the newest draft, which is this tab's in practice.
    }
  };
  if (!id) assignNewId();

  const parse = (key: string | null, value: string | null): Draft | null => {
    if (!key?.startsWith(DRAFT_PREFIX) || value === null) return null;
    try {
      const d = JSON.parse(value) as Partial<Draft>;
      if (d.v !== 1 || typeof d.source !== "string" || typeof d.id !== "string") return null;
      return {
        v: 1,
        id: d.id,
        source: d.source,
        fileName: typeof d.fileName === "string" ? d.fileName : null,
        savedAt: typeof d.savedAt === "number" ? d.savedAt : 0,
        ...(typeof d.g === "number" ? { g: d.g } : {}),
      };
    } catch {
      return null;
    }
  };

  /** A draft with its journal applied (a journal that does not fit its snapshot is ignored). */
  const withJournal = (d: Draft): Draft => {
    if (d.g === undefined) return d;
    const j = parseJournal(local.getItem(JOURNAL_PREFIX + d.id));
    if (!j || j.g !== d.g || j.edits.length === 0) return d;
    const source = applyEdits(d.source, j.edits);
    return source === null ? d : { ...d, source, savedAt: Math.max(d.savedAt, j.savedAt) };
  };

  const read = (key: string | null): Draft | null => {
    const d = parse(key, key === null ? null : local.getItem(key));
    return d && withJournal(d);
  };

  const list = (): Draft[] => {
    const out: Draft[] = [];
    for (let i = 0; i < local.length; i++) {
      const d = read(local.key(i));
      if (d) out.push(d);
    }
    return out.sort((a, b) => b.savedAt - a.savedAt);
  };

  const write = (key: string, value: unknown): SaveResult => {
    try {
      local.setItem(key, JSON.stringify(value));
      return { ok: true };
    } catch (e) {
      const quota = isQuotaError(e);
      return {
        ok: false,
        quota,
        message: quota
          ? "Your browser's storage for this site is full, so the last edit was not saved locally."
          : `The draft could not be saved locally: ${e instanceof Error ? e.message : String(e)}`,
      };
    }
  };

  const removeDraft = (draftId: string) => {
    local.removeItem(DRAFT_PREFIX + draftId);
    local.removeItem(JOURNAL_PREFIX + draftId);
  };

  const prune = () => {
    for (const d of list().filter((d) => d.id !== id).slice(MAX_DRAFTS - 1)) removeDraft(d.id);
  };

  /** What this tab last stored (snapshot + journal), or null before its first save. */
  let saved: { source: string; fileName: string | null; g: number; journal: Journal } | null = null;

  const snapshot = (source: string, fileName: string | null): SaveResult => {
    // Never reuse the stored generation: a journal of it may still be there.
    const g = (saved?.g ?? parse(DRAFT_PREFIX + id, local.getItem(DRAFT_PREFIX + id))?.g ?? 0) + 1;
    const savedAt = now();
    const r = write(DRAFT_PREFIX + id, { v: 1, id, source, fileName, savedAt, g } satisfies Draft);
    if (!r.ok) return r;
    local.removeItem(JOURNAL_PREFIX + id);
    saved = { source, fileName, g, journal: { g, savedAt, edits: [] } };
    return r;
  };

  const journal = (source: string): SaveResult | null => {
    if (!saved) return null;
    const edit = editBetween(saved.source, source);
    const j = saved.journal;
    const chars = j.edits.reduce((n, e) => n + e[2].length, 0) + edit[2].length;
    if (j.edits.length >= JOURNAL_MAX_EDITS || chars > JOURNAL_MAX_CHARS) return null;
    const next: Journal = { g: saved.g, savedAt: now(), edits: [...j.edits, edit] };
    const r = write(JOURNAL_PREFIX + id, next);
    if (r.ok) saved = { ...saved, source, journal: next };
    return r;
  };

  let writes = 0;
  return {
    get id() {
      return id;
    },
    save(source, fileName) {
      if (saved && saved.source === source && saved.fileName === fileName) return { ok: true };
      const small = saved?.fileName === fileName ? journal(source) : null;
      if (small?.ok) return small;
      const r = snapshot(source, fileName);
      // Pruning costs a scan of localStorage: do it now and then, and when storage is full.
      if (!r.ok || ++writes % 50 === 1) {
        prune();
        if (!r.ok && r.quota) return snapshot(source, fileName);
      }
      return r;
    },
    compact() {
      if (!saved || saved.journal.edits.length === 0) return { ok: true };
      return snapshot(saved.source, saved.fileName);
    },
    initial() {
      return read(DRAFT_PREFIX + id) ?? list()[0] ?? null;
    },
    list,
    fork(source, fileName, savedAt = now()) {
      if (list().some((d) => d.id !== id && d.source === source)) return { ok: true };
      const forkId = newId();
      const r = write(DRAFT_PREFIX + forkId, { v: 1, id: forkId, source, fileName, savedAt } satisfies Draft);
      prune();
      return r;
    },
    changed(key) {
      if (key?.startsWith(JOURNAL_PREFIX)) return read(DRAFT_PREFIX + key.slice(JOURNAL_PREFIX.length));
      return read(key);
    },
    remove: removeDraft,
    renew() {
      assignNewId();
      // The new id has nothing stored yet: its first save writes a snapshot.
      saved = null;
    },
  };
}

/** The edit turning `from` into `to`: the span between their common prefix and suffix. */
function editBetween(from: string, to: string): Edit {
  const { start, oldEnd, newEnd } = changedSpan(from, to);
  return [start, oldEnd - start, to.slice(start, newEnd)];
}

/** `text` with `edits` applied in order, or null when one does not fit. */
function applyEdits(text: string, edits: readonly Edit[]): string | null {
  let out = text;
  for (const [at, del, ins] of edits) {
    if (at < 0 || del < 0 || at + del > out.length) return null;
    out = out.slice(0, at) + ins + out.slice(at + del);
  }
  return out;
}

function parseJournal(value: string | null): Journal | null {
  if (value === null) return null;
  try {
    const j = JSON.parse(value) as Partial<Journal>;
    if (typeof j.g !== "number" || !Array.isArray(j.edits)) return null;
    const edits = j.edits.filter(
      (e): e is Edit => Array.isArray(e) && typeof e[0] === "number" && typeof e[1] === "number" && typeof e[2] === "string",
    );
    if (edits.length !== j.edits.length) return null;
    return { g: j.g, savedAt: typeof j.savedAt === "number" ? j.savedAt : 0, edits };
  } catch {
    return null;
  }
}

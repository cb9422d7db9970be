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
 *
 * Nothing is reported saved that is not stored: the text asked for last (`wanted`) is kept apart
 * from the text last written (`saved`), so a failed write stays failed until a later write of the
 * wanted text succeeds (compaction retries it, and never folds an older text over it).
 *
 * Old drafts are pruned beyond `MAX_DRAFTS`, except those of open tabs: each tab holds a lease (a
 * timestamp in storage it refreshes, `touch`) on its own draft and on drafts it is offering the
 * user; a draft with a live lease is never pruned. A tab that is closed releases its lease; a
 * crashed tab's lease expires after `LEASE_TTL_MS`. A full storage deletes nothing by itself:
 * `makeRoom` deletes the oldest unleased drafts of other tabs, for a user who asked for it.
 */
import { isQuotaError } from "../../lib/storage-errors.ts";
import { applyEdits, editBetween, parseJournal, type Journal } from "./journal.ts";

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

export const DRAFT_PREFIX = "kindling.draft.";
export const JOURNAL_PREFIX = "kindling.journal.";
/** The journal is folded into a new snapshot beyond this many edits or characters. */
const JOURNAL_MAX_EDITS = 200;
const JOURNAL_MAX_CHARS = 16_384;
export const LEASE_PREFIX = "kindling.lease.";
const SESSION_KEY = "kindling.draftId";
/** Drafts beyond this many (oldest first, never the tab's own or one with a live lease) are deleted. */
export const MAX_DRAFTS = 20;
/**
 * How long a lease outlives its last refresh. Live tabs refresh theirs every minute or so, but a
 * hidden tab's timers may be throttled and a frozen or discarded tab runs no code at all while the
 * user still counts it as open, so this is generous: it only delays pruning a crashed tab's draft.
 */
export const LEASE_TTL_MS = 24 * 60 * 60 * 1000;

export type SaveResult = { ok: true } | { ok: false; message: string; quota: boolean };

/** The subset of the Web Storage API used here. */
export type StorageLike = Pick<Storage, "getItem" | "setItem" | "removeItem" | "key" | "length">;

export interface DraftStore {
  /** This tab's draft id. */
  readonly id: string;
  /** Saves this tab's draft (as a journal entry when only a little changed). */
  save(source: string, fileName: string | null): SaveResult;
  /**
   * Call when the user pauses: writes the wanted text if its last save failed, else folds this
   * tab's journal into its snapshot. Ok only when the wanted text is stored.
   */
  compact(): SaveResult;
  /** Whether the text last given to `save` is stored. */
  stored(): boolean;
  /** Rewrites this tab's draft if it vanished from storage (another tab deleted it); null when it is there. */
  ensure(): SaveResult | null;
  /** Writes (refreshes) the leases of this tab's draft and of the drafts it holds. */
  touch(): void;
  /** Removes this tab's leases (the tab is closing). */
  release(): void;
  /** Protects another draft from pruning while this tab lives (e.g. one it is offering the user). */
  hold(id: string): void;
  /** Drafts `makeRoom` may delete, oldest first: other tabs' drafts without a live lease. */
  deletable(): Draft[];
  /**
   * For a user who agreed: deletes deletable drafts, oldest first, until this tab's wanted text
   * fits; returns what was deleted and the outcome of that save.
   */
  makeRoom(): { removed: Draft[]; result: SaveResult };
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
  typeof crypto !== "undefined" && "randomUUID" in crypto ? crypto.randomUUID() : Math.random().toString(36).slice(2) + Date.now().toString(36);

/** Opens the draft store over `local` (shared by tabs) and `session` (this tab). */
export function createDraftStore(local: StorageLike, session: Pick<Storage, "getItem" | "setItem">, now: () => number = Date.now): DraftStore {
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

  /** Drafts held by this tab besides its own. */
  const held = new Set<string>();

  /** Ids with a live lease; expired leases are removed on the way. */
  const liveLeases = (): Set<string> => {
    const t = now();
    const live = new Set<string>();
    const expired: string[] = [];
    for (let i = 0; i < local.length; i++) {
      const key = local.key(i);
      if (!key?.startsWith(LEASE_PREFIX)) continue;
      const at = Number(local.getItem(key));
      if (Number.isFinite(at) && t - at < LEASE_TTL_MS) live.add(key.slice(LEASE_PREFIX.length));
      else expired.push(key);
    }
    for (const key of expired) local.removeItem(key);
    return live;
  };

  /** Other tabs' drafts, newest first, with whether pruning or `makeRoom` may delete each. */
  const others = (): { draft: Draft; deletable: boolean }[] => {
    const live = liveLeases();
    return list()
      .filter((d) => d.id !== id)
      .map((draft) => ({ draft, deletable: !held.has(draft.id) && !live.has(draft.id) }));
  };

  /** Keeps at most MAX_DRAFTS drafts: deletes the oldest deletable ones (protected ones count, but stay). */
  const prune = () => {
    const all = others();
    let room = MAX_DRAFTS - 1 - all.filter((o) => !o.deletable).length;
    for (const o of all) if (o.deletable && room-- <= 0) removeDraft(o.draft.id);
  };

  /** What this tab last stored (snapshot + journal), or null before its first save. */
  let saved: { source: string; fileName: string | null; g: number; journal: Journal } | null = null;
  /** What this tab last asked to save (it differs from `saved` while that save failed). */
  let wanted: { source: string; fileName: string | null } | null = null;
  const isStored = () => wanted === null || (saved !== null && saved.source === wanted.source && saved.fileName === wanted.fileName);

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
  const save = (source: string, fileName: string | null): SaveResult => {
    wanted = { source, fileName };
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
  };

  const leaseIds = () => [id, ...held];
  const touch = () => {
    const at = String(now());
    for (const leased of leaseIds()) {
      try {
        local.setItem(LEASE_PREFIX + leased, at);
      } catch {
        // A full storage: the lease is a few bytes, and pruning waits for the next save anyway.
      }
    }
  };
  const deletable = () =>
    others()
      .filter((o) => o.deletable)
      .map((o) => o.draft)
      .reverse();

  return {
    get id() {
      return id;
    },
    save,
    compact() {
      if (wanted && !isStored()) return save(wanted.source, wanted.fileName);
      if (!saved || saved.journal.edits.length === 0) return { ok: true };
      return snapshot(saved.source, saved.fileName);
    },
    stored: isStored,
    ensure() {
      if (!saved || local.getItem(DRAFT_PREFIX + id) !== null) return null;
      const w = wanted ?? saved;
      saved = null;
      return snapshot(w.source, w.fileName);
    },
    touch,
    release() {
      for (const leased of leaseIds()) local.removeItem(LEASE_PREFIX + leased);
    },
    hold(other) {
      held.add(other);
    },
    deletable,
    makeRoom() {
      const removed: Draft[] = [];
      const retry = (): SaveResult => (wanted && !isStored() ? snapshot(wanted.source, wanted.fileName) : { ok: true });
      let result = retry();
      for (const d of deletable()) {
        if (result.ok) break;
        removeDraft(d.id);
        removed.push(d);
        result = retry();
      }
      return { removed, result };
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
      // The old id's lease stays: the tab this one was duplicated from still holds it.
      assignNewId();
      // The new id has nothing stored yet: its first save writes a snapshot.
      saved = null;
      wanted = null;
      touch();
    },
  };
}

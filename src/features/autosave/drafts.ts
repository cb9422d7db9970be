/**
 * Drafts in localStorage: each browser tab writes its own draft (its id lives in sessionStorage,
 * so a reload keeps it), so two tabs never overwrite each other. A new tab starts from the most
 * recently saved draft. Writes are synchronous: a crash right after an edit loses nothing.
 */
import { isQuotaError } from "../../lib/storage-errors.ts";

export interface Draft {
  /** Storage format; bump and migrate when the shape changes. */
  v: 1;
  id: string;
  source: string;
  fileName: string | null;
  /** ms since epoch. */
  savedAt: number;
}

export const DRAFT_PREFIX = "kindling.draft.";
const SESSION_KEY = "kindling.draftId";
/** Drafts beyond this many (oldest first, never the tab's own) are deleted. */
export const MAX_DRAFTS = 20;

export type SaveResult = { ok: true } | { ok: false; message: string; quota: boolean };

/** The subset of the Web Storage API used here. */
export type StorageLike = Pick<Storage, "getItem" | "setItem" | "removeItem" | "key" | "length">;

export interface DraftStore {
  /** This tab's draft id. */
  readonly id: string;
  /** Saves this tab's draft. */
  save(source: string, fileName: string | null): SaveResult;
  /** This tab's draft (a reload), else the newest of any tab, else null. */
  initial(): Draft | null;
  /** Every stored draft, newest first. */
  list(): Draft[];
  /** Stores `source` as a separate draft (not this tab's), unless another draft already holds that text. */
  fork(source: string, fileName: string | null, savedAt?: number): SaveResult;
  /** Parses a storage value; null when it is not a draft. */
  parse(key: string | null, value: string | null): Draft | null;
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
      };
    } catch {
      return null;
    }
  };

  const list = (): Draft[] => {
    const out: Draft[] = [];
    for (let i = 0; i < local.length; i++) {
      const key = local.key(i);
      const d = parse(key, key === null ? null : local.getItem(key));
      if (d) out.push(d);
    }
    return out.sort((a, b) => b.savedAt - a.savedAt);
  };

  const write = (draft: Draft): SaveResult => {
    try {
      local.setItem(DRAFT_PREFIX + draft.id, JSON.stringify(draft));
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

  const prune = () => {
    for (const d of list().filter((d) => d.id !== id).slice(MAX_DRAFTS - 1)) {
      local.removeItem(DRAFT_PREFIX + d.id);
    }
  };

  let writes = 0;
  return {
    get id() {
      return id;
    },
    save(source, fileName) {
      const r = write({ v: 1, id, source, fileName, savedAt: now() });
      // Pruning costs a scan of localStorage: do it now and then, and when storage is full.
      if (!r.ok || ++writes % 50 === 1) {
        prune();
        if (!r.ok && r.quota) return write({ v: 1, id, source, fileName, savedAt: now() });
      }
      return r;
    },
    initial() {
      const own = parse(DRAFT_PREFIX + id, local.getItem(DRAFT_PREFIX + id));
      return own ?? list()[0] ?? null;
    },
    list,
    fork(source, fileName, savedAt = now()) {
      if (list().some((d) => d.id !== id && d.source === source)) return { ok: true };
      const r = write({ v: 1, id: newId(), source, fileName, savedAt });
      prune();
      return r;
    },
    parse,
    remove(other) {
      local.removeItem(DRAFT_PREFIX + other);
    },
    renew: assignNewId,
  };
}

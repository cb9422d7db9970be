/**
 * The open project in localStorage, written so that a keystroke costs the size of the edit, not
 * of the project, and a crash at any moment leaves a whole project to read back:
 *
 * - `kindling.project.v2`: the index: which files (main, snippets in order, hosts table), the file
 *   in the editor, the host, the origin, and the id of the set of file entries it belongs to;
 * - `kindling.project.file.<id>.<name>`: a file's snapshot (its text and generation `g`);
 * - `kindling.project.journal.<id>.<name>`: the edits made to that file since its snapshot
 *   (autosave/journal.ts), for generation `g` only.
 *
 * A keystroke rewrites one small journal. A journal that grows, or a pause (`compact`), folds into
 * a new snapshot of that file (new generation first, then the journal goes: a crash between the
 * two leaves a journal of the old generation, which is ignored). A file added is written before the
 * index names it, a file removed goes after. A change to several files at once (another project
 * opened) writes a new set of entries under a new id and switches the index to it in one write;
 * entries of other ids are left-overs of a crash and are deleted.
 *
 * Pure over a Web Storage; persist.ts wires it to localStorage and the IndexedDB fallback.
 */
import { isQuotaError } from "../../lib/storage-errors.ts";
import { projectFiles, type Project, type ProjectFile } from "../../store/project-model.ts";
import type { SaveResult, StorageLike } from "../autosave/drafts.ts";
import { applyEdits, editBetween, parseJournal, type Journal } from "../autosave/journal.ts";

export const INDEX_KEY = "kindling.project.v2";
/** The format before journals: the whole project in one entry (read, then replaced). */
export const LEGACY_KEY = "kindling.project.v1";
const FILE_PREFIX = "kindling.project.file.";
const JOURNAL_PREFIX = "kindling.project.journal.";
/** A file's journal is folded into its snapshot beyond this many edits or characters. */
const JOURNAL_MAX_EDITS = 200;
const JOURNAL_MAX_CHARS = 16_384;

interface Index {
  v: 2;
  id: string;
  main: string;
  snippets: string[];
  hosts: string | null;
  active: string;
  host: string | null;
  origin: string | null;
  manifest: boolean;
}

interface Snapshot {
  g: number;
  text: string;
}

export interface ProjectStore {
  /** Stores `project` (as journal entries when only a file's text changed a little). */
  save(project: Project): SaveResult;
  /** Folds every journal into its file's snapshot (the user paused). */
  compact(): SaveResult;
  /** The stored project, or null; later saves go on from it. */
  load(): Project | null;
  /** Forgets the stored project (it was closed). */
  clear(): void;
}

const newId = () => Date.now().toString(36) + Math.random().toString(36).slice(2, 8);

const fileKey = (id: string, name: string) => `${FILE_PREFIX}${id}.${name}`;
const journalKey = (id: string, name: string) => `${JOURNAL_PREFIX}${id}.${name}`;

function indexOf(p: Project, id: string): Index {
  return {
    v: 2,
    id,
    main: p.main.name,
    snippets: p.snippets.map((s) => s.name),
    hosts: p.hosts?.name ?? null,
    active: p.active,
    host: p.host,
    origin: p.origin,
    manifest: p.manifest,
  };
}

function parseIndex(raw: string | null): Index | null {
  if (raw === null) return null;
  try {
    const x = JSON.parse(raw) as Partial<Index>;
    const str = (v: unknown): v is string => typeof v === "string";
    if (x.v !== 2 || !str(x.id) || !str(x.main) || !Array.isArray(x.snippets) || !x.snippets.every(str) || !str(x.active)) return null;
    return {
      v: 2,
      id: x.id,
      main: x.main,
      snippets: x.snippets,
      hosts: str(x.hosts) ? x.hosts : null,
      active: x.active,
      host: str(x.host) ? x.host : null,
      origin: str(x.origin) ? x.origin : null,
      manifest: x.manifest === true,
    };
  } catch {
    return null;
  }
}

function parseSnapshot(raw: string | null): Snapshot | null {
  if (raw === null) return null;
  try {
    const s = JSON.parse(raw) as Partial<Snapshot>;
    return typeof s.g === "number" && typeof s.text === "string" ? { g: s.g, text: s.text } : null;
  } catch {
    return null;
  }
}

/** A project as the format before journals kept it (`{ v: 1, project }`). */
function parseLegacy(raw: string | null): Project | null {
  if (raw === null) return null;
  try {
    const s = JSON.parse(raw) as { v?: unknown; project?: Partial<Project> };
    const p = s.project;
    const isFile = (f: unknown): f is ProjectFile =>
      typeof f === "object" && f !== null && typeof (f as ProjectFile).name === "string" && typeof (f as ProjectFile).text === "string";
    if (s.v !== 1 || !p || !isFile(p.main) || !Array.isArray(p.snippets) || !p.snippets.every(isFile) || typeof p.active !== "string") return null;
    if (p.hosts !== null && !isFile(p.hosts)) return null;
    return {
      main: p.main,
      snippets: p.snippets,
      hosts: p.hosts ?? null,
      active: p.active,
      host: typeof p.host === "string" ? p.host : null,
      origin: typeof p.origin === "string" ? p.origin : null,
      manifest: p.manifest === true,
    };
  } catch {
    return null;
  }
}

const failure = (e: unknown): SaveResult => {
  const quota = isQuotaError(e);
  return {
    ok: false,
    quota,
    message: quota
      ? "Your browser's storage for this site is full, so the project was not saved locally."
      : `The project could not be saved locally: ${e instanceof Error ? e.message : String(e)}`,
  };
};

export function createProjectStore(local: StorageLike, now: () => number = Date.now): ProjectStore {
  /** What is stored: the index as written, and each file's snapshot generation, text and journal. */
  let saved: { index: Index; indexJson: string; files: Map<string, { g: number; text: string; journal: Journal }> } | null = null;

  const set = (key: string, value: unknown) => local.setItem(key, JSON.stringify(value));

  /** Keys of project entries (any id). */
  const entryKeys = (): string[] => {
    const out: string[] = [];
    for (let i = 0; i < local.length; i++) {
      const k = local.key(i);
      if (k?.startsWith(FILE_PREFIX) || k?.startsWith(JOURNAL_PREFIX)) out.push(k);
    }
    return out;
  };

  /** Deletes the entries not of `keep`'s id and files (left-overs of an earlier set or a crash). */
  const sweep = (keep: Index | null) => {
    const wanted = new Set<string>();
    if (keep) for (const name of [keep.main, ...keep.snippets, ...(keep.hosts !== null ? [keep.hosts] : [])]) wanted.add(`${keep.id}.${name}`);
    for (const k of entryKeys()) {
      const rest = k.startsWith(FILE_PREFIX) ? k.slice(FILE_PREFIX.length) : k.slice(JOURNAL_PREFIX.length);
      if (!wanted.has(rest)) local.removeItem(k);
    }
  };

  /** Writes every file under a new id, then the index naming it (the switch), then deletes the rest. */
  const full = (p: Project): SaveResult => {
    const id = newId();
    const index = indexOf(p, id);
    const files = new Map<string, { g: number; text: string; journal: Journal }>();
    try {
      for (const f of projectFiles(p)) {
        set(fileKey(id, f.name), { g: 1, text: f.text } satisfies Snapshot);
        files.set(f.name, { g: 1, text: f.text, journal: { g: 1, savedAt: now(), edits: [] } });
      }
      const indexJson = JSON.stringify(index);
      local.setItem(INDEX_KEY, indexJson);
      saved = { index, indexJson, files };
    } catch (e) {
      // The entries of the set that could not be completed go (the old set is still whole).
      for (const f of projectFiles(p)) local.removeItem(fileKey(id, f.name));
      return failure(e);
    }
    // What the new set replaces: deleting it is tidying up (a crash here leaves left-overs, swept later).
    try {
      local.removeItem(LEGACY_KEY);
      sweep(index);
    } catch {
      // Swept at the next load or set.
    }
    return { ok: true };
  };

  /** Writes file `name`'s snapshot with a new generation; its journal goes afterwards. */
  const snapshot = (id: string, name: string, text: string, g: number) => {
    set(fileKey(id, name), { g, text } satisfies Snapshot);
    local.removeItem(journalKey(id, name));
    saved!.files.set(name, { g, text, journal: { g, savedAt: now(), edits: [] } });
  };

  const save = (p: Project): SaveResult => {
    if (!saved) return full(p);
    const s = saved;
    const files = projectFiles(p);
    const changed = files.filter((f) => s.files.get(f.name)?.text !== f.text);
    const edited = changed.filter((f) => s.files.has(f.name)).length;
    const id = s.index.id;
    const index = indexOf(p, id);
    const indexJson = JSON.stringify(index);
    // Several files at once, or a file's text and the list of files (another project opened):
    // one new set, switched to in one write. A keystroke changes one file's text, nothing else.
    if (edited > 1 || (edited === 1 && indexJson !== s.indexJson)) return full(p);
    try {
      for (const f of changed) {
        const was = s.files.get(f.name);
        // A file added is stored before the index names it.
        if (!was) {
          snapshot(id, f.name, f.text, 1);
          continue;
        }
        const edit = editBetween(was.text, f.text);
        const j = was.journal;
        const chars = j.edits.reduce((n, e) => n + e[2].length, 0) + edit[2].length;
        if (j.edits.length >= JOURNAL_MAX_EDITS || chars > JOURNAL_MAX_CHARS) {
          snapshot(id, f.name, f.text, was.g + 1);
          continue;
        }
        const next: Journal = { g: was.g, savedAt: now(), edits: [...j.edits, edit] };
        set(journalKey(id, f.name), next);
        s.files.set(f.name, { ...was, text: f.text, journal: next });
      }
      if (indexJson !== s.indexJson) {
        local.setItem(INDEX_KEY, indexJson);
        saved = { ...s, index, indexJson };
        // A file removed goes once the index no longer names it.
        const names = new Set(files.map((f) => f.name));
        for (const name of [...s.files.keys()]) {
          if (names.has(name)) continue;
          s.files.delete(name);
          local.removeItem(fileKey(id, name));
          local.removeItem(journalKey(id, name));
        }
      }
      return { ok: true };
    } catch (e) {
      // `saved` follows each write that succeeded: it still says what is stored.
      return failure(e);
    }
  };

  const load = (): Project | null => {
    const index = parseIndex(local.getItem(INDEX_KEY));
    if (!index) return parseLegacy(local.getItem(LEGACY_KEY));
    const files = new Map<string, { g: number; text: string; journal: Journal }>();
    const read = (name: string): ProjectFile | null => {
      const snap = parseSnapshot(local.getItem(fileKey(index.id, name)));
      if (!snap) return null;
      const j = parseJournal(local.getItem(journalKey(index.id, name)));
      // A journal of another generation (a crash in the middle of a compaction) is not this snapshot's.
      const text = j && j.g === snap.g && j.edits.length > 0 ? applyEdits(snap.text, j.edits) : null;
      const journal = text !== null && j ? j : { g: snap.g, savedAt: now(), edits: [] };
      files.set(name, { g: snap.g, text: text ?? snap.text, journal });
      return { name, text: text ?? snap.text };
    };
    const main = read(index.main);
    const snippets = index.snippets.map(read);
    const hosts = index.hosts === null ? null : read(index.hosts);
    if (!main || snippets.some((s) => s === null) || (index.hosts !== null && !hosts)) return null;
    // Later saves go on from what is stored (no rewrite of the whole project at the first keystroke).
    saved = { index, indexJson: JSON.stringify(index), files };
    try {
      sweep(index);
    } catch {
      // Left for the next load.
    }
    return {
      main,
      snippets: snippets as ProjectFile[],
      hosts,
      active: index.active,
      host: index.host,
      origin: index.origin,
      manifest: index.manifest,
    };
  };

  return {
    save,
    compact() {
      const s = saved;
      if (!s) return { ok: true };
      try {
        for (const [name, f] of [...s.files]) if (f.journal.edits.length > 0) snapshot(s.index.id, name, f.text, f.g + 1);
        return { ok: true };
      } catch (e) {
        // A snapshot that could not be written changed nothing: its journal is still there.
        return failure(e);
      }
    },
    load,
    clear() {
      saved = null;
      local.removeItem(INDEX_KEY);
      local.removeItem(LEGACY_KEY);
      sweep(null);
    },
  };
}

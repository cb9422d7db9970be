import { describe, expect, it, vi } from "vitest";
import { withFileText, type Project } from "../../store/project-model.ts";
import { SaveState } from "../../store/store.ts";
import { MemoryStorage } from "../autosave/quota-storage.test-helpers.ts";
import { createProjectPersistence, type ProjectBackup } from "./persist.ts";
import { createProjectStore, INDEX_KEY, LEGACY_KEY } from "./project-journal.ts";

const head = "variant: fcos\nversion: 1.5.0\n";
/** A project of about `kib` KiB (most of it in the main config). */
const project = (kib = 4): Project => ({
  main: {
    name: "main.bu",
    text: `${head}storage:\n  files:\n${"    - path: /etc/x\n      contents:\n        inline: some text here\n".repeat(Math.ceil((kib * 1024) / 60))}`,
  },
  snippets: [
    { name: "snippets/ntp.bu", text: `${head}storage:\n  files:\n    - path: /etc/ntp\n` },
    { name: "snippets/b.bu", text: `${head}passwd:\n  users:\n    - name: core\n` },
  ],
  hosts: { name: "hosts.yaml", text: "one:\n  NAME: first\n" },
  active: "main.bu",
  host: null,
  origin: "demo",
  manifest: false,
});

/** `p` with `s` typed at offset `at` of file `name`. */
const typed = (p: Project, name: string, at: number, s: string) => {
  const f = [p.main, ...p.snippets, p.hosts!].find((x) => x.name === name)!;
  return withFileText(p, name, f.text.slice(0, at) + s + f.text.slice(at));
};

/** Characters written to storage while `fn` runs. */
function writtenDuring(local: MemoryStorage, fn: () => void): number {
  const before = [...local.written.values()].reduce((a, b) => a + b, 0);
  fn();
  return [...local.written.values()].reduce((a, b) => a + b, 0) - before;
}

/**
 * A storage that stops taking writes after `budget` of them (the tab crashed there): that write
 * throws, and any later one is dropped (whatever the code does after it never reaches storage).
 */
class CrashingStorage extends MemoryStorage {
  private budget: number;
  constructor(budget: number, from?: MemoryStorage) {
    super();
    this.budget = budget;
    if (from) this.map = new Map(from.map);
  }
  crashed = false;
  /** Whether the write may go ahead. */
  private tick(): boolean {
    if (this.crashed) return false;
    if (this.budget-- > 0) return true;
    this.crashed = true;
    throw new Error("crashed");
  }
  override setItem(k: string, v: string) {
    if (this.tick()) super.setItem(k, v);
  }
  override removeItem(k: string) {
    if (this.tick()) super.removeItem(k);
  }
}

describe("project journal", () => {
  it("a keystroke in a 2 MB project writes O(edit), not O(project); a reload reads every file back", () => {
    const local = new MemoryStorage();
    const store = createProjectStore(local);
    let p = project(2048);
    expect(p.main.text.length).toBeGreaterThan(2_000_000);
    expect(store.save(p).ok).toBe(true);
    const sizes: number[] = [];
    for (let i = 0; i < 50; i++) {
      p = typed(p, "main.bu", 1000 + i, "x");
      sizes.push(writtenDuring(local, () => expect(store.save(p).ok).toBe(true)));
    }
    // Each keystroke rewrites one small journal (it grows by an edit, up to its compaction limit).
    expect(Math.max(...sizes)).toBeLessThan(2_000);
    p = typed(p, "snippets/ntp.bu", 0, "# note\n");
    expect(writtenDuring(local, () => store.save(p))).toBeLessThan(200);
    expect(createProjectStore(local).load()).toEqual(p);
  });

  it("compaction folds the journals into snapshots, one file's at a time", () => {
    const local = new MemoryStorage();
    const store = createProjectStore(local);
    let p = project(64);
    store.save(p);
    p = typed(p, "snippets/ntp.bu", 0, "# a\n");
    store.save(p);
    p = typed(p, "main.bu", 5, "z");
    store.save(p);
    expect([...local.map.keys()].filter((k) => k.includes(".journal.")).length).toBe(2);
    expect(store.compact().ok).toBe(true);
    expect([...local.map.keys()].filter((k) => k.includes(".journal."))).toEqual([]);
    expect(createProjectStore(local).load()).toEqual(p);
    // A long run of edits compacts by itself (the journal stays small).
    for (let i = 0; i < 1000; i++) {
      p = typed(p, "snippets/b.bu", 0, "#\n");
      store.save(p);
    }
    const journal = [...local.map].find(([k]) => k.includes(".journal."));
    expect(journal?.[1].length ?? 0).toBeLessThan(20_000);
    expect(createProjectStore(local).load()).toEqual(p);
  });

  it("a crash in the middle of a compaction (new snapshot written, old journal still there) restores every file", () => {
    const local = new MemoryStorage();
    const store = createProjectStore(local);
    let p = project();
    store.save(p);
    p = typed(p, "main.bu", 10, "abc");
    store.save(p);
    // The compaction's first write (the snapshot) lands, then the tab dies before the journal goes.
    const crashing = new CrashingStorage(1, local);
    const torn = createProjectStore(crashing);
    expect(torn.load()).toEqual(p);
    expect(torn.compact().ok).toBe(false);
    expect([...crashing.map.keys()].some((k) => k.includes(".journal."))).toBe(true);
    expect([...crashing.map].some(([k, v]) => k.includes(".file.") && v.includes("abc"))).toBe(true);
    // The journal (of the old generation) is not applied to the new snapshot a second time.
    const reloaded = createProjectStore(Object.assign(new MemoryStorage(), { map: new Map(crashing.map) }));
    expect(reloaded.load()).toEqual(p);
  });

  it("a crash at any write of any step leaves the project before or after that step", () => {
    const base = project(8);
    // The steps a session goes through: keystrokes, a file added, moved, removed, a compaction, another project opened.
    const steps: ((p: Project) => Project | "compact")[] = [
      (p) => typed(p, "main.bu", 30, "k"),
      (p) => typed(p, "snippets/ntp.bu", 3, "q"),
      () => "compact",
      (p) => ({ ...p, snippets: [...p.snippets, { name: "snippets/new.bu", text: head }], active: "snippets/new.bu" }),
      (p) => typed(p, "snippets/new.bu", head.length, "storage: {}\n"),
      (p) => ({ ...p, snippets: [p.snippets[2]!, p.snippets[0]!, p.snippets[1]!], host: "one" }),
      (p) => ({ ...p, snippets: p.snippets.filter((s) => s.name !== "snippets/ntp.bu"), active: "main.bu" }),
      () => "compact",
      () => ({ ...project(1), main: { name: "main.bu", text: `${head}# another project\n` }, origin: "other" }),
      (p) => typed(p, "main.bu", 0, "#"),
    ];
    for (let budget = 0; budget < 200; budget++) {
      const local = new CrashingStorage(budget);
      const store = createProjectStore(local);
      let p = base;
      /** What storage may hold after the crash: the project before the step that crashed, or after it. */
      let candidates: (Project | null)[] | null = null;
      store.save(p);
      if (local.crashed) candidates = [null, p];
      for (const step of steps) {
        if (candidates) break;
        const prev = p;
        const next = step(p);
        if (next === "compact") store.compact();
        else {
          store.save(next);
          p = next;
        }
        if (local.crashed) candidates = [prev, p];
      }
      const restored = createProjectStore(Object.assign(new MemoryStorage(), { map: new Map(local.map) })).load();
      if (!candidates) {
        expect(restored).toEqual(p);
        return;
      }
      expect(candidates).toContainEqual(restored);
    }
    throw new Error("the steps never ran to the end");
  });

  it("reads a project stored in the format before journals, and replaces it at the next save", () => {
    const local = new MemoryStorage();
    const p = project();
    local.setItem(LEGACY_KEY, JSON.stringify({ v: 1, project: p, savedAt: 1 }));
    const store = createProjectStore(local);
    expect(store.load()).toEqual(p);
    store.save(typed(p, "main.bu", 0, "#"));
    expect(local.getItem(LEGACY_KEY)).toBeNull();
    expect(local.getItem(INDEX_KEY)).not.toBeNull();
    expect(createProjectStore(local).load()).toEqual(typed(p, "main.bu", 0, "#"));
  });

  it("closing forgets every entry", () => {
    const local = new MemoryStorage();
    const store = createProjectStore(local);
    store.save(typed(project(), "main.bu", 0, "#"));
    store.clear();
    expect(local.map.size).toBe(0);
  });
});

describe("project autosave", () => {
  const memoryBackup = () => {
    const b = { value: undefined as unknown, failing: false, writes: 0 };
    const backup: ProjectBackup = {
      put(value) {
        b.writes++;
        if (b.failing) return Promise.reject(new DOMException("full", "QuotaExceededError"));
        b.value = value;
        return Promise.resolve();
      },
      get: () => Promise.resolve(b.value),
    };
    return { b, backup };
  };

  it("goes to IndexedDB when localStorage is full, says so, and a reload reads it from there", async () => {
    vi.useFakeTimers();
    try {
      const local = new MemoryStorage();
      const { b, backup } = memoryBackup();
      const states: SaveState[] = [];
      const persistence = createProjectPersistence({ store: createProjectStore(local), backup, onSaved: (s) => states.push(s) });
      let p = project(8);
      persistence.save(p);
      expect(states.at(-1)).toBe(SaveState.Local);
      local.quota = [...local.map.values()].reduce((n, v) => n + v.length, 0) + 10;
      for (let i = 0; i < 20; i++) {
        p = typed(p, "main.bu", 40, "typing more than fits");
        persistence.save(p);
      }
      await persistence.settled();
      expect(states.at(-1)).toBe(SaveState.Backup);
      // The stale copy left localStorage; the backup holds the latest project, in few writes.
      expect(local.map.size).toBe(0);
      expect(b.writes).toBeLessThan(5);
      const reloaded = createProjectPersistence({ store: createProjectStore(local), backup, onSaved: () => {} });
      expect(reloaded.load()).toBeNull();
      expect(await reloaded.loadBackup()).toEqual(p);
      // Room again: the project goes back to localStorage and the backup's copy is deleted.
      local.quota = Infinity;
      reloaded.save(p);
      await reloaded.settled();
      expect(b.value).toBeUndefined();
      expect(createProjectStore(local).load()).toEqual(p);
    } finally {
      vi.useRealTimers();
    }
  });

  it("compacts after a pause", () => {
    vi.useFakeTimers();
    try {
      const local = new MemoryStorage();
      const persistence = createProjectPersistence({ store: createProjectStore(local), backup: null, onSaved: () => {} });
      const p = project();
      persistence.save(p);
      persistence.save(typed(p, "main.bu", 0, "#"));
      expect([...local.map.keys()].some((k) => k.includes(".journal."))).toBe(true);
      vi.advanceTimersByTime(5000);
      expect([...local.map.keys()].some((k) => k.includes(".journal."))).toBe(false);
      expect(createProjectStore(local).load()).toEqual(typed(p, "main.bu", 0, "#"));
    } finally {
      vi.useRealTimers();
    }
  });
});

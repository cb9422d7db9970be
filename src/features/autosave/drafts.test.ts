import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createDraftStore, DRAFT_PREFIX, JOURNAL_PREFIX, MAX_DRAFTS, type StorageLike } from "./drafts.ts";

class MemoryStorage implements StorageLike {
  map = new Map<string, string>();
  quota = Infinity;
  /** Characters written, per key. */
  written = new Map<string, number>();
  get length() {
    return this.map.size;
  }
  key(i: number) {
    return [...this.map.keys()][i] ?? null;
  }
  getItem(k: string) {
    return this.map.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    const used = [...this.map].reduce((n, [key, val]) => n + (key === k ? 0 : val.length), 0);
    if (used + v.length > this.quota) throw new DOMException("full", "QuotaExceededError");
    this.map.set(k, v);
    this.written.set(k, (this.written.get(k) ?? 0) + v.length);
  }
  removeItem(k: string) {
    this.map.delete(k);
  }
}

function clock(start = 1000) {
  let t = start;
  return () => ++t;
}

describe("draft store", () => {
  it("a reload gets the tab's own draft back", () => {
    const local = new MemoryStorage();
    const session = new MemoryStorage();
    const now = clock();
    const a = createDraftStore(local, session, now);
    a.save("one", null);
    a.save("two", "x.bu");
    const reloaded = createDraftStore(local, session, now);
    expect(reloaded.id).toBe(a.id);
    expect(reloaded.initial()).toMatchObject({ source: "two", fileName: "x.bu" });
  });

  it("two tabs keep separate drafts; a new tab starts from the newest", () => {
    const local = new MemoryStorage();
    const now = clock();
    const a = createDraftStore(local, new MemoryStorage(), now);
    const b = createDraftStore(local, new MemoryStorage(), now);
    expect(a.id).not.toBe(b.id);
    a.save("from a", null);
    b.save("from b", null);
    a.save("from a again", null);
    expect(createDraftStore(local, new MemoryStorage(), now).initial()?.source).toBe("from a again");
    expect(a.list().map((d) => d.source)).toEqual(["from a again", "from b"]);
  });

  it("a duplicated tab renews its id and keeps both drafts", () => {
    const local = new MemoryStorage();
    const session = new MemoryStorage();
    const now = clock();
    const original = createDraftStore(local, session, now);
    original.save("original", null);
    const duplicate = createDraftStore(local, session, now); // same sessionStorage copy
    expect(duplicate.id).toBe(original.id);
    duplicate.renew();
    expect(duplicate.id).not.toBe(original.id);
    duplicate.save("duplicate", null);
    expect(original.list().map((d) => d.source).sort()).toEqual(["duplicate", "original"]);
  });

  it("a first visit has no draft", () => {
    expect(createDraftStore(new MemoryStorage(), new MemoryStorage()).initial()).toBeNull();
  });

  it("forks a text into its own draft once", () => {
    const local = new MemoryStorage();
    const s = createDraftStore(local, new MemoryStorage(), clock());
    s.save("mine", null);
    s.fork("old text", "old.bu");
    s.fork("old text", "old.bu");
    expect(s.list().map((d) => d.source).sort()).toEqual(["mine", "old text"]);
    // The tab's own draft is about to be replaced: forking its text keeps a copy.
    s.fork("mine", null);
    s.save("new", null);
    expect(s.list().map((d) => d.source).sort()).toEqual(["mine", "new", "old text"]);
  });

  it("reports a full storage", () => {
    const local = new MemoryStorage();
    local.quota = 150;
    const s = createDraftStore(local, new MemoryStorage(), clock());
    expect(s.save("small", null)).toEqual({ ok: true });
    const r = s.save("x".repeat(500), null);
    expect(r).toMatchObject({ ok: false, quota: true });
    // The previous draft is still there.
    expect(s.initial()?.source).toBe("small");
  });

  it("frees space from old drafts of other tabs when full", () => {
    const local = new MemoryStorage();
    const now = clock();
    const other = createDraftStore(local, new MemoryStorage(), now);
    other.save("x".repeat(300), null);
    for (let i = 0; i < MAX_DRAFTS + 3; i++) other.fork(`old ${i}`, null);
    const mine = createDraftStore(local, new MemoryStorage(), now);
    local.quota = [...local.map.values()].reduce((n, v) => n + v.length, 0) + 50;
    const r = mine.save("y".repeat(200), null);
    expect(r).toEqual({ ok: true });
    expect(mine.list().length).toBeLessThanOrEqual(MAX_DRAFTS);
  });

  it("ignores foreign and broken entries", () => {
    const local = new MemoryStorage();
    local.setItem("other", "{}");
    local.setItem(DRAFT_PREFIX + "bad", "{not json");
    local.setItem(DRAFT_PREFIX + "v2", JSON.stringify({ v: 2, id: "v2", source: "x" }));
    expect(createDraftStore(local, new MemoryStorage()).list()).toEqual([]);
  });

  describe("journal of small edits", () => {
    const big = Array.from({ length: 2000 }, (_, i) => `line ${i}: some text of a config`).join("\n");

    it("a keystroke writes the edit, not the whole text, and a reload has every keystroke", () => {
      const local = new MemoryStorage();
      const session = new MemoryStorage();
      const s = createDraftStore(local, session, clock());
      s.save(big, "big.bu");
      const snapshotChars = local.written.get(DRAFT_PREFIX + s.id)!;
      let text = big;
      for (const ch of "hostname") {
        text = text.slice(0, 500) + ch + text.slice(500);
        expect(s.save(text, "big.bu")).toEqual({ ok: true });
      }
      // The snapshot was not rewritten; the journal writes stayed small.
      expect(local.written.get(DRAFT_PREFIX + s.id)).toBe(snapshotChars);
      expect(local.written.get(JOURNAL_PREFIX + s.id)!).toBeLessThan(big.length / 10);
      expect(createDraftStore(local, session, clock(5000)).initial()).toMatchObject({ source: text, fileName: "big.bu" });
    });

    it("compacting folds the journal into the snapshot", () => {
      const local = new MemoryStorage();
      const session = new MemoryStorage();
      const s = createDraftStore(local, session, clock());
      s.save("abc", null);
      s.save("abXc", null);
      expect(local.getItem(JOURNAL_PREFIX + s.id)).not.toBeNull();
      expect(s.compact()).toEqual({ ok: true });
      expect(local.getItem(JOURNAL_PREFIX + s.id)).toBeNull();
      expect(JSON.parse(local.getItem(DRAFT_PREFIX + s.id)!).source).toBe("abXc");
      expect(createDraftStore(local, session).initial()?.source).toBe("abXc");
    });

    it("a long run of edits rolls over into a new snapshot", () => {
      const local = new MemoryStorage();
      const session = new MemoryStorage();
      const s = createDraftStore(local, session, clock());
      let text = "x";
      s.save(text, null);
      for (let i = 0; i < 1000; i++) s.save((text += String(i % 10)), null);
      const journal = local.getItem(JOURNAL_PREFIX + s.id);
      expect(journal === null || (JSON.parse(journal) as { edits: unknown[] }).edits.length <= 200).toBe(true);
      expect(createDraftStore(local, session).initial()?.source).toBe(text);
    });

    it("a journal left from an older snapshot (a crash between two writes) is not applied", () => {
      const local = new MemoryStorage();
      const session = new MemoryStorage();
      const s = createDraftStore(local, session, clock());
      s.save("first", null);
      s.save("first!", null);
      const stale = local.getItem(JOURNAL_PREFIX + s.id)!;
      // A reloaded tab writes a new snapshot; the crash happens before the old journal is removed.
      const reloaded = createDraftStore(local, session, clock(9000));
      reloaded.save("second", null);
      local.setItem(JOURNAL_PREFIX + s.id, stale);
      expect(createDraftStore(local, session).initial()?.source).toBe("second");
    });

    it("a broken journal leaves the snapshot readable", () => {
      const local = new MemoryStorage();
      const session = new MemoryStorage();
      const s = createDraftStore(local, session, clock());
      s.save("safe", null);
      s.save("safe?", null);
      local.setItem(JOURNAL_PREFIX + s.id, JSON.stringify({ g: 1, edits: [[99, 5, "x"]] }));
      expect(createDraftStore(local, session).initial()?.source).toBe("safe");
      local.setItem(JOURNAL_PREFIX + s.id, "{oops");
      expect(createDraftStore(local, session).initial()?.source).toBe("safe");
    });

    it("another tab sees journal writes as changes of the whole draft", () => {
      const local = new MemoryStorage();
      const a = createDraftStore(local, new MemoryStorage(), clock());
      const b = createDraftStore(local, new MemoryStorage(), clock(100));
      a.save("shared text", null);
      a.save("shared text, edited", null);
      expect(b.changed(JOURNAL_PREFIX + a.id)).toMatchObject({ id: a.id, source: "shared text, edited" });
      expect(b.changed(DRAFT_PREFIX + a.id)?.source).toBe("shared text, edited");
      expect(b.changed("unrelated")).toBeNull();
      expect(b.list().map((d) => d.source)).toEqual(["shared text, edited"]);
    });

    it("any sequence of edits, saves and compactions reloads to the last text", () => {
      fc.assert(
        fc.property(
          fc.array(
            fc.oneof(
              fc.record({ at: fc.nat(), del: fc.nat({ max: 20 }), ins: fc.string({ maxLength: 30, unit: "binary" }) }),
              fc.constant("compact" as const),
            ),
            { maxLength: 80 },
          ),
          (steps) => {
            const local = new MemoryStorage();
            const session = new MemoryStorage();
            const s = createDraftStore(local, session, clock());
            let text = "start\n";
            s.save(text, null);
            for (const step of steps) {
              if (step === "compact") {
                s.compact();
                continue;
              }
              const at = step.at % (text.length + 1);
              text = text.slice(0, at) + step.ins + text.slice(at + step.del);
              s.save(text, null);
            }
            return createDraftStore(local, session).initial()?.source === text;
          },
        ),
        { numRuns: 300 },
      );
    });
  });
});

import { describe, expect, it } from "vitest";
import { createDraftStore, DRAFT_PREFIX, MAX_DRAFTS, type StorageLike } from "./drafts.ts";

class MemoryStorage implements StorageLike {
  map = new Map<string, string>();
  quota = Infinity;
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
    local.quota = 100;
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
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createDraftStore, DRAFT_PREFIX, JOURNAL_PREFIX, LEASE_PREFIX, LEASE_TTL_MS, MAX_DRAFTS } from "./drafts.ts";
import { MemoryStorage, used } from "./quota-storage.test-helpers.ts";

function clock(start = 1000) {
  let t = start;
  return () => ++t;
}

/** A clock the test moves: `at.t` is the time. */
function manualClock(start = 1000) {
  const at = { t: start };
  return Object.assign(() => at.t, { at });
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
    expect(
      original
        .list()
        .map((d) => d.source)
        .sort(),
    ).toEqual(["duplicate", "original"]);
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
    expect(
      s
        .list()
        .map((d) => d.source)
        .sort(),
    ).toEqual(["mine", "old text"]);
    // The tab's own draft is about to be replaced: forking its text keeps a copy.
    s.fork("mine", null);
    s.save("new", null);
    expect(
      s
        .list()
        .map((d) => d.source)
        .sort(),
    ).toEqual(["mine", "new", "old text"]);
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

  describe("a full storage is never reported as saved", () => {
    /** Storage holding other tabs' drafts with `room` characters left. */
    function nearlyFull(room: number) {
      const local = new MemoryStorage();
      const now = clock();
      for (let i = 0; i < 3; i++) createDraftStore(local, new MemoryStorage(), now).save(`other ${i} `.repeat(100), null);
      local.quota = used(local) + room;
      return { local, now };
    }

    it("compaction after a failed save retries it instead of reporting success", () => {
      const { local, now } = nearlyFull(200);
      const session = new MemoryStorage();
      const s = createDraftStore(local, session, now);
      expect(s.save("mine", null)).toEqual({ ok: true });
      const big = "pasted ".repeat(100);
      expect(s.save(big, null)).toMatchObject({ ok: false, quota: true });
      expect(s.stored()).toBe(false);
      // The pause after the paste: the old code folded the (empty) journal and said ok.
      expect(s.compact()).toMatchObject({ ok: false, quota: true });
      expect(s.stored()).toBe(false);
      expect(createDraftStore(local, session, now).initial()?.source).toBe("mine");
      // Space comes back (another tab's draft is deleted): the next pause stores the text.
      local.quota = Infinity;
      expect(s.compact()).toEqual({ ok: true });
      expect(s.stored()).toBe(true);
      expect(createDraftStore(local, session, now).initial()?.source).toBe(big);
    });

    it("never deletes another draft to make room by itself", () => {
      const { local, now } = nearlyFull(50);
      const before = createDraftStore(local, new MemoryStorage(), now)
        .list()
        .map((d) => d.id);
      const s = createDraftStore(local, new MemoryStorage(), now);
      expect(s.save("x".repeat(2000), null)).toMatchObject({ ok: false });
      expect(s.list().map((d) => d.id)).toEqual(before);
    });

    it("makeRoom deletes the oldest unleased other drafts, only as many as needed", () => {
      const { local, now } = nearlyFull(10_000);
      const live = createDraftStore(local, new MemoryStorage(), now);
      live.save("live ".repeat(50), null);
      live.touch();
      local.quota = used(local);
      const s = createDraftStore(local, new MemoryStorage(), now);
      const text = "mine ".repeat(100);
      expect(s.save(text, null)).toMatchObject({ ok: false });
      const oldest = s.deletable();
      expect(oldest.map((d) => d.source.slice(0, 7))).toEqual(["other 0", "other 1", "other 2"]);
      const { removed, result } = s.makeRoom();
      expect(result).toEqual({ ok: true });
      expect(removed.map((d) => d.id)).toEqual([oldest[0]?.id]);
      expect(s.stored()).toBe(true);
      expect(
        s
          .list()
          .map((d) => d.source.slice(0, 5))
          .sort(),
      ).toEqual(["live ", "mine ", "other", "other"]);
    });

    it("makeRoom never deletes a live tab's draft, and says when it could not make enough room", () => {
      const local = new MemoryStorage();
      const now = clock();
      const live = createDraftStore(local, new MemoryStorage(), now);
      live.save("live ".repeat(50), null);
      live.touch();
      local.quota = used(local) + 100;
      const s = createDraftStore(local, new MemoryStorage(), now);
      expect(s.save("mine ".repeat(100), null)).toMatchObject({ ok: false });
      expect(s.deletable()).toEqual([]);
      expect(s.makeRoom()).toMatchObject({ removed: [], result: { ok: false, quota: true } });
      expect(s.list().map((d) => d.id)).toEqual([live.id]);
    });
  });

  describe("leases", () => {
    it("pruning never deletes a draft whose tab is open, however many tabs save after it", () => {
      const local = new MemoryStorage();
      const now = manualClock();
      const idle = createDraftStore(local, new MemoryStorage(), now);
      idle.touch();
      now.at.t += 10;
      idle.save("idle tab's text", null);
      for (let i = 0; i < 2 * MAX_DRAFTS; i++) {
        now.at.t += 10;
        const other = createDraftStore(local, new MemoryStorage(), now);
        other.save(`tab ${i}`, null);
        other.release(); // closed: its draft may be pruned
      }
      const sources = idle.list().map((d) => d.source);
      expect(sources).toContain("idle tab's text");
      expect(sources.length).toBe(MAX_DRAFTS);
      // Without the lease (the old behaviour) the idle draft is the oldest: it would be the first to go.
    });

    it("a crashed tab's lease expires, and then its draft can be pruned", () => {
      const local = new MemoryStorage();
      const now = manualClock();
      const crashed = createDraftStore(local, new MemoryStorage(), now);
      crashed.touch();
      crashed.save("crashed tab", null);
      const fill = () => {
        for (let i = 0; i < MAX_DRAFTS; i++) {
          now.at.t += 10;
          const other = createDraftStore(local, new MemoryStorage(), now);
          other.save(`tab ${now.at.t}`, null);
          other.release();
        }
      };
      fill();
      expect(crashed.list().map((d) => d.source)).toContain("crashed tab");
      now.at.t += LEASE_TTL_MS;
      fill();
      expect(crashed.list().map((d) => d.source)).not.toContain("crashed tab");
      expect(local.getItem(LEASE_PREFIX + crashed.id)).toBeNull();
    });

    it("a tab protects a draft it holds (offered to the user), and its own after a renew", () => {
      const local = new MemoryStorage();
      const now = manualClock();
      const tab = createDraftStore(local, new MemoryStorage(), now);
      tab.save("big draft", null);
      const bigId = tab.id;
      tab.hold(bigId);
      tab.renew();
      tab.save("new text", null);
      for (let i = 0; i < 2 * MAX_DRAFTS; i++) {
        now.at.t += 10;
        const other = createDraftStore(local, new MemoryStorage(), now);
        other.save(`tab ${i}`, null);
        other.release();
      }
      expect(tab.list().map((d) => d.source)).toEqual(expect.arrayContaining(["big draft", "new text"]));
      tab.release();
      expect([...local.map.keys()].filter((k) => k.startsWith(LEASE_PREFIX))).toEqual([]);
    });

    it("a tab rewrites its draft when another tab deleted it", () => {
      const local = new MemoryStorage();
      const session = new MemoryStorage();
      const s = createDraftStore(local, session, clock());
      expect(s.ensure()).toBeNull();
      s.save("abc", null);
      s.save("abcd", null); // a journal entry
      expect(s.ensure()).toBeNull();
      local.removeItem(DRAFT_PREFIX + s.id);
      expect(s.ensure()).toEqual({ ok: true });
      expect(createDraftStore(local, session).initial()?.source).toBe("abcd");
      s.save("abcde", null);
      expect(createDraftStore(local, session).initial()?.source).toBe("abcde");
    });
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
            fc.oneof(fc.record({ at: fc.nat(), del: fc.nat({ max: 20 }), ins: fc.string({ maxLength: 30, unit: "binary" }) }), fc.constant("compact" as const)),
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

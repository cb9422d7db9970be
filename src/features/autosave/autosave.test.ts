import { beforeEach, describe, expect, it } from "vitest";
import { initialState, SaveState, useStudioStore } from "../../store/store.ts";
import { createAutosave } from "./autosave.ts";
import { createMemoryBackup } from "./draft-backup.ts";
import { createDraftStore, DRAFT_PREFIX } from "./drafts.ts";
import { MemoryStorage, used } from "./quota-storage.test-helpers.ts";
import { chooseRestore } from "./restore.ts";

/** A tab whose localStorage holds two old drafts of other tabs and `room` characters more. */
function setup(room: number) {
  let t = 1000;
  const now = () => ++t;
  const local = new MemoryStorage();
  for (const name of ["oldest", "older"]) createDraftStore(local, new MemoryStorage(), now).save(`# ${name}\n${"x".repeat(300)}`, null);
  local.quota = used(local) + room;
  const session = new MemoryStorage();
  const drafts = createDraftStore(local, session, now);
  const backup = createMemoryBackup();
  const autosave = createAutosave({ drafts, backup, now, newId: () => `fork-${++t}` });
  /** The user's edit, as the effects pass it on. */
  const edit = (source: string) => {
    useStudioStore.setState({ source });
    autosave.save(source, null);
  };
  /** What a reload of this tab shows. */
  const reload = async () => {
    const again = createDraftStore(local, session, now);
    return chooseRestore(again.id, again.list(), await backup.all())?.source;
  };
  return { local, drafts, backup, autosave, edit, reload };
}

const state = () => useStudioStore.getState();
const notice = () => state().notices.find((n) => n.id === "autosave");

beforeEach(() => useStudioStore.setState(initialState(), true));

describe("autosave", () => {
  it("a full localStorage: the text goes to the backup, and the status says so (never plain saved)", async () => {
    const { autosave, edit, reload, backup, drafts } = setup(400);
    edit("mine");
    expect(state().saved).toBe(SaveState.Local);
    const big = "pasted ".repeat(100);
    edit(big);
    expect(state().saved).toBe(SaveState.Saving);
    await autosave.settled();
    expect(state().saved).toBe(SaveState.Backup);
    expect(notice()).toMatchObject({ kind: "warning", text: expect.stringContaining("IndexedDB") });
    expect(backup.map.get(drafts.id)?.source).toBe(big);
    // The pause after the edit (compaction) retries localStorage; it is still full: nothing changes,
    // not even for a moment.
    const seen: string[] = [];
    const unsubscribe = useStudioStore.subscribe((st) => seen.push(st.saved));
    autosave.pause();
    await autosave.settled();
    unsubscribe();
    expect(state().saved).toBe(SaveState.Backup);
    expect(seen.filter((x) => x !== SaveState.Backup)).toEqual([]);
    expect(await reload()).toBe(big);
  });

  it("a later edit that fits localStorage again takes the text back there and empties the backup", async () => {
    const { autosave, edit, reload, backup } = setup(400);
    edit("pasted ".repeat(100));
    await autosave.settled();
    expect(state().saved).toBe(SaveState.Backup);
    edit("short again");
    expect(state().saved).toBe(SaveState.Local);
    expect(notice()).toBeUndefined();
    await autosave.settled();
    expect(backup.map.size).toBe(0);
    expect(await reload()).toBe("short again");
  });

  it("a backup write that finishes after a newer edit was stored locally does not change the status", async () => {
    const { autosave, edit, backup } = setup(400);
    edit("pasted ".repeat(100));
    edit("fits");
    await autosave.settled();
    expect(state().saved).toBe(SaveState.Local);
    expect(backup.map.size).toBe(0);
  });

  it("a compaction that does not fit leaves the text stored as snapshot and journal", async () => {
    const { autosave, edit, reload, backup, local } = setup(700);
    edit("x".repeat(300));
    edit("x".repeat(300) + "y");
    local.quota = used(local);
    autosave.pause();
    await autosave.settled();
    expect(state().saved).toBe(SaveState.Local);
    expect(backup.map.size).toBe(0);
    expect(await reload()).toBe("x".repeat(300) + "y");
  });

  it("when the backup fails too, the text is reported unsaved with a download", async () => {
    const { autosave, edit, backup } = setup(400);
    backup.failing = true;
    edit("pasted ".repeat(100));
    await autosave.settled();
    expect(state().saved).toBe(SaveState.Unsaved);
    expect(notice()).toMatchObject({ kind: "error", text: expect.stringMatching(/NOT saved/) });
    expect(notice()?.actions?.map((a) => a.label)).toEqual(["Download", "Make room: delete the oldest other drafts"]);
    autosave.pause();
    await autosave.settled();
    expect(state().saved).toBe(SaveState.Unsaved);
  });

  it("making room (the user's choice) deletes the oldest other draft and stores the text locally", async () => {
    const { autosave, edit, reload, local, drafts } = setup(400);
    const big = "pasted ".repeat(100);
    edit(big);
    await autosave.settled();
    const button = notice()?.actions?.find((a) => a.label.startsWith("Make room"));
    expect(button).toBeDefined();
    button?.run();
    expect(state().saved).toBe(SaveState.Local);
    expect(state().notices.find((n) => n.id === "make-room")?.text).toMatch(/Deleted 1 older draft \(“oldest”\)/);
    expect(drafts.list().map((d) => d.source.slice(0, 7))).toEqual(["pasted ", "# older"]);
    expect(local.getItem(DRAFT_PREFIX + drafts.id)).not.toBeNull();
    await autosave.settled();
    expect(await reload()).toBe(big);
  });

  it("a replaced text is kept as a draft, in the backup when localStorage is full", async () => {
    const { autosave, backup } = setup(100);
    autosave.keep("replaced ".repeat(50), "old.bu");
    await new Promise((r) => setTimeout(r, 0));
    expect([...backup.map.values()].map((d) => d.fileName)).toEqual(["old.bu"]);
    expect(autosave.backups().map((d) => d.fileName)).toEqual(["old.bu"]);
  });
});

describe("chooseRestore", () => {
  const d = (id: string, savedAt: number, source = id) => ({ v: 1 as const, id, source, fileName: null, savedAt });
  it("takes the newer copy of this tab's draft from either store", () => {
    expect(chooseRestore("me", [d("me", 5, "local")], [d("me", 7, "backup")])?.source).toBe("backup");
    expect(chooseRestore("me", [d("me", 9, "local")], [d("me", 7, "backup")])?.source).toBe("local");
  });
  it("prefers this tab's draft over newer ones of other tabs", () => {
    expect(chooseRestore("me", [d("other", 9)], [d("me", 1)])?.id).toBe("me");
  });
  it("without one, takes the newest of any tab", () => {
    expect(chooseRestore("me", [d("a", 3)], [d("b", 4)])?.id).toBe("b");
    expect(chooseRestore("me", [], [])).toBeNull();
  });
});

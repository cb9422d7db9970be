import { beforeEach, describe, expect, it } from "vitest";
import { initialState, useStudioStore } from "../../store/store.ts";
import { createAutosave } from "./autosave.ts";
import { createMemoryBackup } from "./draft-backup.ts";
import { createDraftStore } from "./drafts.ts";
import { MemoryStorage, used } from "./quota-storage.test-helpers.ts";
import { chooseRestore } from "./restore.ts";
import { reloadKeepsText } from "./reload-safe.ts";

const WELCOME = "variant: fcos\nversion: 1.6.0\n";

/** A tab over a shared localStorage; `room` limits what more it can hold. */
function tab(local = new MemoryStorage()) {
  let t = 1000;
  const now = () => ++t;
  const session = new MemoryStorage();
  const drafts = createDraftStore(local, session, now);
  const backup = createMemoryBackup();
  const autosave = createAutosave({ drafts, backup, now, newId: () => `fork-${++t}` });
  let saves = 0;
  const counted = { ...autosave, save: (s: string, f: string | null) => (saves++, autosave.save(s, f)) };
  const deps = { drafts, autosave: counted, backup, fallback: WELCOME };
  /** The user's edit, as the effects pass it on. */
  const edit = (source: string) => {
    useStudioStore.setState({ source });
    autosave.save(source, null);
  };
  /** What this tab shows after a reload. */
  const reload = async () => {
    const again = createDraftStore(local, session, now);
    return chooseRestore(again.id, again.list(), await backup.all())?.source ?? WELCOME;
  };
  return { local, drafts, backup, autosave, deps, edit, reload, saves: () => saves };
}

beforeEach(() => useStudioStore.setState(initialState(), true));

describe("reloadKeepsText", () => {
  it("an edit already in localStorage: yes, without saving again", async () => {
    const t = tab();
    t.edit(`${WELCOME}# mine\n`);
    expect(await reloadKeepsText(t.deps, `${WELCOME}# mine\n`, null)).toBe(true);
    expect(t.saves()).toBe(0);
    expect(await t.reload()).toBe(`${WELCOME}# mine\n`);
  });

  it("a tab that never edited shows the welcome config again: yes", async () => {
    const t = tab();
    expect(await reloadKeepsText(t.deps, WELCOME, null)).toBe(true);
    expect(t.saves()).toBe(0);
  });

  it("a text the draft does not hold yet is saved, then read back", async () => {
    const t = tab();
    t.edit(`${WELCOME}# older\n`);
    expect(await reloadKeepsText(t.deps, `${WELCOME}# newer\n`, "mine.bu")).toBe(true);
    expect(t.saves()).toBe(1);
    expect(await t.reload()).toBe(`${WELCOME}# newer\n`);
  });

  it("another tab's newer draft would replace the welcome config: this tab's text is saved first", async () => {
    const local = new MemoryStorage();
    const other = tab(local);
    other.edit(`${WELCOME}# other tab\n`);
    const t = tab(local);
    expect(await t.reload()).toBe(`${WELCOME}# other tab\n`);
    expect(await reloadKeepsText(t.deps, WELCOME, null)).toBe(true);
    expect(await t.reload()).toBe(WELCOME);
  });

  it("localStorage full: the text in the backup counts", async () => {
    const local = new MemoryStorage();
    const t = tab(local);
    t.edit(WELCOME);
    local.quota = used(local) + 10;
    t.edit(`${WELCOME}# ${"x".repeat(400)}\n`);
    await t.autosave.settled();
    expect(t.backup.map.size).toBe(1);
    expect(await reloadKeepsText(t.deps, `${WELCOME}# ${"x".repeat(400)}\n`, null)).toBe(true);
    expect(await t.reload()).toBe(`${WELCOME}# ${"x".repeat(400)}\n`);
  });

  it("nowhere to store the text: no (a reload would lose it)", async () => {
    const local = new MemoryStorage();
    const t = tab(local);
    t.edit(WELCOME);
    local.quota = used(local) + 10;
    t.backup.failing = true;
    const text = `${WELCOME}# ${"x".repeat(400)}\n`;
    t.edit(text);
    expect(await reloadKeepsText(t.deps, text, null)).toBe(false);
    expect(await t.reload()).not.toBe(text);
  });
});

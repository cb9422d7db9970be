import { beforeEach, describe, expect, it } from "vitest";
import { initialState, useStudioStore } from "../../store/store.ts";
import { offerUpdate, UPDATE_NOTICE, type UpdateDeps } from "./update-offer.ts";

const notice = () => useStudioStore.getState().notices.find((n) => n.id === UPDATE_NOTICE);
const press = async (label: string) => {
  const action = notice()?.actions?.find((a) => a.label === label);
  if (!action) throw new Error(`no "${label}" button`);
  action.run();
  for (let i = 0; i < 10; i++) await Promise.resolve();
};

/** Deps that log what happened; `stored` answers keepsDraft in turn. */
function deps(...stored: boolean[]) {
  const log: string[] = [];
  const d: UpdateDeps = {
    keepsDraft: () => {
      const ok = stored.shift() ?? true;
      log.push(`keepsDraft ${ok}`);
      return Promise.resolve(ok);
    },
    activate: () => (log.push("activate"), Promise.resolve()),
    reload: () => void log.push("reload"),
    download: () => void log.push("download"),
  };
  return { d, log };
}

beforeEach(() => useStudioStore.setState(initialState(), true));

describe("offerUpdate", () => {
  it("only offers: nothing happens until the user chooses Reload", () => {
    const { d, log } = deps();
    offerUpdate(d);
    expect(notice()).toMatchObject({ kind: "info", text: expect.stringContaining("A new version of Kindling is ready") });
    expect(notice()?.actions?.map((a) => a.label)).toEqual(["Reload"]);
    expect(log).toEqual([]);
  });

  it("Reload: the draft is checked before the new version takes over, and again before reloading", async () => {
    const { d, log } = deps(true, true);
    offerUpdate(d);
    await press("Reload");
    expect(log).toEqual(["keepsDraft true", "activate", "keepsDraft true", "reload"]);
  });

  it("a draft that cannot be stored: no reload, the user is told and can download it", async () => {
    const { d, log } = deps(false);
    offerUpdate(d);
    await press("Reload");
    expect(log).toEqual(["keepsDraft false"]);
    expect(notice()).toMatchObject({ kind: "warning", text: expect.stringContaining("reloading would lose it") });
    await press("Download");
    expect(log).toContain("download");
    // Once there is room, Reload works.
    await press("Reload");
    expect(log.slice(-4)).toEqual(["keepsDraft true", "activate", "keepsDraft true", "reload"]);
  });

  it("an edit that cannot be stored while the new version takes over stops the reload", async () => {
    const { d, log } = deps(true, false);
    offerUpdate(d);
    await press("Reload");
    expect(log).toEqual(["keepsDraft true", "activate", "keepsDraft false"]);
    expect(notice()?.kind).toBe("warning");
  });
});

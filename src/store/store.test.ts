import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { TranspileResult } from "../transpiler/index.ts";
import type { TranspileOutcome } from "../worker/client.ts";
import { MAX_EDITOR_TEXT } from "../lib/size-limits.ts";
import { startEffects } from "./effects.ts";
import { onOutput } from "./output-feed.ts";
import {
  applyResult,
  dismissNotice,
  initialState,
  loadDocument,
  notify,
  revealInEditor,
  SaveState,
  setFiles,
  setSaved,
  setOptions,
  setSource,
  Status,
  useStudioStore,
} from "./store.ts";

const ok = (output: string | null, extra: Partial<TranspileResult> = {}): TranspileResult => ({
  output,
  config: output === null ? null : {},
  outputFormat: "json",
  diagnostics: [],
  ...extra,
});

beforeEach(() => useStudioStore.setState(initialState(), true));

describe("store actions", () => {
  it("setSource bumps the revision and marks the result pending", () => {
    setSource("a");
    expect(useStudioStore.getState()).toMatchObject({ source: "a", rev: 1, status: "pending", sourceOrigin: "external" });
    setSource("a", "editor");
    expect(useStudioStore.getState().rev).toBe(1);
    setSource("ab", "editor");
    expect(useStudioStore.getState()).toMatchObject({ rev: 2, sourceOrigin: "editor" });
    setSource("abc", "forms");
    expect(useStudioStore.getState()).toMatchObject({ source: "abc", rev: 3, sourceOrigin: "forms" });
  });

  it("text from outside the editor larger than the editor takes is refused with a notice; the editor's own is kept", () => {
    setSource("mine");
    const big = "x".repeat(MAX_EDITOR_TEXT + 1);
    expect(loadDocument(big, "big.bu")).toBe(false);
    expect(setSource(big, "forms")).toBe(false);
    expect(useStudioStore.getState()).toMatchObject({ source: "mine", fileName: null, rev: 1 });
    expect(useStudioStore.getState().notices).toEqual([
      expect.objectContaining({ id: "too-large", kind: "error", text: expect.stringContaining("Your current text was not changed") }),
    ]);
    // Text already in the editor is the user's: the store takes it, so the autosave has it.
    expect(setSource(big, "editor")).toBe(true);
    expect(useStudioStore.getState().source).toBe(big);
  });

  it("loadDocument sets the file name with the text", () => {
    loadDocument("x", "server.bu");
    expect(useStudioStore.getState()).toMatchObject({ source: "x", fileName: "server.bu" });
  });

  it("applyResult keeps the last good output when the new one fails", () => {
    setSource("a");
    applyResult(ok('{"a":1}\n', { variant: "fcos", version: "1.6.0", ignitionVersion: "3.5.0" }));
    expect(useStudioStore.getState()).toMatchObject({
      status: "ready",
      spec: { variant: "fcos", version: "1.6.0" },
      lastGood: { output: '{"a":1}\n', ignitionVersion: "3.5.0" },
    });
    setSource("b");
    applyResult(ok(null, { failure: "Error translating config: source config is invalid" }));
    const s = useStudioStore.getState();
    expect(s.result?.failure).toMatch(/invalid/);
    expect(s.lastGood?.output).toBe('{"a":1}\n');
    expect(s.spec).toEqual({ variant: "fcos", version: "1.6.0" });
  });

  it("a result for an older revision leaves the status pending", () => {
    setSource("a");
    const rev = useStudioStore.getState().rev;
    setSource("ab");
    applyResult(ok("{}\n"), rev);
    expect(useStudioStore.getState().status).toBe(Status.Pending);
  });

  it("notices replace by id and dismiss", () => {
    notify({ id: "x", kind: "info", text: "one" });
    notify({ id: "x", kind: "info", text: "two" });
    notify({ id: "y", kind: "error", text: "three" });
    expect(useStudioStore.getState().notices.map((n) => n.text)).toEqual(["two", "three"]);
    dismissNotice("x");
    expect(useStudioStore.getState().notices.map((n) => n.id)).toEqual(["y"]);
  });

  it("reveal requests are distinct even for the same place", () => {
    revealInEditor(3, 4);
    const a = useStudioStore.getState().reveal;
    revealInEditor(3, 4);
    expect(useStudioStore.getState().reveal).toEqual({ line: 3, column: 4, seq: (a?.seq ?? 0) + 1 });
  });

  it("setFiles sorts by path", () => {
    setFiles([
      { path: "b", data: new Uint8Array(), mode: 0o644 },
      { path: "a/c", data: new Uint8Array(), mode: 0o644 },
    ]);
    expect(useStudioStore.getState().files.map((f) => f.path)).toEqual(["a/c", "b"]);
  });
});

describe("effects", () => {
  let log: string[];
  let answer: (source: string) => TranspileOutcome;
  const client = {
    transpile: vi.fn(async (source: string) => {
      log.push(`transpile:${source}`);
      return answer(source);
    }),
    compose: vi.fn(async () => ({ kind: "superseded" }) as const),
    setFiles: vi.fn(),
  };
  const autosave = {
    save: vi.fn((source: string) => {
      log.push(`save:${source}`);
    }),
    pause: vi.fn(),
  };

  beforeEach(() => {
    vi.useFakeTimers();
    log = [];
    answer = (s) => ({ kind: "result", result: ok(`out:${s}\n`), ms: 1 });
    client.transpile.mockClear();
  });
  afterEach(() => vi.useRealTimers());

  it("saves every edit before the debounced transpile, and coalesces edits", async () => {
    setSource("v0");
    const stop = startEffects({ client, autosave, debounceMs: 50 });
    await vi.runAllTimersAsync();
    setSource("v1", "editor");
    setSource("v12", "editor");
    setSource("v123", "editor");
    expect(log).toEqual(["transpile:v0", "save:v1", "save:v12", "save:v123"]);
    await vi.advanceTimersByTimeAsync(50);
    expect(log.at(-1)).toBe("transpile:v123");
    expect(client.transpile).toHaveBeenCalledTimes(2);
    expect(useStudioStore.getState()).toMatchObject({ status: "ready", lastGood: { output: "out:v123\n" } });
    stop();
  });

  it("without a debounce, an edit in the editor is sent at once", async () => {
    const stop = startEffects({ client, autosave });
    await vi.runAllTimersAsync();
    client.transpile.mockClear();
    setSource("a", "editor");
    expect(client.transpile).toHaveBeenCalledTimes(1);
    expect(client.transpile).toHaveBeenLastCalledWith("a", { strict: false, pretty: true, raw: false });
    await vi.runAllTimersAsync();
    expect(client.transpile).toHaveBeenCalledTimes(1);
    stop();
  });

  it("a keystroke is posted to the worker first, and saved in the same task", async () => {
    const stop = startEffects({ client, autosave });
    await vi.runAllTimersAsync();
    log = [];
    setSource("ab", "editor");
    expect(log).toEqual(["transpile:ab", "save:ab"]);
    // Any other change is saved first, then sent after the task.
    log = [];
    setSource("abc", "external");
    expect(log).toEqual(["save:abc"]);
    await Promise.resolve();
    expect(log).toEqual(["save:abc", "transpile:abc"]);
    stop();
  });

  it("without a debounce, other changes go right after the task, one request for the changes made together", async () => {
    const stop = startEffects({ client, autosave });
    await vi.runAllTimersAsync();
    client.transpile.mockClear();
    setSource("a", "external");
    setOptions({ pretty: false });
    expect(client.transpile).not.toHaveBeenCalled();
    await Promise.resolve();
    expect(client.transpile).toHaveBeenCalledTimes(1);
    expect(client.transpile).toHaveBeenLastCalledWith("a", { strict: false, pretty: false, raw: false });
    stop();
  });

  it("option and file changes retranspile", async () => {
    const stop = startEffects({ client, autosave, debounceMs: 10 });
    await vi.runAllTimersAsync();
    setOptions({ strict: true });
    await vi.runAllTimersAsync();
    expect(client.transpile).toHaveBeenLastCalledWith("", { strict: true, pretty: true, raw: false });
    const files = [{ path: "a", data: new Uint8Array([1]), mode: 0o644 }];
    setFiles(files);
    expect(client.setFiles).toHaveBeenLastCalledWith(files);
    await vi.runAllTimersAsync();
    expect(client.transpile).toHaveBeenCalledTimes(3);
    stop();
  });

  describe("with frames", () => {
    // One frame every 16 ms (in Node there is no requestAnimationFrame: results apply at once).
    beforeEach(() => vi.stubGlobal("requestAnimationFrame", (cb: FrameRequestCallback) => setTimeout(() => cb(performance.now()), 16)));
    afterEach(() => vi.unstubAllGlobals());

    it("hands a new output to the output view at once, and the result to the store after the next paint", async () => {
      const seen: string[] = [];
      const off = onOutput((g) => seen.push(`${g.output}| store has ${useStudioStore.getState().result?.output ?? "nothing"}`));
      setSource("a");
      const stop = startEffects({ client, autosave });
      await vi.advanceTimersByTimeAsync(0);
      expect(seen).toEqual(["out:a\n| store has nothing"]);
      expect(useStudioStore.getState().status).toBe("pending");
      await vi.advanceTimersByTimeAsync(20);
      expect(useStudioStore.getState()).toMatchObject({ status: "ready", result: { output: "out:a\n" }, lastGood: { output: "out:a\n" } });
      off();
      stop();
    });

    it("only the newest of the answers waiting for a paint reaches the store, and a crash after them is kept", async () => {
      setSource("a");
      const stop = startEffects({ client, autosave });
      await vi.advanceTimersByTimeAsync(0);
      answer = () => ({ kind: "crash", message: "boom" });
      setSource("b", "editor");
      await vi.advanceTimersByTimeAsync(0);
      // The waiting answer for "a" went in first; the crash of "b" is what the studio shows.
      expect(useStudioStore.getState()).toMatchObject({ status: "crash", result: { output: "out:a\n" } });
      await vi.advanceTimersByTimeAsync(100);
      expect(useStudioStore.getState()).toMatchObject({ status: "crash", workerProblem: expect.stringMatching(/boom/) });
      stop();
    });
  });

  it("drops superseded answers", async () => {
    answer = () => ({ kind: "superseded" });
    setSource("x");
    const stop = startEffects({ client, autosave });
    await vi.runAllTimersAsync();
    expect(useStudioStore.getState()).toMatchObject({ status: "pending", result: null });
    stop();
  });

  it("tells the user when the worker timed out, and clears it on the next answer", async () => {
    answer = () => ({ kind: "timeout", timeoutMs: 5000 });
    setSource("hang");
    const stop = startEffects({ client, autosave });
    await vi.runAllTimersAsync();
    const s = useStudioStore.getState();
    expect(s.status).toBe("timeout");
    expect(s.notices).toEqual([expect.objectContaining({ id: "worker", text: expect.stringMatching(/last edit could not be processed/) })]);
    answer = (src) => ({ kind: "result", result: ok(src), ms: 1 });
    setSource("fine", "editor");
    await vi.runAllTimersAsync();
    expect(useStudioStore.getState()).toMatchObject({ status: "ready", workerProblem: null, notices: [] });
    stop();
  });

  it("a timeout notice says whether the text is saved", async () => {
    answer = () => ({ kind: "timeout", timeoutMs: 5000 });
    const failing = { save: () => setSaved(SaveState.Unsaved), pause: vi.fn() };
    const stop = startEffects({ client, autosave: failing });
    setSource("hang again", "editor");
    await vi.runAllTimersAsync();
    const worker = useStudioStore.getState().notices.find((n) => n.id === "worker");
    expect(worker?.text).toMatch(/NOT saved/);
    expect(worker?.text).not.toMatch(/Your text is saved/);
    stop();
  });

  it("compacts the draft once the user pauses", async () => {
    const compactDraft = autosave.pause;
    compactDraft.mockClear();
    const stop = startEffects({ client, autosave });
    setSource("p", "editor");
    setSource("pa", "editor");
    await vi.advanceTimersByTimeAsync(500);
    setSource("pau", "editor");
    await vi.advanceTimersByTimeAsync(900);
    expect(compactDraft).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(200);
    expect(compactDraft).toHaveBeenCalledTimes(1);
    stop();
  });
});

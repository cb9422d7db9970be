import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { TranspileResult } from "../transpiler/index.ts";
import { FakePort } from "../lib/fake-port.test-helpers.ts";
import { createTranspileClient, type TranspileOutcome, type WorkerLike } from "./client.ts";
import { PROTOCOL, type FromWorker, type ToWorker } from "./protocol.ts";

const opts = { strict: false, pretty: true, raw: false };
const result = (output: string): TranspileResult => ({
  output,
  config: {},
  outputFormat: "json",
  diagnostics: [],
});

class FakeWorker extends FakePort<ToWorker, FromWorker> implements WorkerLike {
  /** Answers the last transpile request it received with `output`. */
  answerLast(output: string) {
    const req = this.sent.filter((m) => m.type === "transpile").at(-1);
    if (req?.type !== "transpile") throw new Error("no request");
    this.reply({ type: "result", id: req.id, result: result(output), ms: 1 });
  }
  transpiles() {
    return this.sent.filter((m) => m.type === "transpile");
  }
}

describe("transpile client", () => {
  let workers: FakeWorker[];
  const spawn = () => {
    const w = new FakeWorker();
    workers.push(w);
    return w;
  };
  beforeEach(() => {
    workers = [];
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  it("spawns lazily and resolves with the result", async () => {
    const client = createTranspileClient({ spawn });
    expect(workers).toHaveLength(0);
    const p = client.transpile("a", opts);
    expect(workers).toHaveLength(1);
    workers[0]!.answerLast("A");
    await expect(p).resolves.toMatchObject({ kind: "result", result: { output: "A" } });
  });

  it("a warmed worker that fails to load is reported by the next request; the one after gets a new worker", async () => {
    const client = createTranspileClient({ spawn });
    client.warm();
    workers[0]!.onerror?.({ message: "boom while loading", preventDefault() {} } as ErrorEvent);
    expect(workers[0]!.terminated).toBe(true);
    await expect(client.transpile("a", opts)).resolves.toEqual({ kind: "crash", message: "boom while loading" });
    expect(workers).toHaveLength(1);
    const p = client.transpile("b", opts);
    expect(workers).toHaveLength(2);
    workers[1]!.answerLast("B");
    await expect(p).resolves.toMatchObject({ kind: "result", result: { output: "B" } });
  });

  it("tells when a worker says it is ready", () => {
    let ready = 0;
    const client = createTranspileClient({ spawn, onReady: () => ready++ });
    client.warm();
    expect(ready).toBe(0);
    workers[0]!.reply({ type: "ready", protocol: PROTOCOL });
    expect(ready).toBe(1);
  });

  it("warm() starts the worker before any request; the request then goes to it", async () => {
    const client = createTranspileClient({ spawn });
    client.warm();
    client.warm();
    expect(workers).toHaveLength(1);
    expect(workers[0]!.transpiles()).toHaveLength(0);
    const p = client.transpile("a", opts);
    expect(workers).toHaveLength(1);
    workers[0]!.answerLast("A");
    await expect(p).resolves.toMatchObject({ kind: "result", result: { output: "A" } });
  });

  it("sends one request at a time and only the newest of those made meanwhile", async () => {
    const client = createTranspileClient({ spawn });
    const p1 = client.transpile("a", opts);
    const p2 = client.transpile("b", opts);
    const p3 = client.transpile("c", opts);
    const w = workers[0]!;
    expect(w.transpiles().map((m) => m.type === "transpile" && m.source)).toEqual(["a"]);
    await expect(p2).resolves.toEqual({ kind: "superseded" });
    w.answerLast("A");
    await expect(p1).resolves.toEqual({ kind: "superseded" });
    expect(w.transpiles().map((m) => m.type === "transpile" && m.source)).toEqual(["a", "c"]);
    w.answerLast("C");
    await expect(p3).resolves.toMatchObject({ kind: "result", result: { output: "C" } });
  });

  it("ignores answers whose id is not the request in flight", async () => {
    const client = createTranspileClient({ spawn });
    const p = client.transpile("a", opts);
    const w = workers[0]!;
    w.reply({ type: "result", id: 999, result: result("stale"), ms: 1 });
    w.reply({ type: "ready", protocol: PROTOCOL });
    w.answerLast("A");
    await expect(p).resolves.toMatchObject({ result: { output: "A" } });
  });

  it("terminates a worker that does not answer in time and starts a fresh one", async () => {
    const client = createTranspileClient({ spawn, timeoutMs: 5000 });
    const p = client.transpile("hang", opts);
    vi.advanceTimersByTime(4999);
    expect(workers[0]!.terminated).toBe(false);
    vi.advanceTimersByTime(1);
    expect(workers[0]!.terminated).toBe(true);
    await expect(p).resolves.toEqual({ kind: "timeout", timeoutMs: 5000 });
    const p2 = client.transpile("ok", opts);
    expect(workers).toHaveLength(2);
    workers[1]!.answerLast("OK");
    await expect(p2).resolves.toMatchObject({ kind: "result" });
  });

  it("on timeout sends the queued newer request to a fresh worker", async () => {
    const client = createTranspileClient({ spawn, timeoutMs: 100 });
    const p1 = client.transpile("hang", opts);
    const p2 = client.transpile("next", opts);
    vi.advanceTimersByTime(100);
    await expect(p1).resolves.toEqual({ kind: "superseded" });
    expect(workers).toHaveLength(2);
    expect(workers[1]!.transpiles()).toMatchObject([{ source: "next" }]);
    workers[1]!.answerLast("N");
    await expect(p2).resolves.toMatchObject({ result: { output: "N" } });
  });

  it("the watchdog does not fire after an answer", async () => {
    const client = createTranspileClient({ spawn, timeoutMs: 100 });
    const p = client.transpile("a", opts);
    workers[0]!.answerLast("A");
    await p;
    vi.advanceTimersByTime(1000);
    expect(workers[0]!.terminated).toBe(false);
  });

  it("reports a crash message and keeps the worker", async () => {
    const client = createTranspileClient({ spawn });
    const p = client.transpile("a", opts);
    const w = workers[0]!;
    const req = w.transpiles()[0]!;
    w.reply({ type: "crash", id: req.type === "transpile" ? req.id : 0, message: "boom" });
    await expect(p).resolves.toEqual({ kind: "crash", message: "boom" });
    expect(w.terminated).toBe(false);
  });

  it("on a worker error replaces the worker", async () => {
    const client = createTranspileClient({ spawn });
    const p = client.transpile("a", opts);
    workers[0]!.onerror?.({ message: "load failed", preventDefault() {} } as ErrorEvent);
    await expect(p).resolves.toEqual({ kind: "crash", message: "load failed" });
    expect(workers[0]!.terminated).toBe(true);
    void client.transpile("b", opts);
    expect(workers).toHaveLength(2);
  });

  it("sends the files first to every new worker", async () => {
    const client = createTranspileClient({ spawn, timeoutMs: 100 });
    const files = [{ path: "a", data: new Uint8Array([1]), mode: 0o644 }];
    client.setFiles(files);
    const p = client.transpile("x", opts);
    expect(workers[0]!.sent.map((m) => m.type)).toEqual(["files", "transpile"]);
    vi.advanceTimersByTime(100);
    await p;
    void client.transpile("y", opts);
    expect(workers[1]!.sent.map((m) => m.type)).toEqual(["files", "transpile"]);
    client.setFiles([]);
    expect(workers[1]!.sent.at(-1)).toEqual({ type: "files", files: [] });
  });

  it("dispose settles everything and terminates", async () => {
    const client = createTranspileClient({ spawn });
    const outcomes: TranspileOutcome[] = [];
    const a = client.transpile("a", opts).then((o) => outcomes.push(o));
    const b = client.transpile("b", opts).then((o) => outcomes.push(o));
    client.dispose();
    await Promise.all([a, b]);
    expect(outcomes).toEqual([{ kind: "superseded" }, { kind: "superseded" }]);
    expect(workers[0]!.terminated).toBe(true);
  });

  describe("compose requests", () => {
    const project = {
      main: { name: "main.bu", text: "variant: fcos\nversion: 1.5.0\n" },
      snippets: [],
      hosts: null,
      host: null,
      strict: false,
      pretty: true,
      mode: "one" as const,
    };
    const build = { hosts: [], hostsProblems: [], hostProblems: [] };

    it("are answered by `composed`, and share the queue with transpiles (latest wins)", async () => {
      const client = createTranspileClient({ spawn });
      const c1 = client.compose(project);
      const t = client.transpile("a", opts);
      const c2 = client.compose({ ...project, mode: "all" });
      const w = workers[0]!;
      expect(w.sent.map((m) => m.type)).toEqual(["compose"]);
      await expect(t).resolves.toEqual({ kind: "superseded" });
      const first = w.sent[0]!;
      if (first.type !== "compose") throw new Error("not a compose request");
      w.reply({ type: "composed", id: first.id, build, ms: 1 });
      await expect(c1).resolves.toEqual({ kind: "superseded" });
      const second = w.sent[1]!;
      expect(second).toMatchObject({ type: "compose", project: { mode: "all" } });
      if (second.type !== "compose") throw new Error("not a compose request");
      w.reply({ type: "composed", id: second.id, build, ms: 2 });
      await expect(c2).resolves.toEqual({ kind: "composed", build, ms: 2 });
    });

    it("are watched like transpiles: a worker that does not answer is replaced", async () => {
      const client = createTranspileClient({ spawn, timeoutMs: 5000 });
      const c = client.compose(project);
      vi.advanceTimersByTime(5000);
      expect(workers[0]!.terminated).toBe(true);
      await expect(c).resolves.toEqual({ kind: "timeout", timeoutMs: 5000 });
    });
  });
});

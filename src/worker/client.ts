/**
 * Main-thread side of the transpile worker: one request in flight at a time, latest wins, and a
 * watchdog that replaces a worker that has not answered in time.
 */
import { createWorkerLink, type Port } from "../lib/worker-link.ts";
import type { TranspileResult } from "../transpiler/index.ts";
import type { ProjectBuild, ProjectRequest } from "./project-build.ts";
import type { FromWorker, ToWorker, WireFile, WireOptions } from "./protocol.ts";

/** The part of `Worker` the client uses (a fake in unit tests). */
export type WorkerLike = Port<ToWorker, FromWorker>;

/** How a request ended. `superseded`: a newer request was made, so this one's answer is dropped. */
export type TranspileOutcome =
  | { kind: "result"; result: TranspileResult; ms: number }
  | { kind: "superseded" }
  | { kind: "timeout"; timeoutMs: number }
  | { kind: "crash"; message: string; stack?: string };

/** How a compose request ended (as {@link TranspileOutcome}, with the project's build). */
export type ComposeOutcome = { kind: "composed"; build: ProjectBuild; ms: number } | Exclude<TranspileOutcome, { kind: "result" }>;

export interface TranspileClient {
  /** Transpiles `source`; resolves (never rejects) once this or a newer request settles. */
  transpile(source: string, options: WireOptions): Promise<TranspileOutcome>;
  /** Composes a project; shares the one-in-flight, latest-wins queue and the watchdog with `transpile`. */
  compose(project: ProjectRequest): Promise<ComposeOutcome>;
  /** Starts the worker now, so its script loads and runs while the page does (first request sooner). */
  warm(): void;
  /** Replaces the files directory the worker sees (kept for workers started later). */
  setFiles(files: WireFile[]): void;
  dispose(): void;
}

export interface ClientOptions {
  spawn: () => WorkerLike;
  /** Called when a worker has loaded its script and says it is ready. */
  onReady?: () => void;
  /** The watchdog: a worker that has not answered after this long is terminated. */
  timeoutMs?: number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

type Outcome = TranspileOutcome | ComposeOutcome;

interface Pending {
  id: number;
  /** The request's message for its id. */
  message: ToWorker;
  resolve: (o: Outcome) => void;
}

export const WATCHDOG_MS = 5000;

/** Creates a client; the worker is spawned on the first request. */
export function createTranspileClient(opts: ClientOptions): TranspileClient {
  const timeoutMs = opts.timeoutMs ?? WATCHDOG_MS;

  let files: WireFile[] | null = null;
  let lastId = 0;
  let inflight: (Pending & { cancelWatchdog: () => void }) | null = null;
  // Made while another request was in flight; replaced by any newer request before it is sent.
  let queued: Pending | null = null;
  let disposed = false;
  // A worker started ahead of any request (warm) that failed: the next request reports it.
  let earlyFailure: string | null = null;

  // Settles the in-flight request (as `outcome`, or `superseded` if newer ones exist), then sends the queued one.
  const settle = (outcome: Outcome) => {
    const req = inflight;
    if (!req) return;
    req.cancelWatchdog();
    inflight = null;
    req.resolve(req.id === lastId ? outcome : { kind: "superseded" });
    const next = queued;
    queued = null;
    if (next && !disposed) send(next);
  };

  const link = createWorkerLink<ToWorker, FromWorker>({
    spawn: opts.spawn,
    onMessage: (msg) => {
      if (msg.type === "ready") return opts.onReady?.();
      if (!inflight || msg.id !== inflight.id) return;
      if (msg.type === "result") settle({ kind: "result", result: msg.result, ms: msg.ms });
      else if (msg.type === "composed") settle({ kind: "composed", build: msg.build, ms: msg.ms });
      else settle({ kind: "crash", message: msg.message, ...(msg.stack ? { stack: msg.stack } : {}) });
    },
    onFailure: (message) => {
      if (inflight) settle({ kind: "crash", message });
      else earlyFailure = message;
    },
    onStart: (w) => {
      if (files) w.postMessage({ type: "files", files });
    },
    texts: { crashed: "The transpiler worker failed to start or crashed.", unreadable: "A message from the transpiler worker could not be read." },
    setTimer: opts.setTimer,
    clearTimer: opts.clearTimer,
  });

  const send = (req: Pending) => {
    if (earlyFailure !== null) {
      const message = earlyFailure;
      earlyFailure = null;
      req.resolve(req.id === lastId ? { kind: "crash", message } : { kind: "superseded" });
      return;
    }
    link.ensure();
    const cancelWatchdog = link.watch(timeoutMs, () => settle({ kind: "timeout", timeoutMs }));
    inflight = { ...req, cancelWatchdog };
    link.post(req.message);
  };

  const request = (message: (id: number) => ToWorker) =>
    new Promise<Outcome>((resolve) => {
      if (disposed) return resolve({ kind: "superseded" });
      const id = ++lastId;
      const req: Pending = { id, message: message(id), resolve };
      queued?.resolve({ kind: "superseded" });
      queued = null;
      if (inflight) queued = req;
      else send(req);
    });

  return {
    transpile(source, options) {
      // A transpile request is answered by `result` (or a failure), never by `composed`.
      return request((id) => ({ type: "transpile", id, source, options })) as Promise<TranspileOutcome>;
    },
    compose(project) {
      return request((id) => ({ type: "compose", id, project })) as Promise<ComposeOutcome>;
    },
    warm() {
      if (!disposed) link.ensure();
    },
    setFiles(next) {
      files = next;
      link.postIfRunning({ type: "files", files: next });
    },
    dispose() {
      disposed = true;
      queued?.resolve({ kind: "superseded" });
      queued = null;
      if (inflight) {
        inflight.cancelWatchdog();
        inflight.resolve({ kind: "superseded" });
        inflight = null;
      }
      link.kill();
    },
  };
}

/** The real worker, created the way Vite bundles module workers. */
export function spawnTranspileWorker(): WorkerLike {
  return new Worker(new URL("./transpile.worker.ts", import.meta.url), {
    type: "module",
    name: "kindling-transpile",
  }) as unknown as WorkerLike;
}

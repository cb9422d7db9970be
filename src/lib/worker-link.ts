/**
 * The main thread's hold on one module worker, shared by every worker client (transpile, forms,
 * import): the worker is started on first use, and one that crashes, sends a message that cannot
 * be read (`messageerror`) or outlives a watchdog is terminated, so the next use starts a new one.
 */

/** The part of `Worker` a client uses (a fake in unit tests). */
export interface Port<To, From> {
  postMessage(msg: To): void;
  terminate(): void;
  onmessage: ((ev: MessageEvent<From>) => void) | null;
  onerror: ((ev: ErrorEvent) => void) | null;
  onmessageerror: ((ev: MessageEvent) => void) | null;
}

/** What a failure is called, in the words of the worker it concerns. */
export interface FailureTexts {
  /** The worker's script failed to load, or it threw (when the error event carries no message). */
  crashed: string;
  /** A message from the worker could not be read. */
  unreadable: string;
}

export interface LinkOptions<To, From> {
  spawn: () => Port<To, From>;
  onMessage: (msg: From) => void;
  /** The worker failed and was terminated; `message` says how. */
  onFailure: (message: string) => void;
  /** A new worker was started (to send it what every worker needs first). */
  onStart?: (w: Port<To, From>) => void;
  texts: FailureTexts;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

export interface WorkerLink<To> {
  /** Starts the worker now if none is running. */
  ensure(): void;
  /** Posts `msg` to the worker (started now if none is running). */
  post(msg: To): void;
  /** Posts `msg` to a running worker only. */
  postIfRunning(msg: To): void;
  /**
   * A watchdog: unless cancelled within `ms`, the worker is terminated and `onTimeout` runs
   * (onFailure is not called for it). Returns the cancel function.
   */
  watch(ms: number, onTimeout: () => void): () => void;
  /** Terminates the worker (if one is running); its handlers are detached first. */
  kill(): void;
}

export function createWorkerLink<To, From>(opts: LinkOptions<To, From>): WorkerLink<To> {
  const setTimer = opts.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = opts.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  let worker: Port<To, From> | null = null;

  const kill = () => {
    if (!worker) return;
    worker.onmessage = worker.onerror = worker.onmessageerror = null;
    worker.terminate();
    worker = null;
  };

  const ensure = (): Port<To, From> => {
    if (worker) return worker;
    const w = opts.spawn();
    const fail = (message: string) => {
      kill();
      opts.onFailure(message);
    };
    w.onmessage = (ev) => opts.onMessage(ev.data);
    w.onerror = (ev) => {
      ev.preventDefault?.();
      fail(ev.message || opts.texts.crashed);
    };
    w.onmessageerror = () => fail(opts.texts.unreadable);
    worker = w;
    opts.onStart?.(w);
    return w;
  };

  return {
    ensure: () => void ensure(),
    post: (msg) => ensure().postMessage(msg),
    postIfRunning: (msg) => worker?.postMessage(msg),
    watch(ms, onTimeout) {
      const timer = setTimer(() => {
        kill();
        onTimeout();
      }, ms);
      return () => clearTimer(timer);
    },
    kill,
  };
}

/**
 * Request/answer messaging with a module worker started on first use (worker-link.ts): each
 * request carries an id, its answer the same id. When the worker dies (an error, an unreadable
 * message, or a request unanswered after `timeoutMs`), every pending request gets `onCrash(id)`'s
 * answer and the next request starts a new worker.
 */
import { createWorkerLink, type FailureTexts, type Port } from "./worker-link.ts";

export interface Rpc<To extends { id: number }, From extends { id: number }> {
  send(msg: To): Promise<From>;
}

export interface RpcOptions<To, From> {
  spawn: () => Port<To, From>;
  onCrash: (id: number, message: string) => From;
  texts: FailureTexts;
  /** The watchdog: a request unanswered after this long stops the worker (none when unset). */
  timeoutMs?: number;
}

export function workerRpc<To extends { id: number }, From extends { id: number }>(opts: RpcOptions<To, From>): Rpc<To, From> {
  const waiting = new Map<number, { done: (m: From) => void; cancelWatchdog: () => void }>();
  const failAll = (message: string) => {
    for (const [id, w] of waiting) {
      w.cancelWatchdog();
      w.done(opts.onCrash(id, message));
    }
    waiting.clear();
  };
  const link = createWorkerLink<To, From>({
    spawn: opts.spawn,
    onMessage: (msg) => {
      const w = waiting.get(msg.id);
      if (!w) return;
      waiting.delete(msg.id);
      w.cancelWatchdog();
      w.done(msg);
    },
    onFailure: failAll,
    texts: opts.texts,
  });
  const timeoutMs = opts.timeoutMs;
  return {
    send(msg) {
      return new Promise((resolve) => {
        const cancelWatchdog = timeoutMs === undefined ? () => {} : link.watch(timeoutMs, () => failAll(`no answer after ${timeoutMs / 1000} s`));
        waiting.set(msg.id, { done: resolve, cancelWatchdog });
        link.post(msg);
      });
    },
  };
}

/**
 * Request/answer messaging with a module worker started on first use: each request carries an id,
 * its answer the same id. When the worker dies, every pending request gets `onCrash(id)`'s answer
 * and the next request starts a new worker.
 */
export interface Rpc<To extends { id: number }, From extends { id: number }> {
  send(msg: To): Promise<From>;
}

export function workerRpc<To extends { id: number }, From extends { id: number }>(spawn: () => Worker, onCrash: (id: number) => From): Rpc<To, From> {
  let worker: Worker | null = null;
  const waiting = new Map<number, (m: From) => void>();
  return {
    send(msg) {
      if (!worker) {
        worker = spawn();
        worker.onmessage = (ev: MessageEvent<From>) => {
          waiting.get(ev.data.id)?.(ev.data);
          waiting.delete(ev.data.id);
        };
        worker.onerror = () => {
          for (const [id, done] of waiting) done(onCrash(id));
          waiting.clear();
          worker?.terminate();
          worker = null;
        };
      }
      const w = worker;
      return new Promise((resolve) => {
        waiting.set(msg.id, resolve);
        w.postMessage(msg);
      });
    },
  };
}

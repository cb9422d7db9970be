/** Thin adapter: a message in, `transpile()`, a message out. Files stay here between requests. */
import { transpile } from "../transpiler/index.ts";
import { createFilesProvider } from "./files-provider.ts";
import { PROTOCOL, type FromWorker, type ToWorker } from "./protocol.ts";

// The app's tsconfig has the DOM lib, not WebWorker; this is the part of the worker scope we use.
const scope = self as unknown as {
  postMessage(msg: FromWorker): void;
  onmessage: ((ev: MessageEvent<ToWorker>) => void) | null;
};

let files = createFilesProvider([]);
const post = (msg: FromWorker) => scope.postMessage(msg);

scope.onmessage = async (ev: MessageEvent<ToWorker>) => {
  const msg = ev.data;
  if (msg.type === "files") {
    files = createFilesProvider(msg.files);
    return;
  }
  const t0 = performance.now();
  try {
    // Keystrokes change little: unchanged file contents and units are looked up, not redone.
    const result = await transpile(msg.source, { ...msg.options, files, memoize: true, lint: true });
    post({ type: "result", id: msg.id, result, ms: performance.now() - t0 });
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    post({ type: "crash", id: msg.id, message: err.message, ...(err.stack ? { stack: err.stack } : {}) });
  }
};

post({ type: "ready", protocol: PROTOCOL });

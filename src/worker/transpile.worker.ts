/** Thin adapter: a message in, `transpile()`, a message out. Files stay here between requests. */
import { transpile } from "../transpiler/index.ts";
import type { FileResult } from "../compose/index.ts";
import { createFilesProvider } from "./files-provider.ts";
import { PROTOCOL, type FromWorker, type ToWorker } from "./protocol.ts";

// The app's tsconfig has the DOM lib, not WebWorker; this is the part of the worker scope we use.
const scope = self as unknown as {
  postMessage(msg: FromWorker): void;
  onmessage: ((ev: MessageEvent<ToWorker>) => void) | null;
};

let files = createFilesProvider([]);
// A project's files transpiled by text, kept while the files directory stays the same (per-host
// builds and keystrokes in one file reuse the other files' transpiles); keyed by text only, so
// strict and non-strict builds keep one each.
let composeCaches = { strict: new Map<string, FileResult>(), plain: new Map<string, FileResult>() };
/** Cached transpiles kept at most; beyond it the cache starts over. */
const COMPOSE_CACHE_MAX = 2000;
const post = (msg: FromWorker) => scope.postMessage(msg);

scope.onmessage = async (ev: MessageEvent<ToWorker>) => {
  const msg = ev.data;
  if (msg.type === "files") {
    files = createFilesProvider(msg.files);
    composeCaches = { strict: new Map(), plain: new Map() };
    return;
  }
  const t0 = performance.now();
  try {
    if (msg.type === "compose") {
      const which = msg.project.strict ? "strict" : "plain";
      if (composeCaches[which].size > COMPOSE_CACHE_MAX) composeCaches[which] = new Map();
      // Projects load their code on their first build: the single-file studio never needs it.
      const { buildProject } = await import("./project-build.ts");
      const build = buildProject(msg.project, files, composeCaches[which]);
      post({ type: "composed", id: msg.id, build, ms: performance.now() - t0 });
      return;
    }
    // Keystrokes change little: unchanged file contents and units are looked up, not redone.
    // Kindling's own checks always run here; they never change the output or the report.
    const { target, platform, ...options } = msg.options;
    const lint = { ...(target ? { target } : {}), ...(platform ? { platform } : {}) };
    const result = await transpile(msg.source, { ...options, files, memoize: true, lint });
    post({ type: "result", id: msg.id, result, ms: performance.now() - t0 });
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    post({ type: "crash", id: msg.id, message: err.message, ...(err.stack ? { stack: err.stack } : {}) });
  }
};

post({ type: "ready", protocol: PROTOCOL });

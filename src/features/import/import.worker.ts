/**
 * The import worker: a large Ignition config (openshift-install writes megabytes) takes a while
 * to decode, rewrite and verify by transpiling, so it never runs on the page's thread.
 */
import { importConfig } from "../../import/index.ts";
import type { FromImportWorker, ToImportWorker } from "./import-protocol.ts";

self.onmessage = (ev: MessageEvent<ToImportWorker>) => {
  const msg = ev.data;
  const post = (m: FromImportWorker) => self.postMessage(m);
  const t = performance.now();
  try {
    post({ type: "imported", id: msg.id, result: importConfig(msg.text, msg.options), ms: performance.now() - t });
  } catch (e) {
    post({ type: "failed", id: msg.id, message: e instanceof Error ? e.message : String(e) });
  }
};

/**
 * Imported first by main.tsx: starts the transpile worker before React and the app are evaluated,
 * so the worker's script loads and its first answer comes as early as possible. The transpile
 * client takes this worker as its first one (bootstrap.ts); the handlers are attached in the same
 * task, before any of its messages can arrive.
 */
import { spawnTranspileWorker, type WorkerLike } from "./client.ts";

let early: WorkerLike | null = typeof Worker === "function" ? spawnTranspileWorker() : null;

/** The worker started at load the first time, a new one after that (a restart after a crash). */
export function spawnEarlyOrNew(): WorkerLike {
  const w = early ?? spawnTranspileWorker();
  early = null;
  return w;
}

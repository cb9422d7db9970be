/**
 * Side effects of store changes, subscribed outside React: every text change is autosaved first,
 * then sent to the transpile worker; answers come back as store updates.
 */
import type { ComposeOutcome, TranspileClient, TranspileOutcome } from "../worker/client.ts";
import { afterNextPaint } from "../lib/after-paint.ts";
import { publishOutput } from "./output-feed.ts";
import { applyProjectBuild } from "./project.ts";
import { projectRequest, type Project } from "./project-model.ts";
import { applyResult, applyWorkerProblem, dismissNotice, goodOutputOf, notify, SaveState, Status, useStudioStore } from "./store.ts";

export interface EffectDeps {
  client: Pick<TranspileClient, "transpile" | "compose" | "setFiles">;
  /** The autosave (features/autosave/autosave.ts): it stores each edit and reports where it went. */
  autosave: {
    /** Stores the draft (synchronously, so a crash right after the edit loses nothing). */
    save(source: string, fileName: string | null): void;
    /** The user paused: compaction, or a retry of a failed save. */
    pause(): void;
  };
  /** The project autosave (features/project/persist.ts): stores the open project on every change (null: closed). */
  project?: { save(project: Project | null): void };
  /** Wait after the last change before transpiling (the issue allows at most 100 ms). */
  debounceMs?: number;
  /** Delays only the first transpile (e.g. until stored files are loaded); edits are saved meanwhile. */
  firstRunAfter?: Promise<unknown>;
}

/**
 * No wait: the client keeps one request in flight and replaces the queued one with each newer
 * text, so typing cannot flood the worker, and a pause before sending would only add to every
 * keystroke's latency (npm run bench:ui). Changes made in the same task still go as one request.
 */
export const DEBOUNCE_MS = 0;

/** Starts the effects and transpiles the current state once; returns a stop function. */
/** Quiet time after the last edit before the draft is compacted. */
export const COMPACT_AFTER_MS = 1000;

// The client of the running effects, for builds asked for by the user (Download all).
let runningClient: EffectDeps["client"] | null = null;

/** Builds every host of the open project (Download all); superseded by any edit made meanwhile. */
export function buildAllHosts(): Promise<ComposeOutcome> {
  const s = useStudioStore.getState();
  if (!runningClient || !s.project) return Promise.resolve({ kind: "superseded" });
  return runningClient.compose(projectRequest(s.project, s, "all"));
}

export function startEffects({ client, autosave, project, debounceMs = DEBOUNCE_MS, firstRunAfter }: EffectDeps): () => void {
  runningClient = client;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let compactTimer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const save = (source: string, fileName: string | null) => {
    autosave.save(source, fileName);
    clearTimeout(compactTimer);
    compactTimer = setTimeout(() => autosave.pause(), COMPACT_AFTER_MS);
  };

  /** The newest answer waiting for the next paint (an older one waiting is replaced). */
  let pendingApply: (() => void) | null = null;
  const flushApply = () => {
    const apply = pendingApply;
    pendingApply = null;
    if (!stopped) apply?.();
  };
  const applyAfterPaint = (apply: () => void) => {
    const waiting = pendingApply !== null;
    pendingApply = apply;
    if (!waiting) void afterNextPaint().then(flushApply);
  };

  const run = async () => {
    const s = useStudioStore.getState();
    const rev = s.rev;
    const outcome: TranspileOutcome | ComposeOutcome = s.project
      ? await client.compose(projectRequest(s.project, s, "one"))
      : await client.transpile(s.source, {
          strict: s.strict,
          pretty: s.pretty,
          raw: s.raw,
          ...(s.target !== null ? { target: s.target } : {}),
          ...(s.platform !== null ? { platform: s.platform } : {}),
        });
    if (stopped) return;
    switch (outcome.kind) {
      case "superseded":
        return;
      case "result": {
        // The output first, in this task (the output view draws it at the next frame); the rest
        // of the studio reads the result once that frame is painted.
        const result = outcome.result;
        const good = goodOutputOf(result);
        if (good) publishOutput(good);
        applyAfterPaint(() => {
          applyResult(result, rev, good);
          dismissNotice("worker");
        });
        return;
      }
      case "composed":
        flushApply();
        applyProjectBuild(outcome.build, rev);
        dismissNotice("worker");
        return;
      case "timeout": {
        flushApply();
        const saved = useStudioStore.getState().saved;
        const kept =
          saved === SaveState.Local || saved === SaveState.Backup
            ? "Your text is saved in this browser"
            : "Your text is still in the editor but NOT saved in this browser (see the storage notice)";
        const text = `The last edit could not be processed: the transpiler did not answer within ${outcome.timeoutMs / 1000} s and was restarted. ${kept}; edit it to try again.`;
        applyWorkerProblem(Status.Timeout, text);
        notify({ id: "worker", kind: "error", text });
        return;
      }
      case "crash": {
        flushApply();
        const text = `Internal error in the transpiler, please report it: ${outcome.message}`;
        applyWorkerProblem(Status.Crash, text);
        notify({ id: "worker", kind: "error", text });
        return;
      }
    }
  };

  let queued = false;
  /** `now`: a keystroke in the editor, sent at once (its latency is the studio's pace). */
  const schedule = (now: boolean) => {
    if (debounceMs > 0) {
      clearTimeout(timer);
      timer = setTimeout(() => void run(), debounceMs);
      return;
    }
    if (queued) return;
    if (now) {
      // An edit in the editor is one change: sent before the editor finishes handling the key
      // (cursor, view, tokens), so the worker starts that much earlier.
      void run();
      return;
    }
    // Right after the current task's code (changes made together go as one request), before
    // the browser renders the edit.
    queued = true;
    queueMicrotask(() => {
      queued = false;
      if (!stopped) void run();
    });
  };

  const unsubscribe = useStudioStore.subscribe((s, prev) => {
    if (s.files !== prev.files) client.setFiles(s.files);
    // A keystroke is posted to the worker first: posting returns at once and the worker starts
    // while this task goes on. The autosave follows in this same task, before any other task can
    // run, so a crash after this point loses nothing. In a project the text is the active file's,
    // saved with the project (not as a draft).
    const typed = s.rev !== prev.rev && s.source !== prev.source && s.sourceOrigin === "editor";
    if (typed) schedule(true);
    if (s.project !== prev.project) project?.save(s.project);
    else if (!s.project && (s.source !== prev.source || s.fileName !== prev.fileName)) save(s.source, s.fileName);
    if (s.rev !== prev.rev && !typed) schedule(false);
  });

  const first = () => {
    if (stopped) return;
    client.setFiles(useStudioStore.getState().files);
    void run();
  };
  if (firstRunAfter) void firstRunAfter.then(first, first);
  else first();
  return () => {
    stopped = true;
    if (runningClient === client) runningClient = null;
    clearTimeout(timer);
    clearTimeout(compactTimer);
    unsubscribe();
  };
}

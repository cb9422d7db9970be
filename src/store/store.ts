/**
 * The one studio store. State is plain data; actions are the exported functions below, callable
 * from anywhere (components, effects, tests) without a hook.
 */
import { create } from "zustand";
import { tooLargeForEditor, tooLargeMessage } from "../lib/size-limits.ts";
import type { TranspileResult } from "../transpiler/index.ts";
import type { ProjectBuild } from "../worker/project-build.ts";
import type { WireFile } from "../worker/protocol.ts";
import { withFileText, type Project } from "./project-model.ts";

export const Tab = { Ignition: "ignition", Problems: "problems", Preview: "preview", Files: "files", Project: "project" } as const;
export type Tab = (typeof Tab)[keyof typeof Tab];

/** `pending`: a transpile for the current text is on its way. `timeout`/`crash`: it failed. */
export const Status = { Idle: "idle", Pending: "pending", Ready: "ready", Timeout: "timeout", Crash: "crash" } as const;
export type Status = (typeof Status)[keyof typeof Status];

/** The newest result that produced output: shown (greyed) while the current text has errors. */
export interface GoodOutput {
  output: string;
  outputFormat: "json" | "yaml";
  config: unknown;
  variant?: string;
  version?: string;
  ignitionVersion?: string;
}

/**
 * Where the current text is stored: `local` localStorage (the usual), `backup` IndexedDB (the
 * localStorage quota is used up), `saving` a backup write is on its way, `unsaved` nowhere.
 */
export const SaveState = { Local: "local", Backup: "backup", Saving: "saving", Unsaved: "unsaved" } as const;
export type SaveState = (typeof SaveState)[keyof typeof SaveState];

export interface NoticeAction {
  label: string;
  run: () => void;
}

export interface Notice {
  /** Stable per cause, so a repeated cause replaces its notice instead of stacking. */
  id: string;
  kind: "info" | "warning" | "error";
  text: string;
  actions?: NoticeAction[];
}

/**
 * Where an edit came from: the editor's own typing needs no write-back into the editor; `forms`
 * edits (minimal text changes from the Forms view) and `fix` edits (quick fixes) are applied to
 * the editor like external ones, each as one step on its undo stack.
 */
export type SourceOrigin = "editor" | "external" | "forms" | "fix";

export interface StudioState {
  source: string;
  sourceOrigin: SourceOrigin;
  /** Bumped on every change of source, options or files. */
  rev: number;
  /** Name of the opened file (drives the download name), or null. */
  fileName: string | null;

  strict: boolean;
  pretty: boolean;
  raw: boolean;
  /** Kindling's checks: the target machine (target table id) and the user-data platform, or null. */
  target: string | null;
  platform: string | null;

  /** The Files panel (the worker's files directory), sorted by path. */
  files: WireFile[];

  result: TranspileResult | null;
  lastGood: GoodOutput | null;
  status: Status;
  /** Text of the last watchdog/crash problem, shown until the next good answer. */
  workerProblem: string | null;
  /** The variant/version last read from the text by the transpiler (drives the picker). */
  spec: { variant: string; version: string } | null;

  tab: Tab;
  /** A request for the editor to move its cursor (seq makes repeated requests distinct). */
  reveal: { line: number; column: number; seq: number } | null;
  /** Cursor position in upstream's terms (1-based line, rune column). */
  cursor: { line: number; column: number };
  notices: Notice[];
  /** Where the current text is autosaved (nowhere when the last autosave failed). */
  saved: SaveState;

  /**
   * The open project (src/store/project.ts), or null: the studio edits one file. While a project
   * is open, `source` is the text of its active file and the output is the composed project's.
   */
  project: Project | null;
  /** The worker's last build of the project (for the chosen host). */
  projectBuild: ProjectBuild | null;
}

export const initialState = (): StudioState => ({
  source: "",
  sourceOrigin: "external",
  rev: 0,
  fileName: null,
  strict: false,
  pretty: true,
  raw: false,
  target: null,
  platform: null,
  files: [],
  result: null,
  lastGood: null,
  status: Status.Idle,
  workerProblem: null,
  spec: null,
  tab: Tab.Ignition,
  reveal: null,
  cursor: { line: 1, column: 1 },
  notices: [],
  saved: SaveState.Local,
  project: null,
  projectBuild: null,
});

export const useStudioStore = create<StudioState>()(initialState);

const set = useStudioStore.setState;
const get = useStudioStore.getState;

/**
 * Sets the document text (each change is autosaved and transpiled by the effects). Text from
 * outside the editor (a file, a link, a template, a form edit) larger than the editor takes is
 * refused with a notice and false; the editor guards its own edits (and text already in it is
 * always taken, so the autosave has it).
 */
export function setSource(source: string, origin: SourceOrigin = "external", what = "The new text"): boolean {
  if (source === get().source) return true;
  if (origin !== "editor" && tooLargeForEditor(source.length)) {
    notify({ id: "too-large", kind: "error", text: tooLargeMessage(what, source.length) });
    return false;
  }
  // In a project, the text is the active file's: both change in one update (saved together).
  set((s) => ({
    source,
    sourceOrigin: origin,
    rev: s.rev + 1,
    status: Status.Pending,
    ...(s.project ? { project: withFileText(s.project, s.project.active, source) } : {}),
  }));
  return true;
}

/** Replaces the whole document, e.g. an opened file or a template (false when refused as too large). */
export function loadDocument(source: string, fileName: string | null, what?: string): boolean {
  if (source !== get().source && tooLargeForEditor(source.length)) return setSource(source, "external", what);
  set({ fileName });
  return setSource(source, "external", what);
}

export function setOptions(opts: Partial<Pick<StudioState, "strict" | "pretty" | "raw" | "target" | "platform">>): void {
  set((s) => ({ ...opts, rev: s.rev + 1, status: Status.Pending }));
}

/** Replaces the Files panel's content. */
export function setFiles(files: WireFile[]): void {
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  set((s) => ({ files: sorted, rev: s.rev + 1, status: Status.Pending }));
}

/** What the output view shows for `result`, or null when it produced no output. */
export function goodOutputOf(result: TranspileResult): GoodOutput | null {
  if (result.output === null) return null;
  return {
    output: result.output,
    outputFormat: result.outputFormat,
    config: result.config,
    ...(result.variant !== undefined ? { variant: result.variant } : {}),
    ...(result.version !== undefined ? { version: result.version } : {}),
    ...(result.ignitionVersion !== undefined ? { ignitionVersion: result.ignitionVersion } : {}),
  };
}

/** Records the result of a transpile of revision `forRev` (older revisions leave the status pending). */
export function applyResult(result: TranspileResult, forRev = get().rev, good = goodOutputOf(result)): void {
  set((s) => ({
    result,
    status: forRev === s.rev ? Status.Ready : Status.Pending,
    workerProblem: null,
    lastGood: good ?? s.lastGood,
    // The same object while the variant and version stay (its readers re-render on a new one).
    spec:
      result.variant && result.version && (s.spec?.variant !== result.variant || s.spec.version !== result.version)
        ? { variant: result.variant, version: result.version }
        : s.spec,
  }));
}

/** The worker did not answer (timeout) or threw (crash) for the current text. */
export function applyWorkerProblem(status: typeof Status.Timeout | typeof Status.Crash, message: string): void {
  set({ status, workerProblem: message });
}

export function setTab(tab: Tab): void {
  set({ tab });
}

/** Asks the editor to put its cursor at `line`:`column` (1-based, rune column) and show it. */
export function revealInEditor(line: number, column = 1): void {
  set((s) => ({ reveal: { line, column, seq: (s.reveal?.seq ?? 0) + 1 } }));
}

export function setCursor(line: number, column: number): void {
  const c = get().cursor;
  if (c.line !== line || c.column !== column) set({ cursor: { line, column } });
}

/** Shows a notice, replacing one with the same id. */
export function notify(notice: Notice): void {
  set((s) => ({ notices: [...s.notices.filter((n) => n.id !== notice.id), notice] }));
}

export function dismissNotice(id: string): void {
  if (get().notices.some((n) => n.id === id)) set((s) => ({ notices: s.notices.filter((n) => n.id !== id) }));
}

export function setSaved(saved: SaveState): void {
  if (get().saved !== saved) set({ saved });
}

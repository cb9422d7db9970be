/**
 * Messages between the main thread and the transpile worker. Both sides import this file;
 * only structured-clone-friendly data crosses the boundary.
 */
import type { TranspileResult } from "../transpiler/index.ts";
import type { ProjectBuild, ProjectRequest } from "./project-build.ts";

/** Bump when a message shape changes; the worker announces it in `ready`. */
export const PROTOCOL = 2;

/** The options the studio can set; `files` is built inside the worker from the `files` message. */
export interface WireOptions {
  strict: boolean;
  pretty: boolean;
  raw: boolean;
  /** Kindling's target guard: a target table id (`fcos-stable`); no target check when absent. */
  target?: string;
  /** Kindling's size meter: a platform id (`aws`); no size check when absent. */
  platform?: string;
}

/** One entry of the Files panel: a path relative to the files directory ("/"-separated). */
export interface WireFile {
  path: string;
  data: Uint8Array;
  /** POSIX permission bits, e.g. 0o644. */
  mode: number;
}

export type ToWorker =
  | { type: "transpile"; id: number; source: string; options: WireOptions }
  /** A project (main config, snippets, hosts table) composed with the current files. */
  | { type: "compose"; id: number; project: ProjectRequest }
  /** Replaces the whole file set; later transpile requests see it. */
  | { type: "files"; files: WireFile[] };

export type FromWorker =
  | { type: "ready"; protocol: typeof PROTOCOL }
  | { type: "result"; id: number; result: TranspileResult; ms: number }
  | { type: "composed"; id: number; build: ProjectBuild; ms: number }
  /** An exception escaped the transpiler: a bug, not a config problem. */
  | { type: "crash"; id: number; message: string; stack?: string };

/**
 * Quick fixes: for a problem (an upstream diagnostic, the failure line or a Kindling finding), the
 * mechanical changes that resolve it. Pure data: a fix is a set of text edits, or an action the
 * studio carries out (move the cursor, open the Files panel, ask for a value to fill in).
 */
import type { TextEdit } from "../../lib/yaml-edit/yaml-edit.ts";
import type { DiagnosticCode, Finding, Path, Severity, TranspileOptions } from "../../transpiler/index.ts";
import type { VariantSpec } from "../../transpiler/spec/variants.ts";

export type { TextEdit };

/** The problem a fix is asked for (a Problems row, with its path as elements). */
export interface FixTarget {
  severity: Severity;
  /** Upstream's text (or the finding's message). */
  message: string;
  /** YAML path of the entry; empty when it has none. */
  path: Path;
  /** 1-based line and rune column, when the entry has them. */
  line?: number;
  column?: number;
  /** The run's failure line rather than a report entry. */
  failure: boolean;
  /** Kindling's own finding, with its code and data. */
  finding?: Finding;
  /** The stable code of an upstream diagnostic Kindling knows (see transpiler/diagnostic-codes.ts). */
  code?: DiagnosticCode;
}

/** Everything a fix may look at. */
export interface FixContext {
  /** The config text the problem was found in. */
  source: string;
  target: FixTarget;
  /** The variant/version the config declares (as the transpiler read them), when known. */
  variant?: string;
  version?: string;
  /** The spec description of that variant/version, when Butane has one. */
  spec?: VariantSpec;
  /** What the config is transpiled with, for fixes that check their result by transpiling. */
  options?: Pick<TranspileOptions, "raw" | "files">;
}

/** Where a fill-in value goes. */
export type FillTarget =
  /** The whole scalar at `path` becomes the value (quoting as needed). */
  | { kind: "value"; path: Path }
  /**
   * The characters from `start` to `end` (which read `was` when the fix was made) become the
   * value, each further line indented by `indent`.
   */
  | { kind: "range"; start: number; end: number; was: string; indent: string };

/** What a value to fill in is. */
export type FillWhat = "password-hash" | "ssh-key" | "private-key" | "secret";

export type QuickFix =
  | { kind: "edit"; title: string; edits: TextEdit[]; preferred?: boolean }
  /** Moves the cursor (e.g. to the other one of two duplicates). */
  | { kind: "reveal"; title: string; line: number; column: number }
  /** Opens the Files panel, asking for a file (or folder) at `path`. */
  | { kind: "attach"; title: string; path: string; folder: boolean }
  /** Asks for a value (a password to hash, a key to paste) and writes it at `target`. */
  | { kind: "fill"; title: string; what: FillWhat; target: FillTarget };

/**
 * One kind of fix. A provider answers for upstream diagnostics with code `diagnostic`, findings
 * with `code`, or (the failure line and diagnostics without a code) problems whose message
 * matches `message`; `fixes` may still return none (no mechanical fix for this instance).
 */
export interface FixProvider {
  /** Stable name of the fix kind (tests and reports count by it). */
  id: string;
  diagnostic?: DiagnosticCode;
  message?: RegExp;
  code?: string;
  fixes(ctx: FixContext): QuickFix[];
}

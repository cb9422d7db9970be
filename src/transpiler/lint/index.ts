/**
 * Kindling's own checks, run after a transpile when `TranspileOptions.lint` asks for them: systemd
 * and Quadlet lint, placeholders and secrets, the target compatibility guard and the user-data
 * size meter. Never changes the transpile's output, diagnostics or failure.
 */
import type { Finding, LintOptions } from "./finding.ts";
import type { BObject } from "../decode.ts";
import type { YNode } from "../yaml/node.ts";
import type { Diagnostic } from "../types.ts";
import type { TranspileOptions } from "../options.ts";
import { walkPath } from "../correlate.ts";
import { collectUnits } from "./unit-sources.ts";
import { lintSystemdUnit } from "./systemd-lint.ts";
import { lintQuadletUnit } from "./quadlet-lint.ts";
import { checkPlaceholders } from "./placeholders.ts";
import { checkTarget, type Transpile } from "./target-guard.ts";
import { checkSize, measureUserData, type UserDataSize } from "./size-meter.ts";
import type { SpecLike } from "./targets.ts";

/** What one transpile learned that the checks need (filled in by the pipeline as it goes). */
export interface LintInput {
  source: string;
  root?: YNode | null;
  /** The decoded config, when it decoded. */
  cfg?: BObject;
  variant?: string;
  version?: string;
  ignition?: string;
  output: string | null;
  outputFormat: "json" | "yaml";
  /** The transpile's own report (the target guard compares the moved config's against it). */
  diagnostics?: readonly Diagnostic[];
  /** The output config object (for openshift, the MachineConfig). */
  config: unknown;
}

export interface LintEnvironment {
  specs: readonly SpecLike[];
  /** Transpiles again without lint (the target guard's move check). */
  transpile: Transpile;
  /** The options of the transpile being linted (files, raw …). */
  options: TranspileOptions;
}

export interface LintResult {
  findings: Finding[];
  /** The output measured for `options.platform`, when one was given and there is output. */
  userDataSize?: UserDataSize;
}

/** The Ignition config inside the output: the MachineConfig's `spec.config` for openshift. */
function ignitionConfigOf(input: LintInput): unknown {
  if (input.outputFormat !== "yaml") return input.config;
  return (input.config as { spec?: { config?: unknown } } | null)?.spec?.config ?? null;
}

/** At most this many unit-file findings per run: a config of thousands of bad lines stays quick. */
export const MAX_UNIT_FINDINGS = 500;

export function runLint(input: LintInput, options: LintOptions, env: LintEnvironment): LintResult {
  const findings: Finding[] = [];
  const emit = (f: Finding) => findings.push(f);
  let unitFindings = 0;
  /** Thrown past the cap: the remaining checks are not worth their time. */
  const full = new Error("full");
  const emitUnit = (f: Finding) => {
    if (unitFindings >= MAX_UNIT_FINDINGS) throw full;
    unitFindings++;
    findings.push(f);
  };
  const root = input.root ?? null;
  const srcLines = input.source.split("\n");

  if (input.cfg) {
    const nodePos = (path: readonly (string | number)[]) => {
      const w = walkPath(root, path);
      return w && w.depth === path.length ? { line: w.node.line, column: w.node.column } : null;
    };
    try {
      for (const g of collectUnits(input.cfg, root, srcLines)) {
        if (g.kind === "systemd") lintSystemdUnit(g, nodePos, emitUnit);
        else lintQuadletUnit(g, emitUnit);
      }
    } catch (e) {
      if (e !== full) throw e;
      emit({
        code: "lint-truncated",
        severity: "info",
        path: [],
        message: `Kindling stopped checking unit files after ${MAX_UNIT_FINDINGS} findings; fix those first.`,
        data: { shown: MAX_UNIT_FINDINGS },
      });
    }
    checkPlaceholders(input.cfg, root, srcLines, emit);
  }

  if (options.target && input.variant && input.version && input.ignition) {
    const f = checkTarget(
      {
        source: input.source,
        root,
        variant: input.variant,
        version: input.version,
        ignition: input.ignition,
        ...(input.diagnostics ? { diagnostics: input.diagnostics } : {}),
        specs: env.specs,
        transpile: env.transpile,
        options: env.options,
      },
      options.target,
    );
    if (f) emit(f);
  }

  let userDataSize: UserDataSize | undefined;
  if (options.platform && input.output !== null) {
    // A MachineConfig is applied by the cluster, not passed as user data: measure raw Ignition only.
    const measured = input.outputFormat === "json" ? measureUserData(input.output, options.platform) : null;
    if (measured) {
      userDataSize = measured;
      const f = checkSize(measured, ignitionConfigOf(input));
      if (f) emit(f);
    }
  }

  // In text order; findings without a line (the whole config) last, in the order made.
  const sorted = findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => (a.f.line ?? Infinity) - (b.f.line ?? Infinity) || (a.f.column ?? 0) - (b.f.column ?? 0) || a.i - b.i)
    .map((x) => x.f);
  return { findings: sorted, ...(userDataSize ? { userDataSize } : {}) };
}

export { type UserDataSize } from "./size-meter.ts";

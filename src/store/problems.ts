/**
 * The Problems list: the transpiler's diagnostics plus its failure line, as flat rows. A YAML
 * syntax failure (`… yaml: line 3: …`) becomes a row on that line.
 */
import type { Diagnostic, Finding, Path, Severity, TranspileResult } from "../transpiler/index.ts";
import { formatPath } from "../transpiler/types.ts";

export interface Problem {
  /** Kindling's own finding, with its stable code; absent for upstream Butane's entries. */
  finding?: Finding;
  severity: Severity;
  /** Upstream's text, exactly. */
  message: string;
  /** Kindling's extra guidance, shown apart from upstream's text. */
  hint?: string;
  /** `$.storage.files.0.path`, or "" when there is none. */
  path: string;
  /** The same path as elements (what quick fixes edit at); absent for the failure line. */
  pathElems?: Path;
  line?: number;
  column?: number;
  /** The run's failure line rather than a report entry. */
  failure: boolean;
}

/** Rows for a failure text: one per `line N:` it names, else one without a position. */
export function failureProblems(failure: string): Problem[] {
  const lines = failure.split("\n");
  const head = lines[0] ?? "";
  // yaml.v3 type errors: "…yaml: unmarshal errors:\n  line 3: cannot unmarshal …" (one per line).
  const subs = lines.slice(1).flatMap((l) => {
    const m = /^\s+line (\d+): (.*)$/.exec(l);
    return m ? [{ line: Number(m[1]), text: m[2] ?? "" }] : [];
  });
  if (subs.length > 0) {
    return subs.map((s) => ({
      severity: "error",
      message: `${head} line ${s.line}: ${s.text}`,
      path: "",
      line: s.line,
      failure: true,
    }));
  }
  const m = /\byaml: line (\d+):/.exec(failure);
  return [{ severity: "error", message: failure, path: "", ...(m ? { line: Number(m[1]) } : {}), failure: true }];
}

const fromDiagnostic = (d: Diagnostic): Problem => ({
  severity: d.severity,
  message: d.message,
  ...(d.hint ? { hint: d.hint } : {}),
  path: d.path.length > 0 ? formatPath(d.path) : "",
  pathElems: d.path,
  ...(d.line !== undefined ? { line: d.line } : {}),
  ...(d.column !== undefined ? { column: d.column } : {}),
  failure: false,
});

const fromFinding = (f: Finding): Problem => ({
  finding: f,
  severity: f.severity,
  message: f.message,
  path: f.path.length > 0 ? formatPath(f.path) : "",
  pathElems: f.path,
  ...(f.line !== undefined ? { line: f.line } : {}),
  ...(f.column !== undefined ? { column: f.column } : {}),
  failure: false,
});

/**
 * Every row for a result: report entries first (in upstream's order), then the failure, then
 * Kindling's own findings (never mixed into upstream's rows).
 */
export function problemsOf(result: Pick<TranspileResult, "diagnostics" | "failure" | "findings"> | null): Problem[] {
  if (!result) return [];
  const rows = result.diagnostics.map(fromDiagnostic);
  if (result.failure) rows.push(...failureProblems(result.failure));
  for (const f of result.findings ?? []) rows.push(fromFinding(f));
  return rows;
}

export interface ProblemCounts {
  error: number;
  warning: number;
  info: number;
}

/**
 * Counts by severity. The failure line counts only when no report entry is an error: after error
 * entries it merely sums them up ("source config is invalid").
 */
export function countProblems(rows: readonly Problem[]): ProblemCounts {
  const c: ProblemCounts = { error: 0, warning: 0, info: 0 };
  const entryErrors = rows.some((r) => !r.failure && r.severity === "error");
  for (const r of rows) if (!(r.failure && entryErrors)) c[r.severity]++;
  return c;
}

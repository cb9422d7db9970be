/**
 * The Problems list: the transpiler's diagnostics plus its failure line, as flat rows. A YAML
 * syntax failure (`… yaml: line 3: …`) becomes a row on that line.
 */
import type { Diagnostic, DiagnosticCode, Finding, Path, Severity, TranspileResult } from "../transpiler/index.ts";
import { formatPath } from "../transpiler/types.ts";

export interface Problem {
  /** Kindling's own finding, with its stable code; absent for upstream Butane's entries. */
  finding?: Finding;
  severity: Severity;
  /** Upstream's text, exactly. */
  message: string;
  /** Kindling's extra guidance, shown apart from upstream's text. */
  hint?: string;
  /** The stable code of an upstream diagnostic Kindling explains or fixes. */
  code?: DiagnosticCode;
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

function fromEntry(d: Diagnostic | Finding, finding: Finding | undefined): Problem {
  // Built field by field (no spreads): a result can carry tens of thousands of entries.
  const p: Problem = { severity: d.severity, message: d.message, path: d.path.length > 0 ? formatPath(d.path) : "", pathElems: d.path, failure: false };
  if (finding !== undefined) p.finding = finding;
  else {
    if ((d as Diagnostic).hint) p.hint = (d as Diagnostic).hint;
    if ((d as Diagnostic).code !== undefined) p.code = (d as Diagnostic).code;
  }
  if (d.line !== undefined) p.line = d.line;
  if (d.column !== undefined) p.column = d.column;
  return p;
}

type Rowed = Pick<TranspileResult, "diagnostics" | "failure" | "findings">;

// Several views ask for the rows of the same result (the editor's squiggles, the Problems tab and
// its counts, the quick fixes): they are built once per result. Results are never changed.
const rowsByResult = new WeakMap<Rowed, readonly Problem[]>();
const countsByResult = new WeakMap<Rowed, ProblemCounts>();

/**
 * Every row for a result: report entries first (in upstream's order), then the failure, then
 * Kindling's own findings (never mixed into upstream's rows). The same array for the same result.
 */
export function problemsOf(result: Rowed | null): readonly Problem[] {
  if (!result) return [];
  let rows = rowsByResult.get(result);
  if (rows === undefined) {
    const built = result.diagnostics.map((d) => fromEntry(d, undefined));
    if (result.failure) built.push(...failureProblems(result.failure));
    for (const f of result.findings ?? []) built.push(fromEntry(f, f));
    rowsByResult.set(result, (rows = built));
  }
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

/** {@link countProblems} of a result's rows, worked out once per result (the tab strip asks on every store change). */
export function countProblemsOf(result: Rowed | null): ProblemCounts {
  if (!result) return { error: 0, warning: 0, info: 0 };
  let c = countsByResult.get(result);
  if (c === undefined) countsByResult.set(result, (c = countProblems(problemsOf(result))));
  return c;
}

/**
 * A project in the studio: a main config, snippets merged over it in order, an optional hosts
 * table; local files are the Files panel's. Plain data; no store, no DOM.
 */
import type { Finding, Severity, TranspileResult } from "../transpiler/index.ts";
import type { ProjectBuild, ProjectRequest } from "../worker/project-build.ts";

/** A text file of the project, named by its path in the project folder ("/"-separated). */
export interface ProjectFile {
  name: string;
  text: string;
}

export interface Project {
  main: ProjectFile;
  snippets: ProjectFile[];
  hosts: ProjectFile | null;
  /** The file in the editor. */
  active: string;
  /** The host whose output is shown (with a hosts table). */
  host: string | null;
  /** The folder or zip it came from, for display; null for a project started in the studio. */
  origin: string | null;
  /** The folder names its files in `kindling.project.yaml` (written back on save). */
  manifest: boolean;
}

/** Every text file of the project: main, snippets in merge order, hosts table. */
export function projectFiles(p: Project): ProjectFile[] {
  return [p.main, ...p.snippets, ...(p.hosts ? [p.hosts] : [])];
}

export function projectFile(p: Project, name: string): ProjectFile | undefined {
  return projectFiles(p).find((f) => f.name === name);
}

/** `p` with file `name`'s text replaced (the same object when nothing changes). */
export function withFileText(p: Project, name: string, text: string): Project {
  const f = projectFile(p, name);
  if (!f || f.text === text) return p;
  const swap = (x: ProjectFile) => (x.name === name ? { name, text } : x);
  return { ...p, main: swap(p.main), snippets: p.snippets.map(swap), hosts: p.hosts ? swap(p.hosts) : null };
}

/** `p` with snippet `name` moved `delta` places in the merge order (clamped). */
export function withSnippetMoved(p: Project, name: string, delta: number): Project {
  const i = p.snippets.findIndex((s) => s.name === name);
  if (i < 0) return p;
  const j = Math.max(0, Math.min(p.snippets.length - 1, i + delta));
  if (i === j) return p;
  const snippets = [...p.snippets];
  const [moved] = snippets.splice(i, 1);
  snippets.splice(j, 0, moved!);
  return { ...p, snippets };
}

/**
 * The name the composed output downloads under (before its extension): the host's it was built
 * for (`builtHost`, else the chosen one), else
 * the main config's without its folder. Never the file in the editor: a snippet is not what the
 * output is built from, and its name has a folder in it (`snippets/ntp.bu`).
 */
export function projectOutputSource(p: Project, builtHost?: string): string {
  const base = (p.hosts ? (builtHost ?? p.host) : null) ?? p.main.name.slice(p.main.name.lastIndexOf("/") + 1);
  return base.replace(/[/\\]/g, "-");
}

/** What the worker needs to build `p`. */
export function projectRequest(
  p: Project,
  options: { strict: boolean; pretty: boolean; target?: string | null; platform?: string | null },
  mode: ProjectRequest["mode"],
): ProjectRequest {
  const { target = null, platform = null } = options;
  return { main: p.main, snippets: p.snippets, hosts: p.hosts, host: p.host, strict: options.strict, pretty: options.pretty, mode, target, platform };
}

/** A problem of a project build, naming the file (and the host for a placeholder problem). */
export interface ProjectProblem {
  file: string;
  severity: Severity;
  message: string;
  line?: number;
  column?: number;
  host?: string;
  /** Kindling's finding code (`compose-conflict`). */
  code?: string;
  /** From the file's own Butane report (the editor shows these for the file it edits). */
  report: boolean;
}

const yamlLine = (failure: string) => {
  const m = /\byaml: line (\d+):/.exec(failure);
  return m ? { line: Number(m[1]) } : {};
};

/** Every problem of a build: each file's report and failure, conflicts, hosts table and placeholder problems. */
export function projectProblems(build: ProjectBuild): ProjectProblem[] {
  const rows: ProjectProblem[] = [];
  for (const p of build.hostsProblems) rows.push({ file: p.file, severity: "error", message: p.message, ...at(p), report: false });
  for (const p of build.hostProblems)
    rows.push({ file: p.file, severity: "error", message: p.message, ...at(p), ...(p.host !== undefined ? { host: p.host } : {}), report: false });
  const r = build.result;
  if (r) {
    for (const rep of r.reports) {
      for (const d of rep.diagnostics) rows.push({ file: rep.name, severity: d.severity, message: d.message, ...at(d), report: true });
      if (rep.failure !== undefined) rows.push({ file: rep.name, severity: "error", message: rep.failure, ...yamlLine(rep.failure), report: true });
    }
    if (r.failure !== undefined && !r.reports.some((rep) => rep.failure !== undefined))
      rows.push({ file: r.reports[0]?.name ?? "", severity: "error", message: r.failure, report: false });
    for (const f of r.findings) rows.push({ file: f.file, severity: f.severity, message: f.message, ...at(f), code: f.code, report: false });
  }
  return rows;
}

function at(p: { line?: number; column?: number }): { line?: number; column?: number } {
  return { ...(p.line !== undefined ? { line: p.line } : {}), ...(p.column !== undefined ? { column: p.column } : {}) };
}

/**
 * The build as the studio's single-file views read a result: the composed output, and the
 * diagnostics, failure and findings of the file in the editor (so its squiggles and Problems rows
 * are on its own lines). Why there is no output, when another file stops it, is said without
 * line numbers (they would be taken for the edited file's).
 */
/** The `variant:` and `version:` a Butane text starts with (what the spec picker shows). */
function headerSpec(text: string): { variant?: string; version?: string } {
  const variant = /^variant:[ \t]*["']?([\w.-]+)/m.exec(text)?.[1];
  const version = /^version:[ \t]*["']?([\w.-]+)/m.exec(text)?.[1];
  return variant && version ? { variant, version } : {};
}

export function resultForFile(build: ProjectBuild, active: string, activeText = ""): TranspileResult {
  const r = build.result;
  const report = r?.reports.find((x) => x.name === active);
  const findings: Finding[] = (r?.findings ?? []).filter((f) => f.file === active);
  let failure: string | undefined = report?.failure;
  if (failure === undefined && (r?.output ?? null) === null) {
    const failed = r?.reports.find((x) => x.failure !== undefined);
    if (build.hostsProblems.length > 0) failure = `The hosts table ${build.hostsProblems[0]!.file} has problems (see Problems).`;
    else if (build.hostProblems.length > 0)
      failure = `Host ${build.host ?? "?"}: ${build.hostProblems.length} placeholder ${build.hostProblems.length === 1 ? "problem" : "problems"} (see Problems).`;
    else if (failed) failure = `${failed.name} has errors (see Problems).`;
    else failure = r?.failure ?? "The project produced no output.";
  }
  return {
    output: r?.output ?? null,
    config: r?.config ?? null,
    outputFormat: "json",
    diagnostics: report?.diagnostics ?? [],
    ...(failure !== undefined ? { failure } : {}),
    ...(findings.length > 0 ? { findings } : {}),
    // the size meter measures the merged output, whichever file is in the editor
    ...(r?.userDataSize ? { userDataSize: r.userDataSize } : {}),
    ...headerSpec(activeText),
  };
}

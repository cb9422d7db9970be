/** The problems of a whole project build, counted for the Problems tab's badge and the status line. */
import { countProblemsOf, type ProblemCounts } from "../../store/problems.ts";
import { projectProblems } from "../../store/project-model.ts";
import type { ProjectBuild } from "../../worker/project-build.ts";

export interface ProjectProblemCounts extends ProblemCounts {
  /** How many files have a problem. */
  files: number;
}

const cache = new WeakMap<ProjectBuild, ProjectProblemCounts>();

/**
 * Every file's problems in `build`: each file's report counted as the Problems tab counts a
 * file's (its failure line only when no entry is an error), plus conflicts, findings, hosts-table
 * and placeholder problems. Once per build (the tab strip asks on every store change).
 */
export function projectProblemCounts(build: ProjectBuild): ProjectProblemCounts {
  let c = cache.get(build);
  if (c) return c;
  c = { error: 0, warning: 0, info: 0, files: 0 };
  const files = new Set<string>();
  for (const rep of build.result?.reports ?? []) {
    const k = countProblemsOf(rep);
    c.error += k.error;
    c.warning += k.warning;
    c.info += k.info;
    if (k.error + k.warning + k.info > 0) files.add(rep.name);
  }
  for (const p of projectProblems(build)) {
    if (p.report) continue;
    c[p.severity]++;
    files.add(p.file);
  }
  c.files = files.size;
  cache.set(build, c);
  return c;
}

/** "3 problems in 2 files", "1 problem in 1 file", "no problems in the project". */
export function problemsInFilesText(c: ProjectProblemCounts): string {
  const n = c.error + c.warning + c.info;
  if (n === 0) return "no problems in the project";
  return `${n} ${n === 1 ? "problem" : "problems"} in ${c.files} ${c.files === 1 ? "file" : "files"}`;
}

import { describe, expect, it } from "vitest";
import { createFilesProvider } from "../../worker/files-provider.ts";
import { buildProject, type ProjectRequest } from "../../worker/project-build.ts";
import { problemsInFilesText, projectProblemCounts } from "./problem-counts.ts";

const HEAD = "variant: fcos\nversion: 1.5.0\n";
const req = (main: string, snippets: Record<string, string>, hosts?: string): ProjectRequest => ({
  main: { name: "main.bu", text: HEAD + main },
  snippets: Object.entries(snippets).map(([name, text]) => ({ name, text: HEAD + text })),
  hosts: hosts !== undefined ? { name: "hosts.yaml", text: hosts } : null,
  host: null,
  strict: false,
  pretty: true,
  mode: "one",
});
const build = (r: ProjectRequest) => buildProject(r, createFilesProvider([]));

describe("projectProblemCounts", () => {
  it("counts every file's problems, not only the edited file's", () => {
    const b = build(req("storage:\n  bogus: 1\n", { "snippets/a.bu": "passwd:\n  nope: 1\n", "snippets/b.bu": "storage: {}\n" }));
    const c = projectProblemCounts(b);
    expect(c).toEqual({ error: 0, warning: 2, info: 0, files: 2 });
    expect(problemsInFilesText(c)).toBe("2 problems in 2 files");
    expect(projectProblemCounts(b)).toBe(c);
  });

  it("counts a file that fails once (its failure line sums up its errors), and a conflict between snippets", () => {
    const bad = build(req("", { "snippets/a.bu": "storage:\n  files:\n    - path: relative\n" }));
    expect(projectProblemCounts(bad)).toMatchObject({ error: 1, files: 1 });
    const conflict = build(
      req("", {
        "snippets/a.bu": "storage:\n  files:\n    - path: /etc/x\n      mode: 0600\n",
        "snippets/b.bu": "storage:\n  files:\n    - path: /etc/x\n      mode: 0644\n",
      }),
    );
    const c = projectProblemCounts(conflict);
    expect(c.error + c.warning + c.info).toBeGreaterThan(0);
  });

  it("counts placeholder problems of the host built", () => {
    const b = build(
      req("", { "snippets/h.bu": "storage:\n  files:\n    - path: /etc/hostname\n      contents:\n        inline: ${HOSTNAME}\n" }, "alpha:\n  IP: 1\n"),
    );
    expect(projectProblemCounts(b)).toMatchObject({ error: 1, files: 1 });
    expect(problemsInFilesText({ error: 0, warning: 0, info: 0, files: 0 })).toBe("no problems in the project");
    expect(problemsInFilesText({ error: 1, warning: 0, info: 0, files: 1 })).toBe("1 problem in 1 file");
  });
});

import { describe, expect, it } from "vitest";
import { countProblems, countProblemsOf, failureProblems, problemsOf } from "./problems.ts";

describe("problems", () => {
  it("lists diagnostics then the failure", () => {
    const rows = problemsOf({
      diagnostics: [
        { severity: "error", path: ["storage", "files", 0, "path"], line: 7, column: 15, message: "path not absolute" },
        { severity: "warning", path: [], message: "something", hint: "try this" },
      ],
      failure: "Error translating config: source config is invalid",
    });
    expect(rows).toEqual([
      {
        severity: "error",
        message: "path not absolute",
        path: "$.storage.files.0.path",
        pathElems: ["storage", "files", 0, "path"],
        line: 7,
        column: 15,
        failure: false,
      },
      { severity: "warning", message: "something", hint: "try this", path: "", pathElems: [], failure: false },
      { severity: "error", message: "Error translating config: source config is invalid", path: "", failure: true },
    ]);
    // The failure line sums up the error entries: not counted again.
    expect(countProblems(rows)).toEqual({ error: 1, warning: 1, info: 0 });
    // Without error entries (a strict failure, a YAML error) it is the error.
    expect(countProblems(rows.slice(1))).toEqual({ error: 1, warning: 1, info: 0 });
  });

  it("puts a YAML syntax failure on its line", () => {
    expect(failureProblems("Error translating config: Error unmarshaling yaml: yaml: line 3: did not find expected node content")).toEqual([
      {
        severity: "error",
        message: "Error translating config: Error unmarshaling yaml: yaml: line 3: did not find expected node content",
        path: "",
        line: 3,
        failure: true,
      },
    ]);
  });

  it("splits yaml type errors into one row per line", () => {
    const rows = failureProblems(
      "Error translating config: yaml: unmarshal errors:\n  line 4: cannot unmarshal !!str `x` into int\n  line 9: cannot unmarshal !!map into string",
    );
    expect(rows.map((r) => [r.line, r.message])).toEqual([
      [4, "Error translating config: yaml: unmarshal errors: line 4: cannot unmarshal !!str `x` into int"],
      [9, "Error translating config: yaml: unmarshal errors: line 9: cannot unmarshal !!map into string"],
    ]);
  });

  it("has no rows without a result", () => {
    expect(problemsOf(null)).toEqual([]);
  });

  it("builds the rows of a result once, and counts them once", () => {
    // The editor's squiggles, the Problems tab and the tab strip's counts all read the same result.
    const result = {
      diagnostics: Array.from({ length: 3 }, (_, i) => ({ severity: "warning" as const, path: ["passwd", "users", i, "shel"], message: "Unused key shel" })),
      failure: "Error translating config: source config is invalid",
      findings: [{ code: "placeholder-redacted", severity: "error" as const, path: ["passwd"], message: "REDACTED" }],
    };
    const rows = problemsOf(result);
    expect(problemsOf(result)).toBe(rows);
    expect(rows.map((r) => [r.severity, r.path, r.finding?.code ?? null])).toEqual([
      ["warning", "$.passwd.users.0.shel", null],
      ["warning", "$.passwd.users.1.shel", null],
      ["warning", "$.passwd.users.2.shel", null],
      ["error", "", null],
      ["error", "$.passwd", "placeholder-redacted"],
    ]);
    // A finding that is an error makes the failure line a sum-up too.
    expect(countProblemsOf(result)).toEqual({ error: 1, warning: 3, info: 0 });
    expect(countProblemsOf(result)).toBe(countProblemsOf(result));
    expect(countProblemsOf({ ...result, findings: [] })).toEqual({ error: 1, warning: 3, info: 0 });
    expect(countProblemsOf(null)).toEqual({ error: 0, warning: 0, info: 0 });
  });
});

import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { Provenance, type Obj } from "../transpiler/translate/provenance.ts";
import { mergeConfigs } from "../transpiler/variants/merge.ts";
import { bootMerge } from "./boot-merge.reference.ts";
import { compose } from "./merge.ts";
import { transpile } from "../transpiler/index.ts";

/** Ignition's own merge test cases (config/merge/merge_test.go), as JSON: in1 parent, in2 child. */
const CASES = JSON.parse(readFileSync(new URL("./testdata/ignition-merge-cases.json", import.meta.url), "utf8")) as { in1: Obj; in2: Obj; out: Obj }[];

describe("Ignition's merge test cases", () => {
  it("are all here", () => expect(CASES.length).toBe(12));
  CASES.forEach((c, i) => {
    it(`case ${i + 1}: the library merge gives Ignition's result`, () => {
      // the last case is written against spec 3.2 types
      expect(mergeConfigs(new Provenance(), c.in1, c.in2, i === CASES.length - 1 ? "3.2.0" : undefined)).toEqual(c.out);
    });
    it(`case ${i + 1}: the reference boot-time merge gives Ignition's result`, () => {
      // Go writes a zero value field (`version`, `path` …) as ""; the cases leave zero fields out
      const dropEmpty = (v: unknown): unknown => {
        if (Array.isArray(v)) return v.map(dropEmpty);
        if (v === null || typeof v !== "object") return v;
        const kept = Object.entries(v)
          .filter(([, x]) => x !== "")
          .map(([k, x]) => [k, dropEmpty(x)] as const);
        return Object.fromEntries(kept.filter(([, x]) => !(typeof x === "object" && x !== null && !Array.isArray(x) && Object.keys(x).length === 0)));
      };
      expect(dropEmpty(bootMerge(c.in1, c.in2))).toEqual(c.out);
    });
  });
});

const bu = (body: string) => `variant: fcos\nversion: 1.5.0\n${body}`;

describe("compose: snippets merged at authoring time", () => {
  it("merges snippets in order over the main config, as Ignition merges child configs", () => {
    const main = { name: "main.bu", source: bu("storage:\n  files:\n    - path: /etc/a\n      contents:\n        inline: a\n") };
    const s1 = { name: "s1.bu", source: bu("storage:\n  files:\n    - path: /etc/b\n      mode: 0600\n    - path: /etc/a\n      mode: 0644\n") };
    const r = compose(main, [s1], { origins: true });
    expect(r.failure).toBeUndefined();
    expect(r.output).toBe(
      '{"ignition":{"version":"3.4.0"},"storage":{"files":[{"path":"/etc/a","contents":{"compression":"","source":"data:,a"},"mode":420},{"path":"/etc/b","mode":384}]}}\n',
    );
    const at = (path: (string | number)[]) => r.origins!.find((o) => JSON.stringify(o.path) === JSON.stringify(path));
    expect(at(["storage", "files", 0, "contents", "source"])).toMatchObject({ file: "main.bu", line: 7 });
    expect(at(["storage", "files", 0, "mode"])).toMatchObject({ file: "s1.bu", line: 8, source: ["storage", "files", 1, "mode"] });
    expect(at(["storage", "files", 1])).toMatchObject({ file: "s1.bu", line: 5 });
    expect(r.findings).toEqual([]);
  });

  it("a value two snippets set differently is a compose-conflict finding naming both files and lines", () => {
    const main = { name: "main.bu", source: bu("passwd:\n  users:\n    - name: core\n      shell: /bin/sh\n") };
    const a = { name: "a.bu", source: bu("passwd:\n  users:\n    - name: core\n      shell: /bin/bash\n") };
    const b = { name: "b.bu", source: bu("passwd:\n  users:\n    - name: core\n      shell: /bin/zsh\n") };
    const r = compose(main, [a, b]);
    expect(r.findings).toEqual([
      expect.objectContaining({
        code: "compose-conflict",
        file: "b.bu",
        line: 6,
        column: 14,
        path: ["passwd", "users", 0, "shell"],
        message: "passwd.users[core].shell is set to different values by a.bu:6 and by b.bu:6; b.bu wins (later snippets merge over earlier ones)",
      }),
    ]);
    expect(r.output).toContain('"shell":"/bin/zsh"');
    // overriding the main config is what snippets are for: no finding
    expect(compose(main, [a]).findings).toEqual([]);
    // the same value twice is no conflict
    expect(compose(main, [a, a]).findings).toEqual([]);
  });

  it("a file of one snippet that another replaces with a directory is a conflict", () => {
    const main = { name: "main.bu", source: bu("") };
    const a = { name: "a.bu", source: bu("storage:\n  files:\n    - path: /etc/x\n") };
    const b = { name: "b.bu", source: bu("storage:\n  directories:\n    - path: /etc/x\n") };
    const r = compose(main, [a, b]);
    expect(r.findings.map((f) => f.message)).toEqual([
      "storage.files[/etc/x] is a file in a.bu:5 and a directory in b.bu:5; b.bu wins (later snippets merge over earlier ones)",
    ]);
    expect(r.config).toEqual({ ignition: { version: "3.4.0" }, storage: { directories: [{ path: "/etc/x" }] } });
  });

  it("a file that fails stops the build with its own report; different Ignition versions are refused", () => {
    const main = { name: "main.bu", source: bu("") };
    const bad = { name: "bad.bu", source: bu("storage:\n  files:\n    - path: relative\n") };
    const r = compose(main, [bad]);
    expect(r.output).toBeNull();
    expect(r.failure).toBe("bad.bu: Error translating config: config generated was invalid");
    expect(r.reports[1]!.diagnostics[0]).toMatchObject({ severity: "error", line: 5 });
    const old = { name: "old.bu", source: "variant: fcos\nversion: 1.0.0\n" };
    expect(compose(main, [old]).failure).toBe(
      "old.bu produces Ignition 3.0.0 but main.bu produces Ignition 3.4.0: give snippets a version of the same Ignition spec",
    );
  });
});

describe("compose: the merged config is validated as Ignition validates it at boot", () => {
  it("a file under another snippet's link fails the build, named by file and line", () => {
    const main = { name: "main.bu", source: bu("") };
    const a = { name: "a.bu", source: bu("storage:\n  links:\n    - path: /opt/a\n      target: /tmp\n") };
    const b = { name: "b.bu", source: bu("storage:\n  files:\n    - path: /opt/a/b\n") };
    const r = compose(main, [a, b]);
    expect(r.output).toBeNull();
    expect(r.failure).toBe("merging the snippets resulted in an invalid config (Ignition would refuse it at boot)");
    expect(r.findings).toEqual([
      expect.objectContaining({
        code: "compose-merged-invalid",
        severity: "error",
        file: "b.bu",
        line: 5,
        message: "the merged config at $.storage.files.0: file path includes link in config",
      }),
    ]);
    expect(compose(main, [b]).failure).toBeUndefined();
  });
});

describe("transpile origins", () => {
  it("lists each output node's Butane path and line, only when asked", () => {
    const src = bu("passwd:\n  users:\n    - name: core\n      groups: [wheel]\n");
    expect(transpile(src).origins).toBeUndefined();
    const o = transpile(src, { origins: true }).origins!;
    expect(o.find((x) => x.output.join(".") === "passwd.users.0.groups.0")).toEqual({
      output: ["passwd", "users", 0, "groups", 0],
      source: ["passwd", "users", 0, "groups", 0],
      line: 6,
      column: 16,
    });
  });

  it("traces ignition.version to the config's version line, not to the top of the file", () => {
    const o = transpile(bu("passwd:\n  users:\n    - name: core\n"), { origins: true }).origins!;
    expect(o.find((x) => x.output.join(".") === "ignition.version")).toMatchObject({ source: ["version"], line: 2 });
  });
});

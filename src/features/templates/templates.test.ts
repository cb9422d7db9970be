import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { templates } from "./templates.ts";

describe("templates", () => {
  it("has at least ten, with unique kebab-case ids and titles", () => {
    expect(templates.length).toBeGreaterThanOrEqual(10);
    const ids = templates.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(templates.map((t) => t.title)).size).toBe(templates.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  describe.each(templates)("$id", (t) => {
    it("starts with a comment saying what it does", () => {
      expect(t.source.startsWith("# ")).toBe(true);
      expect(t.title.trim()).not.toBe("");
      expect(t.description.trim()).not.toBe("");
    });

    it("is fcos YAML with a version", () => {
      const doc: unknown = parse(t.source);
      expect(doc).toMatchObject({ variant: "fcos", version: "1.6.0" });
    });

    it("ends with a newline and has no tabs or trailing spaces", () => {
      expect(t.source.endsWith("\n")).toBe(true);
      expect(t.source).not.toMatch(/\t|[ ]+$/m);
    });

    it("has a copy in public/templates", async () => {
      await expect(t.source).toMatchFileSnapshot(`../../../public/templates/${t.id}.bu`);
    });

    it("transpiles without errors", async () => {
      // Imported lazily so a half-landed transpiler fails only this test, not the whole file.
      const { transpile } = await import("../../transpiler/index.ts");
      const result = transpile(t.source);
      expect(result.failure).toBeUndefined();
      expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    });

    it("transpiles without warnings", async () => {
      const { transpile } = await import("../../transpiler/index.ts");
      expect(transpile(t.source).diagnostics).toEqual([]);
    });
  });
});

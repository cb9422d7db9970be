import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { transpile } from "../../transpiler/index.ts";
import { listSpecs } from "../../transpiler/versions.ts";
import { templates, templateVariants, templateVersion } from "./templates.ts";

describe("templates", () => {
  it("has unique kebab-case ids, and titles unique within a variant", () => {
    const ids = templates.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    const titles = templates.map((t) => `${t.variant}: ${t.title}`);
    expect(new Set(titles).size).toBe(titles.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it("has at least three for every variant, and a Quadlet container wherever a spec has quadlets", () => {
    const variants = [...new Set(listSpecs().map((s) => s.variant))];
    expect(templateVariants).toEqual(variants);
    for (const v of variants) expect(templates.filter((t) => t.variant === v).length, v).toBeGreaterThanOrEqual(3);
    for (const v of ["fcos", "flatcar", "r4e", "fiot"]) {
      expect(
        templates.some((t) => t.variant === v && /systemd:\n {2}quadlets:/.test(t.source)),
        `${v} systemd.quadlets`,
      ).toBe(true);
    }
  });

  it("uses the newest stable spec of each variant, or the newest experimental one for experimental-only fields", () => {
    // The registry lists each variant's versions oldest first, experimental ones last.
    const newest = (variant: string, experimental: boolean) =>
      listSpecs()
        .filter((s) => s.variant === variant && s.experimental === experimental)
        .at(-1)?.version;
    for (const variant of ["fcos", "flatcar", "openshift", "r4e", "fiot"]) expect(templateVersion(variant)).toBe(newest(variant, false));
    expect(templateVersion("fcos", "experimental")).toBe(newest("fcos", true));
    expect(templateVersion("fcos")).not.toContain("experimental");
    for (const t of templates) {
      const experimental = t.version.includes("experimental");
      expect(t.version).toBe(templateVersion(t.variant, experimental ? "experimental" : "stable"));
      // Only templates that need an experimental field use an experimental spec, and they say so.
      expect(experimental, t.id).toBe(/\bquadlets:/.test(t.source));
      if (experimental) expect(t.source).toContain("# Experimental spec");
    }
  });

  describe.each(templates)("$id", (t) => {
    it("starts with a comment saying what it does", () => {
      expect(t.source.startsWith("# ")).toBe(true);
      expect(t.title.trim()).not.toBe("");
      expect(t.description.trim()).not.toBe("");
    });

    it("is YAML of its variant and version", () => {
      const doc: unknown = parse(t.source);
      expect(doc).toMatchObject({ variant: t.variant, version: t.version });
    });

    it("ends with a newline and has no tabs or trailing spaces", () => {
      expect(t.source.endsWith("\n")).toBe(true);
      expect(t.source).not.toMatch(/\t|[ ]+$/m);
    });

    it("has a copy in public/templates", async () => {
      await expect(t.source).toMatchFileSnapshot(`../../../public/templates/${t.id}.bu`);
    });

    it("transpiles with zero diagnostics", () => {
      const result = transpile(t.source);
      expect(result.failure).toBeUndefined();
      expect(result.output).not.toBeNull();
      expect(result.diagnostics).toEqual([]);
    });

    it.runIf(t.variant === "openshift")("transpiles with zero diagnostics as raw Ignition too", () => {
      // Raw output drops the openshift section with a warning; only templates without one are clean.
      const result = transpile(t.source, { raw: true });
      expect(result.output).not.toBeNull();
      expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    });
  });
});

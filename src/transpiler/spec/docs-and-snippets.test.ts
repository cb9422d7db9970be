/**
 * The served HTML reference (public/docs/spec) has an anchor for every field the editor's hover
 * links to and stays on its own origin; the schema snippets insert configs Butane accepts, and
 * only keys their version has.
 */
import { describe, expect, it } from "vitest";
import { transpile } from "../index.ts";
import { docsHtmlIndex, docsHtmlPage } from "./doc-html.ts";
import { fieldAnchor } from "./doc-links.ts";
import { butaneFields, butaneSchema } from "./json-schema.ts";
import { snippetsOf, type SnippetBody } from "./snippets.ts";
import { lookupSpec, registry, type VariantSpec } from "./variants.ts";

function spec(variant: string, version: string): VariantSpec {
  const vs = lookupSpec(variant, version);
  if (!vs) throw new Error(`no ${variant} ${version}`);
  return vs;
}

const ids = (html: string): Set<string> => new Set([...html.matchAll(/ id="([^"]+)"/g)].map((m) => (m[1] ?? "").replace(/&quot;/g, '"')));

describe("HTML reference pages", () => {
  it("anchor every field path, and every struct field the hover links to", () => {
    for (const vs of registry.values()) {
      const anchors = ids(docsHtmlPage(vs));
      for (const f of butaneFields(vs)) expect(anchors, `${vs.variant} ${vs.version} ${f.path}`).toContain(f.path);
      const schema = butaneSchema(vs) as { properties: object; definitions: Record<string, { properties: object }> };
      for (const key of Object.keys(schema.properties)) expect(anchors).toContain(fieldAnchor(null, key));
      for (const [name, def] of Object.entries(schema.definitions)) {
        for (const key of Object.keys(def.properties)) expect(anchors, `${vs.variant} ${vs.version}`).toContain(fieldAnchor(name, key));
      }
    }
  });

  it("show a field's description and since note in its row", () => {
    const html = docsHtmlPage(spec("fcos", "1.6.0"));
    const row = html.split("\n").find((l) => l.startsWith('<tr id="storage.filesystems[].with_mount_unit">'));
    expect(row).toContain("Generate a systemd mount unit that mounts it at boot.");
    expect(row).toContain("<td>fcos 1.1.0</td>");
    expect(row).toContain('id="Filesystem.with_mount_unit"');
    // A struct shared by several paths is anchored where users mostly meet it.
    const inline = html.split("\n").find((l) => l.includes('id="Resource.inline"'));
    expect(inline).toMatch(/^<tr id="storage\.files\[\]\.contents\.inline">/);
  });

  it("load nothing from another origin and run no script", () => {
    for (const html of [...[...registry.values()].map(docsHtmlPage), docsHtmlIndex()]) {
      expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'self';`);
      expect(html).not.toMatch(/<script|\b(?:src|href)="(?:https?:)?\/\//);
    }
  });
});

/** What yaml-language-server inserts for a snippet body (strings verbatim), with each placeholder at its default. */
function toYaml(body: SnippetBody, indent = ""): string {
  const scalar = (s: string): string => s.replace(/^\^/, "").replace(/\$\{\d+:([^}]*)\}/g, "$1");
  if (typeof body === "string") return " " + scalar(body);
  if (Array.isArray(body)) return body.map((item) => `\n${indent}-` + toYaml(item, indent + "  ").replace(/^\n\s*/, " ")).join("");
  return Object.entries(body)
    .map(([k, v]) => `\n${indent}${k}:` + toYaml(v, indent + "  "))
    .join("");
}

/** A config with `body` at `site`, for `vs`. */
function configWith(vs: VariantSpec, site: string, body: SnippetBody): string {
  const head =
    `variant: ${vs.variant}\nversion: ${vs.version}\n` +
    (vs.variant === "openshift" ? "metadata:\n  name: x\n  labels:\n    machineconfiguration.openshift.io/role: worker\n" : "");
  // A list item's snippet is inserted after `- `; the disk's as keys of `storage`.
  const at: Record<string, string> = {
    PasswdUser: "passwd:\n  users:\n    -",
    File: "storage:\n  files:\n    -",
    Unit: "systemd:\n  units:\n    -",
    Storage: "storage:",
  };
  const prefix = at[site];
  if (prefix === undefined) throw new Error(`unknown site ${site}`);
  return head + prefix + (prefix.endsWith("-") ? toYaml(body, "      ").replace(/^\n\s*/, " ") : toYaml(body, "  "));
}

describe("snippets", () => {
  it("are offered for a user, a file, a unit and a disk in every variant/version, and transpile without errors or warnings", async () => {
    let checked = 0;
    for (const vs of registry.values()) {
      const snippets = snippetsOf(vs);
      const sites = ["File", "PasswdUser", ...(["r4e", "fiot"].includes(vs.variant) ? [] : ["Storage"]), "Unit"];
      expect([...snippets.keys()].sort(), `${vs.variant} ${vs.version}`).toEqual(sites);
      for (const [site, list] of snippets) {
        for (const s of list) {
          const source = configWith(vs, site, s.body);
          const result = await transpile(source);
          expect(result.diagnostics, `${vs.variant} ${vs.version} ${s.label}:\n${source}`).toEqual([]);
          expect(result.output, `${vs.variant} ${vs.version} ${s.label}: ${result.failure ?? ""}\n${source}`).not.toBeNull();
          checked++;
        }
      }
    }
    const edge = [...registry.values()].filter((vs) => vs.variant === "r4e" || vs.variant === "fiot").length;
    expect(checked).toBe(registry.size * 4 - edge);
  });

  it("use only the fields their version has", () => {
    const disk = (vs: VariantSpec) => JSON.stringify(snippetsOf(vs).get("Storage"));
    expect(disk(spec("fcos", "1.0.0"))).not.toContain("with_mount_unit");
    expect(disk(spec("fcos", "1.1.0"))).toContain("with_mount_unit");
    expect(disk(spec("flatcar", "1.0.0"))).toContain("with_mount_unit");
    // r4e and fiot reject disk and filesystem customization.
    expect(disk(spec("r4e", "1.1.0"))).toBeUndefined();
  });

  it("are in the generated schemas where completion looks for them", () => {
    const s = butaneSchema(spec("fcos", "1.6.0")) as {
      definitions: Record<string, { defaultSnippets?: unknown[] }>;
    };
    for (const name of ["PasswdUser", "File", "Unit", "Storage"]) expect(s.definitions[name]?.defaultSnippets, name).toHaveLength(1);
  });
});

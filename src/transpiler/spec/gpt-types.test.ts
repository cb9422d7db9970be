/** The GPT partition types offered for `type_guid`: valid everywhere they are offered, and in the schemas. */
import { describe, expect, it } from "vitest";
import { transpile } from "../index.ts";
import { GPT_PARTITION_TYPES } from "./gpt-types.ts";
import { butaneSchema } from "./json-schema.ts";
import { lookupSpec } from "./variants.ts";

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe("GPT partition types for type_guid", () => {
  it("are distinct lower-case GUIDs with distinct names", () => {
    for (const t of GPT_PARTITION_TYPES) expect(t.value).toMatch(GUID);
    expect(new Set(GPT_PARTITION_TYPES.map((t) => t.value)).size).toBe(GPT_PARTITION_TYPES.length);
    expect(new Set(GPT_PARTITION_TYPES.map((t) => t.label)).size).toBe(GPT_PARTITION_TYPES.length);
  });

  it.each(["fcos 1.6.0", "flatcar 1.1.0", "openshift 4.19.0"])("each one transpiles without a problem (%s) and reaches the output", (vs) => {
    const [variant, version] = vs.split(" ") as [string, string];
    const parts = GPT_PARTITION_TYPES.map(
      (t, i) => `        - label: p${i}\n          number: ${i + 1}\n          size_mib: 16\n          type_guid: ${t.value}`,
    );
    const meta = variant === "openshift" ? "metadata:\n  name: gpt\n  labels:\n    machineconfiguration.openshift.io/role: worker\n" : "";
    const src = `variant: ${variant}\nversion: ${version}\n${meta}storage:\n  disks:\n    - device: /dev/vdb\n      partitions:\n${parts.join("\n")}\n`;
    const r = transpile(src, { raw: true });
    expect(r.diagnostics).toEqual([]);
    expect(r.output).toContain(GPT_PARTITION_TYPES[0]!.value);
    expect(r.output).toContain(GPT_PARTITION_TYPES.at(-1)!.value);
  });

  it("are the schema's examples for type_guid, in every variant that has partitions", () => {
    for (const vs of ["fcos 1.6.0", "flatcar 1.1.0", "openshift 4.22.0"]) {
      const [variant, version] = vs.split(" ") as [string, string];
      const spec = lookupSpec(variant, version);
      expect(spec, vs).toBeDefined();
      const text = JSON.stringify(butaneSchema(spec!));
      expect(text, vs).toContain(JSON.stringify(GPT_PARTITION_TYPES.map((t) => t.value)));
    }
  });
});

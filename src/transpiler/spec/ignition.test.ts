import { describe, expect, it } from "vitest";
import { IGNITION_VERSIONS, ignitionSpec } from "./ignition.ts";
import { registry } from "./variants.ts";

const fieldOf = (version: (typeof IGNITION_VERSIONS)[number], type: string, key: string) =>
  ignitionSpec(version).types[type]?.fields.find((f) => f.key === key);

describe("Ignition spec versions", () => {
  it("are the versions the registry's variants emit, oldest first", () => {
    const emitted = new Set([...registry.values()].map((s) => s.ignition));
    expect(IGNITION_VERSIONS.filter((v) => emitted.has(v))).toEqual([...IGNITION_VERSIONS]);
    expect(IGNITION_VERSIONS[0]).toBe("3.0.0");
  });

  it("identify the items of every list of structs when configs merge", () => {
    for (const v of IGNITION_VERSIONS) {
      const spec = ignitionSpec(v);
      for (const [name, t] of Object.entries(spec.types))
        for (const f of t.fields)
          if (f.type.kind === "list" && f.type.item.kind === "ref") expect(spec.types[f.type.item.name]?.mergeKey, `${v} ${name}.${f.key}`).toBeDefined();
    }
  });

  it("write Go value fields even when unset, unless omitempty drops their zero", () => {
    expect(fieldOf("3.2.0", "Link", "target")?.emit).toBe("always");
    expect(fieldOf("3.3.0", "Link", "target")?.emit).toBe("set");
    expect(fieldOf("3.2.0", "Raid", "devices")?.emit).toBe("always");
    expect(fieldOf("3.3.0", "Raid", "devices")?.emit).toBe("set");
    expect(fieldOf("3.6.0", "Partition", "number")?.emit).toBe("nonzero");
    expect(fieldOf("3.6.0", "Ignition", "version")?.emit).toBe("always");
  });

  it("keep Ignition's Go field order where it differs from Butane's", () => {
    expect(ignitionSpec("3.4.0").types.Tang?.fields.map((f) => f.key)).toEqual(["advertisement", "thumbprint", "url"]);
  });

  it("leave Butane's sugar out and translate from Butane's keys", () => {
    const fs = ignitionSpec("3.6.0").types.Filesystem?.fields ?? [];
    expect(fs.map((f) => f.key)).not.toContain("withMountUnit");
    expect(fieldOf("3.6.0", "Partition", "sizeMiB")?.from).toBe("size_mib");
    expect(ignitionSpec("3.7.0-experimental").types.Quadlet).toBeUndefined();
  });
});

import { describe, expect, it } from "vitest";
import { outputFileName, outputKind, sourceFileName } from "./download-name.ts";

describe("download names", () => {
  it.each([
    { source: null, format: "json", want: "config.ign" },
    { source: "server.bu", format: "json", want: "server.ign" },
    { source: "web.yaml", format: "json", want: "web.ign" },
    { source: "node.v2.BU", format: "json", want: "node.v2.ign" },
    { source: "99-worker.bu", format: "yaml", want: "99-worker.yaml" },
    { source: null, format: "yaml", want: "config.yaml" },
    { source: "README", format: "json", want: "README.ign" },
    { source: ".bu", format: "json", want: "config.ign" },
    { source: "snippets/ntp.bu", format: "json", want: "ntp.ign" },
    { source: "a/b/", format: "json", want: "config.ign" },
  ] as const)("$source ($format) → $want", ({ source, format, want }) => {
    expect(outputFileName(source, format)).toBe(want);
  });

  it("names the output for what it holds", () => {
    expect(outputKind("json")).toBe("Ignition");
    expect(outputKind("yaml")).toBe("MachineConfig");
  });

  it("keeps the source name", () => {
    expect(sourceFileName(null)).toBe("config.bu");
    expect(sourceFileName("a.yaml")).toBe("a.yaml");
  });
});

import { describe, expect, it } from "vitest";
import { transpile } from "../transpiler/index.ts";
import { Keep, schemaTarget } from "./schema-target.ts";

const target = async (source: string) => schemaTarget(await transpile(source));

describe("schemaTarget", () => {
  it("follows the variant/version the transpiler read, valid config or not", async () => {
    expect(await target("variant: fcos\nversion: 1.4.0\n")).toEqual({ variant: "fcos", version: "1.4.0" });
    expect(await target("variant: flatcar\nversion: 1.1.0\nstorage:\n  files:\n    - path: relative\n")).toEqual({ variant: "flatcar", version: "1.1.0" });
  });

  it("names a version Butane does not have, which has no schema", async () => {
    expect(await target("variant: fcos\nversion: 1.9.0\n")).toEqual({ variant: "fcos", version: "1.9.0" });
  });

  it("drops the schema when the text names no usable variant/version", async () => {
    expect(await target("version: 1.6.0\n")).toBeNull();
    expect(await target("variant: fcos\nversion: 1.6\n")).toBeNull();
    expect(await target("")).toBeNull();
  });

  it("keeps the current schema while the YAML does not parse", async () => {
    expect(await target("variant: fcos\nversion: 1.6.0\nstorage: [\n")).toBe(Keep);
  });
});

import { readFileSync } from "node:fs";
import Ajv from "ajv";
import { describe, expect, it } from "vitest";
import { loadConfig } from "./model/config.ts";
import { problemsOf } from "./schema-problems.ts";

const schema = JSON.parse(readFileSync("schemas/butane/fcos-1.6.0.json", "utf8")) as object;
const validate = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true }).compile(schema);

function problems(yaml: string) {
  const r = loadConfig(yaml);
  if (!r.ok) throw new Error(r.message);
  validate(r.config);
  return problemsOf(validate.errors ?? []);
}

describe("Butane schema problems by field", () => {
  it("a valid config has none", () => {
    expect(
      problems("variant: fcos\nversion: 1.6.0\npasswd:\n  users:\n    - name: core\n      uid: 1000\nstorage:\n  files:\n    - path: /a\n      mode: 0644\n"),
    ).toEqual([]);
  });
  it("names the field of a wrong type, a missing key and an unknown key", () => {
    const p = problems("variant: fcos\nversion: 1.6.0\npasswd:\n  users:\n    - uid: lots\n      colour: blue\n");
    expect(p).toEqual(
      expect.arrayContaining([
        { path: ["passwd", "users", 0, "uid"], message: "must be integer" },
        { path: ["passwd", "users", 0, "name"], message: "name is required" },
        { path: ["passwd", "users", 0, "colour"], message: 'unknown key "colour" for this spec version' },
      ]),
    );
    expect(p.some((x) => /anyOf|null/.test(x.message))).toBe(false);
  });
  it("an enum lists its values", () => {
    expect(problems("variant: fcos\nversion: 1.6.0\nboot_device:\n  layout: sparc\n")).toEqual([
      { path: ["boot_device", "layout"], message: "must be one of: aarch64, ppc64le, s390x-eckd, s390x-virt, s390x-zfcp, x86_64" },
    ]);
  });
});

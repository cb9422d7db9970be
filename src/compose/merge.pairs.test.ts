/**
 * Snippet merge against boot-time merge, over pairs of valid conformance configs of the same
 * variant/version: "compose(parent, [child])" must equal what Ignition gets at boot from the parent
 * with the child's Ignition as an `ignition.config.merge` data URL, merged by the reference
 * (boot-merge.reference.ts). Excluded, because the two paths cannot agree there: openshift (its
 * output is a MachineConfig, merged by the Machine Config Operator, not by Ignition), configs that
 * already reference other configs (`ignition.config.merge`/`replace` would be fetched at boot),
 * and configs that need a files-dir.
 */
import { describe, expect, it } from "vitest";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { transpile } from "../transpiler/index.ts";
import { appendIn } from "../lib/yaml-edit/yaml-edit.ts";
import { bootMerge } from "./boot-merge.reference.ts";
import { compose } from "./merge.ts";
import { validateIgnitionChild, type IgnitionVersion } from "../transpiler/ignition/validate.ts";

const CASES = new URL("../../../shared/conformance/cases/", import.meta.url).pathname;
type Json = Record<string, unknown>;

interface Case {
  id: string;
  source: string;
  output: Json;
}

function validCases(): Map<string, Case[]> {
  const groups = new Map<string, Case[]>();
  if (!existsSync(CASES)) return groups;
  for (const id of readdirSync(CASES).sort()) {
    const dir = join(CASES, id);
    const meta = JSON.parse(readFileSync(join(dir, "meta.json"), "utf8")) as { variant: string; version: string; tags: string[] };
    if (!meta.tags.includes("valid") || meta.variant === "openshift") continue;
    if (/(^|\s)(-d|--files-dir)(\s|=|$)/.test(readFileSync(join(dir, "args"), "utf8"))) continue;
    const source = readFileSync(join(dir, "input.bu"), "utf8");
    const r = transpile(source);
    if (r.failure !== undefined || r.output === null) continue;
    const output = JSON.parse(r.output) as Json;
    const cfg = (output.ignition as Json | undefined)?.config as Json | undefined;
    if (cfg?.merge !== undefined || cfg?.replace !== undefined) continue;
    const key = `${meta.variant} ${meta.version}`;
    groups.set(key, [...(groups.get(key) ?? []), { id, source, output }]);
  }
  return groups;
}

/** Round-robin over the variant/version groups: case r with case r+1 of the same group. */
function pickPairs(groups: Map<string, Case[]>, count: number): [Case, Case][] {
  const pairs: [Case, Case][] = [];
  const lists = [...groups.values()].filter((l) => l.length > 1);
  for (let r = 0; pairs.length < count && lists.some((l) => r < l.length); r++) {
    for (const l of lists) if (r < l.length && pairs.length < count) pairs.push([l[r]!, l[(r + 1) % l.length]!]);
  }
  return pairs;
}

function dataUrlBytes(url: string): Buffer {
  const m = /^data:([^,]*),(.*)$/s.exec(url);
  if (!m) throw new Error(`not a data URL: ${url.slice(0, 40)}`);
  if (m[1]!.endsWith(";base64")) return Buffer.from(m[2]!, "base64");
  const bytes: number[] = [];
  const s = m[2]!;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === "%") {
      bytes.push(parseInt(s.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(s[i]!, "utf8"));
  }
  return Buffer.from(bytes);
}

/** What Ignition ends up with at boot: the parent, its child config fetched and merged. */
function bootTime(parent: Case, child: Case): Json {
  const childIgn = transpile(child.source).output!;
  const source = `data:;base64,${Buffer.from(childIgn, "utf8").toString("base64")}`;
  // A parent without an `ignition` section gets one after its version line (this also works for
  // a multi-document file, which Butane reads the first document of); else a list item is added.
  const version = /^version:.*\n/m.exec(parent.source);
  const withChild =
    !/^ignition:/m.test(parent.source) && version
      ? parent.source.slice(0, version.index + version[0].length) +
        `ignition:\n  config:\n    merge:\n      - source: "${source}"\n` +
        parent.source.slice(version.index + version[0].length)
      : appendIn(parent.source, ["ignition", "config", "merge"], { source });
  const embedded = transpile(withChild);
  if (embedded.output === null) throw new Error(`${parent.id} with its child embedded: ${embedded.failure}`);
  const withRef = JSON.parse(embedded.output) as Json;
  const refs = ((withRef.ignition as Json).config as Json).merge as Json[];
  const ref = refs[refs.length - 1]!;
  let bytes = dataUrlBytes(ref.source as string);
  if (ref.compression === "gzip") bytes = gunzipSync(bytes);
  expect(bytes.toString("utf8")).toBe(childIgn);
  const merged = bootMerge(withRef, JSON.parse(bytes.toString("utf8")) as Json);
  // The reference to the child is the one thing authoring-time merging has no reason to write.
  const ign = merged.ignition as Json;
  const cfg = ign.config as Json;
  const rest = (cfg.merge as Json[]).filter((m) => m.source !== ref.source);
  if (rest.length > 0) cfg.merge = rest;
  else delete cfg.merge;
  if (Object.keys(cfg).length === 0) delete ign.config;
  return merged;
}

describe("snippet merge = Ignition's boot-time merge, on conformance config pairs", () => {
  const groups = validCases();
  const pairs = pickPairs(groups, 300);
  it("finds 300 pairs", () => {
    if (!existsSync(CASES)) return; // the corpus lives beside the repository, not in it
    expect(pairs.length).toBe(300);
  });
  it.each(pairs.map(([a, b]) => [`${a.id} + ${b.id}`, a, b] as const))("%s", (_name, parent, child) => {
    const r = compose({ name: "parent.bu", source: parent.source }, [{ name: "child.bu", source: child.source }]);
    const boot = bootTime(parent, child);
    // Ignition validates what it merged ("merging configs resulted in an invalid config"): where
    // the boot-time result is invalid, the snippet build must refuse it too.
    const version = (boot.ignition as Json).version as IgnitionVersion;
    if (validateIgnitionChild(boot as never, version).some((e) => e.severity === "error")) {
      expect(r.failure).toBe("merging the snippets resulted in an invalid config (Ignition would refuse it at boot)");
      return;
    }
    expect(r.failure).toBeUndefined();
    expect(JSON.parse(r.output!)).toEqual(boot);
  });
});

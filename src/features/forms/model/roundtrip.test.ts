/**
 * The form model against the conformance corpus (../shared/conformance/cases/*\/input.bu): every
 * input that parses is read into the model and written back unchanged, and edits through the
 * model change only the lines they must (nothing removed, every comment kept).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { lineDiff } from "../../../lib/yaml-edit/line-diff.ts";
import { deepEqual } from "../../../lib/yaml-edit/yaml-edit.ts";
import { appendIn, getIn, loadConfig, saveConfig, setIn, type Config } from "./config.ts";
import { emptyUpdate, UPDATE_CONF_PATH, writeUpdateConf } from "./flatcar-update.ts";
import { ROLE_LABEL } from "./openshift.ts";

const casesDir = resolve(process.cwd(), "../shared/conformance/cases");
const inputs = existsSync(casesDir)
  ? readdirSync(casesDir)
      .filter((id) => existsSync(join(casesDir, id, "input.bu")))
      .map((id) => ({ id, text: readFileSync(join(casesDir, id, "input.bu"), "utf8") }))
  : [];

const comments = (text: string) => text.split("\n").filter((l) => /^\s*#/.test(l));

/** Applies `edit` through the model; checks the result reads back as expected and only adds lines (or only touches `touched`). */
function checkEdit(text: string, config: Config, edit: (c: Config) => Config, opts: { pureInsert: boolean }) {
  const next = edit(config);
  const out = saveConfig(text, next);
  const back = loadConfig(out);
  const d = lineDiff(text, out);
  return {
    readsBack: back.ok && deepEqual(back.config, next),
    // A flow collection (`{…}` on one line) changes that one line.
    linesOk: opts.pureInsert ? d.removed.length === 0 || (d.removed.length === 1 && d.added.length === 1) : d.removed.length <= 2,
    commentsKept: comments(text).every((c) => out.includes(c)),
    out,
  };
}

describe.skipIf(inputs.length === 0)("conformance corpus through the form model", () => {
  const parsed = inputs.map((c) => ({ ...c, loaded: loadConfig(c.text) })).filter((c) => c.loaded.ok);
  const configs = parsed.map((c) => ({ id: c.id, text: c.text, config: (c.loaded as { config: Config }).config }));

  it(`reads and writes back unchanged: every input that parses`, () => {
    let same = 0;
    const differ: string[] = [];
    for (const c of configs) {
      if (saveConfig(c.text, c.config) === c.text) same++;
      else differ.push(c.id);
    }
    console.log(
      `form round-trip: ${same} of ${configs.length} parsing inputs identical (${inputs.length} inputs, ${inputs.length - configs.length} do not parse)`,
    );
    expect(differ).toEqual([]);
  });

  it("adding a user only adds lines, keeps comments and reads back as the edited model", () => {
    const failures: string[] = [];
    let n = 0;
    for (const c of configs) {
      const users = getIn(c.config, ["passwd", "users"]);
      const passwd = getIn(c.config, ["passwd"]);
      if ((users !== undefined && !Array.isArray(users)) || (passwd !== undefined && passwd !== null && (typeof passwd !== "object" || Array.isArray(passwd))))
        continue;
      n++;
      const r = checkEdit(c.text, c.config, (cfg) => appendIn(cfg, ["passwd", "users"], { name: "formtest", groups: ["wheel"] }), {
        pureInsert: users !== undefined || passwd === undefined,
      });
      if (!r.readsBack || !r.linesOk || !r.commentsKept) failures.push(c.id);
    }
    console.log(`add user: ${n - failures.length} of ${n} inputs edited minimally`);
    expect(failures).toEqual([]);
  });

  it("changing the first file's mode changes one line (or adds one)", () => {
    const failures: string[] = [];
    let n = 0;
    for (const c of configs) {
      const f = getIn(c.config, ["storage", "files", 0]);
      if (typeof f !== "object" || f === null || Array.isArray(f)) continue;
      const mode = (f as Record<string, unknown>).mode;
      if (mode !== undefined && typeof mode !== "number") continue;
      n++;
      const next = mode === 0o600 ? 0o640 : 0o600;
      const r = checkEdit(c.text, c.config, (cfg) => setIn(cfg, ["storage", "files", 0, "mode"], next), { pureInsert: mode === undefined });
      const d = lineDiff(c.text, r.out);
      const oneLine = mode === undefined ? d.added.length === 1 && d.removed.length === 0 : d.added.length === 1 && d.removed.length === 1;
      if (!r.readsBack || !oneLine || !r.commentsKept) failures.push(c.id);
    }
    console.log(`change mode: ${n - failures.length} of ${n} inputs edited minimally`);
    expect(failures).toEqual([]);
  });

  it("removing the last unit removes only its lines", () => {
    const failures: string[] = [];
    let n = 0;
    for (const c of configs) {
      const units = getIn(c.config, ["systemd", "units"]);
      if (!Array.isArray(units) || units.length < 2) continue;
      n++;
      const next = setIn(c.config, ["systemd", "units", units.length - 1], undefined);
      const out = saveConfig(c.text, next);
      const back = loadConfig(out);
      const d = lineDiff(c.text, out);
      // Comment-like lines inside the removed unit's own contents go with it; every other comment stays.
      const kept = comments(c.text).filter((x) => !d.removed.includes(x));
      if (!(back.ok && deepEqual(back.config, next)) || d.added.length > 0 || !kept.every((x) => out.includes(x))) failures.push(c.id);
    }
    console.log(`remove unit: ${n - failures.length} of ${n} inputs edited minimally`);
    expect(failures).toEqual([]);
  });

  const isMap = (v: unknown) => v === undefined || (typeof v === "object" && v !== null && !Array.isArray(v));

  it("Flatcar updates: writing update.conf only adds lines, on every flatcar input", () => {
    const failures: string[] = [];
    let n = 0;
    for (const c of configs) {
      const files = getIn(c.config, ["storage", "files"]);
      if (c.config.variant !== "flatcar" || !isMap(c.config.storage) || (files !== undefined && !Array.isArray(files))) continue;
      if (Array.isArray(files) && files.some((f) => (f as { path?: unknown } | null)?.path === UPDATE_CONF_PATH)) continue;
      n++;
      const inline = writeUpdateConf("", { ...emptyUpdate, group: "stable", strategy: "etcd-lock", windowStart: "Thu 04:00", windowLength: "1h" });
      const item = { path: UPDATE_CONF_PATH, overwrite: true, mode: 0o644, contents: { inline } };
      const r = checkEdit(c.text, c.config, (cfg) => appendIn(cfg, ["storage", "files"], item), { pureInsert: true });
      if (!r.readsBack || !r.linesOk || !r.commentsKept) failures.push(c.id);
    }
    console.log(`flatcar update.conf: ${n - failures.length} of ${n} flatcar inputs edited minimally`);
    expect(n).toBeGreaterThan(0);
    expect(failures).toEqual([]);
  });

  it("OpenShift: role, FIPS, kernel type and an extension each change only their own line, on every openshift input", () => {
    const failures: string[] = [];
    let n = 0;
    for (const c of configs) {
      const labels = getIn(c.config, ["metadata", "labels"]);
      const ext = getIn(c.config, ["openshift", "extensions"]);
      if (
        c.config.variant !== "openshift" ||
        !isMap(c.config.metadata) ||
        !isMap(labels) ||
        !isMap(c.config.openshift) ||
        (ext !== undefined && !Array.isArray(ext))
      )
        continue;
      n++;
      const role = getIn(c.config, ["metadata", "labels", ROLE_LABEL]);
      const fips = getIn(c.config, ["openshift", "fips"]);
      const kt = getIn(c.config, ["openshift", "kernel_type"]);
      const edits: [(cfg: Config) => Config, boolean][] = [
        [(cfg) => setIn(cfg, ["metadata", "labels", ROLE_LABEL], role === "master" ? "worker" : "master"), role === undefined],
        [(cfg) => setIn(cfg, ["openshift", "fips"], fips !== true), fips === undefined],
        [(cfg) => setIn(cfg, ["openshift", "kernel_type"], kt === "realtime" ? "default" : "realtime"), kt === undefined],
        [(cfg) => appendIn(cfg, ["openshift", "extensions"], "usbguard"), true],
      ];
      for (const [fn, pureInsert] of edits) {
        const r = checkEdit(c.text, c.config, fn, { pureInsert });
        const d = lineDiff(c.text, r.out);
        // A changed value is one line replaced; a new one only adds lines.
        const oneLine = pureInsert ? r.linesOk : d.removed.length === 1 && d.added.length === 1;
        if (!r.readsBack || !oneLine || !r.commentsKept) {
          failures.push(c.id);
          break;
        }
      }
    }
    console.log(`openshift section: ${n - failures.length} of ${n} openshift inputs edited minimally (4 edits each)`);
    expect(n).toBeGreaterThan(0);
    expect(failures).toEqual([]);
  });
});

/**
 * Rules for systemd units and dropins, the template-instance Install warning, and the
 * config-level check that storage nodes don't collide with unit or dropin paths.
 */
import { boolAt, isTrue, notEmpty, objAt, objListAt, plainStrAt, strAt } from "./access.ts";
import { quote as goQuote } from "../go/strconv.ts";
import { pathExt } from "../go/path.ts";
import { MSG } from "./messages.ts";
import { at, type IgnPath, type Report } from "./report.ts";
import type { IgnObject } from "./types.ts";
import { parseUnit, type UnitParseResult } from "./unit-parser.ts";

const unitExtensions = [".service", ".socket", ".device", ".mount", ".automount", ".swap", ".target", ".path", ".timer", ".snapshot", ".slice", ".scope"];

/** Go's `^(.+?)@(.+?)\.service$` (RE2 `.` excludes only `\n`). */
const instanceRe = /^([^\n]+?)@([^\n]+?)\.service$/u;

/** Parses unit contents as Ignition's `ParseUnitContents` does; nil contents parse to nothing. */
function parseContents(contents: string | undefined): UnitParseResult {
  if (contents === undefined) return { ok: true, options: [] };
  return parseUnit(contents);
}

function hasInstall(result: UnitParseResult): boolean {
  return result.ok && result.options.some((o) => o.section === "Install");
}

/** `Config.Validate`: storage nodes whose path is a unit's or dropin's file. */
export function validateSystemdPathConflicts(r: Report, config: IgnObject): void {
  const base = "/etc/systemd/system/";
  const unitPaths = new Set<string>();
  for (const unit of objListAt(objAt(config, "systemd"), "units")) {
    const name = plainStrAt(unit, "name");
    if (notEmpty(strAt(unit, "contents"))) unitPaths.add(base + name);
    for (const dropin of objListAt(unit, "dropins")) {
      if (notEmpty(strAt(dropin, "contents"))) unitPaths.add(base + name + ".d/" + plainStrAt(dropin, "name"));
    }
  }
  const storage = objAt(config, "storage");
  for (const list of ["files", "directories", "links"]) {
    objListAt(storage, list).forEach((node, i) => {
      if (unitPaths.has(plainStrAt(node, "path"))) r.error(["storage", list, i, "path"], MSG.pathConflictsSystemd);
    });
  }
}

/** `Systemd.Validate`: enabled template instances whose template lacks an Install section. */
function validateTemplates(r: Report, systemd: IgnObject, path: IgnPath): void {
  const units = objListAt(systemd, "units");
  const byName = new Map<string, IgnObject>();
  for (const u of units) byName.set(plainStrAt(u, "name"), u);
  units.forEach((unit, index) => {
    const name = plainStrAt(unit, "name");
    const m = instanceRe.exec(name);
    if (m === null || !isTrue(boolAt(unit, "enabled"))) return;
    const template = (m[1] ?? "") + "@.service";
    const t = byName.get(template);
    if (t === undefined) return;
    const contents = strAt(t, "contents");
    if (!notEmpty(contents)) return;
    const parsed = parseUnit(contents);
    if (!parsed.ok) return;
    if (!hasInstall(parsed)) {
      r.warn(at(path, "units", index, "contents"), `template unit ${goQuote(template)} for ${goQuote(name)} doesn't have Install section`);
    }
  });
}

function validateUnit(r: Report, unit: IgnObject, path: IgnPath): void {
  const name = plainStrAt(unit, "name");
  if (!unitExtensions.includes(pathExt(name))) r.error(at(path, "name"), MSG.invalidSystemdExt);
  const cpath = at(path, "contents");
  const contents = strAt(unit, "contents");
  const parsed = parseContents(contents);
  if (!parsed.ok) {
    r.error(cpath, `invalid unit content: ${parsed.error}`);
    return;
  }
  if (isTrue(boolAt(unit, "enabled")) && notEmpty(contents) && !hasInstall(parsed)) {
    r.warn(cpath, `unit ${goQuote(name)} is enabled, but has no install section so enable does nothing`);
  }
}

function validateDropin(r: Report, dropin: IgnObject, path: IgnPath): void {
  const parsed = parseContents(strAt(dropin, "contents"));
  if (!parsed.ok) r.error(at(path, "contents"), `invalid unit content: ${parsed.error}`);
  if (pathExt(plainStrAt(dropin, "name")) !== ".conf") r.error(at(path, "name"), MSG.invalidSystemdDropinExt);
}

/** Validates `systemd` and its units and dropins in Go field order. */
export function walkSystemd(r: Report, systemd: IgnObject, path: IgnPath): void {
  validateTemplates(r, systemd, path);
  objListAt(systemd, "units").forEach((unit, i) => {
    const upath = at(path, "units", i);
    validateUnit(r, unit, upath);
    objListAt(unit, "dropins").forEach((d, j) => validateDropin(r, d, at(upath, "dropins", j)));
  });
}

/**
 * systemd unit lint: sections and directives checked against the tables generated from systemd's
 * own source (systemd-directives.gen.ts), and the load-time rules systemd applies to services
 * (service.c `service_verify()`): what it ignores with a warning at boot, or refuses to load.
 */
import type { Finding } from "./finding.ts";
import { brief } from "./brief.ts";
import type { Path } from "../types.ts";
import { SYSTEMD_OBSOLETE_KEYS, SYSTEMD_SECTION_KEYS, SYSTEMD_UNIT_SECTIONS, SYSTEMD_VERSION } from "./systemd-directives.gen.ts";
import { parseUnitText, type UnitAssignment, type UnitText } from "./unit-text.ts";
import type { UnitFileText, UnitGroup } from "./unit-sources.ts";
import { placeAt, placeIn, type Placement } from "./place.ts";
import type { SourcePos } from "./scalar-position.ts";
import { suggest } from "./suggest.ts";
import { parseUnit } from "../ignition/unit-parser.ts";

export type Emit = (f: Finding) => void;

// Sets of the generated tables, made on first use (a module-level computation would be kept in
// every bundle that imports the transpiler's entry point, even where nothing lints).
type SectionSets = Readonly<Record<string, ReadonlySet<string> | undefined>>;
let sets: { keys: SectionSets; obsolete: SectionSets } | undefined;
function tables(): { keys: SectionSets; obsolete: SectionSets } {
  const toSets = (t: Readonly<Record<string, readonly string[]>>): SectionSets => Object.fromEntries(Object.entries(t).map(([s, keys]) => [s, new Set(keys)]));
  return (sets ??= { keys: toSets(SYSTEMD_SECTION_KEYS), obsolete: toSets(SYSTEMD_OBSOLETE_KEYS) });
}
const keySetOf = (section: string): ReadonlySet<string> | undefined => tables().keys[section];
/** `[Install]` keys, read by `systemctl enable` (src/shared/install.c) and nowhere else. */
const isInstallKey = (key: string): boolean => keySetOf("Install")?.has(key) === true;

const codePoints = (s: string): number => {
  let n = 0;
  for (const _ of s) n++;
  return n;
};

/** Placement of a key (its name only) in a file. */
export const keySpan = (file: UnitFileText, a: UnitAssignment): Placement => placeIn(file.path, file.locate, file.at, a.line, a.column, codePoints(a.key));

/** Placement of a section name (inside the brackets). */
export const sectionSpan = (file: UnitFileText, s: { name: string; line: number; column: number }): Placement =>
  placeIn(file.path, file.locate, file.at, s.line, s.column, codePoints(s.name));

/** The sections a unit type reads, other than the `X-` ones anyone may add. */
export const unitSections = (type: string): readonly string[] => SYSTEMD_UNIT_SECTIONS[type] ?? [];

/** Which unit types read `section`, e.g. `Timer` → [`timer`]. */
function typesReading(section: string): string[] {
  return Object.entries(SYSTEMD_UNIT_SECTIONS)
    .filter(([, secs]) => secs.includes(section))
    .map(([t]) => t);
}

/**
 * Reports sections the file's reader does not know. `allowed` lists the sections it reads;
 * `engine` names the reader in messages. Returns the set of sections whose lines are read.
 */
export function checkSections(
  file: UnitFileText,
  parsed: UnitText,
  allowed: readonly string[],
  opts: { unit: string; engine: string; code: string },
  emit: Emit,
): void {
  for (const s of parsed.sections) {
    if (allowed.includes(s.name) || s.name.startsWith("X-")) continue;
    const suggestions = suggest(s.name, allowed);
    const elsewhere = suggestions.length === 0 ? typesReading(s.name) : [];
    const hint =
      suggestions.length > 0
        ? ` Did you mean [${suggestions[0]}]?`
        : elsewhere.length > 0
          ? ` [${brief(s.name)}] belongs in ${elsewhere.map((t) => `.${t}`).join(", ")} units.`
          : " Sections of your own must start with X-.";
    emit({
      code: opts.code,
      severity: "warning",
      ...sectionSpan(file, s),
      message: `Unknown section [${brief(s.name)}] in ${brief(opts.unit)}: ${opts.engine} ignores it and every line in it.${hint}`,
      data: { unit: opts.unit, section: s.name, suggestions },
    });
  }
}

/** The section an assignment counts in: null when it is outside any read section. */
export function readSection(a: UnitAssignment, allowed: readonly string[]): string | null {
  return a.section !== null && allowed.includes(a.section) ? a.section : null;
}

/**
 * Checks one `Key=` in a systemd-read section: unknown keys (with the nearest known ones), keys of
 * another section, `[Install]` keys elsewhere, and keys systemd only keeps to say they are gone.
 */
export function checkSystemdKey(file: UnitFileText, a: UnitAssignment, section: string, allowed: readonly string[], unit: string, emit: Emit): void {
  if (a.key.startsWith("X-")) return;
  const here = keySetOf(section);
  if (here?.has(a.key)) {
    if (tables().obsolete[section]?.has(a.key)) {
      emit({
        code: "systemd-obsolete-directive",
        severity: "info",
        ...keySpan(file, a),
        message: `${brief(a.key)}= in [${brief(section)}] of ${brief(unit)} is obsolete: systemd ${SYSTEMD_VERSION} ignores it (or maps it to a newer directive). Remove it.`,
        data: { unit, key: a.key, section },
      });
    }
    return;
  }
  if (isInstallKey(a.key)) {
    emit({
      code: "systemd-wantedby-outside-install",
      severity: "warning",
      ...keySpan(file, a),
      message: `${brief(a.key)}= is read only in the [Install] section; in [${brief(section)}] systemd ignores it, so enabling ${brief(unit)} will not do what you expect. Move it under [Install].`,
      data: { unit, key: a.key, section: "Install", currentSection: section },
    });
    return;
  }
  const other = allowed.find((s) => s !== section && keySetOf(s)?.has(a.key));
  if (other !== undefined) {
    emit({
      code: "systemd-directive-wrong-section",
      severity: "warning",
      ...keySpan(file, a),
      message: `${brief(a.key)}= belongs in the [${brief(other)}] section, not [${brief(section)}]: systemd ignores it here. Move it under [${brief(other)}].`,
      data: { unit, key: a.key, section: other, currentSection: section },
    });
    return;
  }
  const suggestions = suggest(a.key, here ?? []);
  const elsewhere = suggestions.length === 0 ? Object.keys(SYSTEMD_SECTION_KEYS).filter((s) => s !== section && keySetOf(s)?.has(a.key)) : [];
  const hint =
    suggestions.length > 0
      ? ` Did you mean ${suggestions.map((s) => `${s}=`).join(", ")}?`
      : elsewhere.length > 0
        ? ` ${brief(a.key)}= is a directive of ${elsewhere.map((s) => `[${s}]`).join(", ")}, which ${brief(unit)} does not read.`
        : "";
  emit({
    code: "systemd-unknown-directive",
    severity: "warning",
    ...keySpan(file, a),
    message: `Unknown directive ${brief(a.key)}= in [${brief(section)}] of ${brief(unit)}: systemd ${SYSTEMD_VERSION} ignores it.${hint}`,
    data: { unit, key: a.key, section, suggestions },
  });
}

/** Lines systemd skips: assignments before any section header, lines without `=`, broken headers. */
export function checkLines(file: UnitFileText, parsed: UnitText, unit: string, engine: string, emit: Emit): void {
  for (const a of parsed.assignments) {
    if (a.section !== null) continue;
    emit({
      code: "unit-assignment-outside-section",
      severity: "warning",
      ...keySpan(file, a),
      message: `${brief(a.key)}= comes before any [Section] header in ${brief(unit)}: ${engine} ignores it.`,
      data: { unit, key: a.key },
    });
  }
  for (const p of parsed.problems) {
    const what =
      p.kind === "bad-header"
        ? "a section header must be a whole line [Name]"
        : p.kind === "missing-key"
          ? "the line has no key before ="
          : "the line has no =";
    emit({
      code: "unit-syntax",
      severity: "warning",
      ...placeIn(file.path, file.locate, file.at, p.line, p.column, codePoints(p.text)),
      message: `Line ${p.line} of ${brief(unit)} is ignored: ${what}.`,
      data: { unit, line: p.line },
    });
  }
}

const TRUE = /^(1|yes|y|true|t|on)$/i;

interface ServiceFacts {
  type?: string;
  execStart: number;
  execStop: number;
  remainAfterExit: boolean;
  successAction: boolean;
  busName: boolean;
  credentials: boolean;
  defaultInstance: boolean;
}

const CREDENTIAL_KEYS: ReadonlySet<string> = /* @__PURE__ */ new Set([
  "LoadCredential",
  "LoadCredentialEncrypted",
  "SetCredential",
  "SetCredentialEncrypted",
  "ImportCredential",
]);

/** Replays the assignments of the unit file and its drop-ins in order, as systemd loads them. */
function serviceFacts(files: readonly { parsed: UnitText }[], allowed: readonly string[]): ServiceFacts {
  const f: ServiceFacts = {
    execStart: 0,
    execStop: 0,
    remainAfterExit: false,
    successAction: false,
    busName: false,
    credentials: false,
    defaultInstance: false,
  };
  for (const { parsed } of files) {
    for (const a of parsed.assignments) {
      const s = readSection(a, allowed);
      if (s === "Service") {
        if (a.key === "ExecStart") f.execStart = a.value === "" ? 0 : f.execStart + 1;
        else if (a.key === "ExecStop") f.execStop = a.value === "" ? 0 : f.execStop + 1;
        else if (a.key === "Type") {
          if (a.value === "") delete f.type;
          else f.type = a.value;
        } else if (a.key === "RemainAfterExit") f.remainAfterExit = TRUE.test(a.value);
        else if (a.key === "BusName") f.busName = a.value !== "";
        else if (CREDENTIAL_KEYS.has(a.key)) f.credentials = f.credentials || a.value !== "";
      } else if (s === "Unit" && a.key === "SuccessAction") f.successAction = a.value !== "" && a.value !== "none";
      else if (s === "Install" && a.key === "DefaultInstance") f.defaultInstance = a.value !== "";
    }
  }
  return f;
}

/** systemd's `service_verify()` rules about start commands, as a finding (or null when it loads). */
function execStartProblem(f: ServiceFacts): { reason: string; type: string } | null {
  const type = f.type ?? (f.busName ? "dbus" : f.credentials ? "exec" : f.execStart > 0 ? "simple" : "oneshot");
  if (f.execStart === 0 && f.execStop === 0 && !f.successAction) {
    return { type, reason: "it has no ExecStart=, ExecStop= or SuccessAction=, so systemd refuses to load it" };
  }
  if (type !== "oneshot" && f.execStart === 0) {
    return { type, reason: `Type=${type} needs an ExecStart= (only Type=oneshot may go without), so systemd refuses to load it` };
  }
  if (f.execStart === 0 && !f.remainAfterExit && !f.successAction) {
    return { type, reason: "a Type=oneshot service without ExecStart= needs RemainAfterExit=yes or SuccessAction=, so systemd refuses to load it" };
  }
  if (type !== "oneshot" && f.execStart > 1) {
    return {
      type,
      reason: `it has ${f.execStart} ExecStart= lines, which only Type=oneshot allows (start with an empty ExecStart= to replace the unit's own), so systemd refuses to load it`,
    };
  }
  return null;
}

/** Lints one systemd unit: its file, its drop-ins, and the rules for its type. */
export function lintSystemdUnit(g: UnitGroup, placeEntryKey: (path: Path) => SourcePos | null, emit: Emit): void {
  const allowed = unitSections(g.type);
  const texts = [...(g.main ? [g.main] : []), ...g.dropins];
  // Ignition already reports `systemd.units` contents its unit parser rejects (and fails the config).
  if (texts.some((file) => file.path[0] === "systemd" && !parseUnit(file.text).ok)) return;
  const files = texts.map((file) => ({ file, parsed: parseUnitText(file.text) }));
  for (const { file, parsed } of files) {
    const label = file.dropin !== undefined ? `${g.name} drop-in ${file.dropin}` : g.name;
    checkLines(file, parsed, label, "systemd", emit);
    checkSections(file, parsed, allowed, { unit: label, engine: "systemd", code: "systemd-unknown-section" }, emit);
    for (const a of parsed.assignments) {
      const s = readSection(a, allowed);
      if (s !== null) checkSystemdKey(file, a, s, allowed, label, emit);
    }
  }
  if (!g.main || g.entry?.mask === true) return;
  const facts = serviceFacts(files, allowed);

  if (g.type === "service") {
    const problem = execStartProblem(facts);
    if (problem) {
      const mainParsed = files[0]!.parsed;
      const header = mainParsed.sections.find((s) => s.name === "Service");
      emit({
        code: "systemd-missing-exec-start",
        severity: "error",
        ...(header ? sectionSpan(g.main, header) : placeAt(g.main.path, g.main.at)),
        message: `${brief(g.name)} will not start: ${problem.reason}.`,
        data: { unit: g.name, type: problem.type, section: "Service" },
      });
    }
  }

  // `foo@.service` enabled without an instance: `systemctl enable` needs DefaultInstance= for that.
  if (g.entry?.enabled === true && /@\.[^.]+$/.test(g.name) && !facts.defaultInstance) {
    const enabledPath: Path = [...g.entry.path, "enabled"];
    const instance = g.name.replace(/@\./, "@instance.");
    emit({
      code: "systemd-template-without-instance",
      severity: "warning",
      ...placeAt(enabledPath, placeEntryKey(enabledPath)),
      message: `${brief(g.name)} is a template: enabling it starts nothing unless its [Install] section sets DefaultInstance=. Enable an instance instead, e.g. ${brief(instance)}.`,
      data: { unit: g.name, suggestion: instance, section: "Install" },
    });
  }
}

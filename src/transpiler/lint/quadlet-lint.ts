/**
 * Quadlet lint (`.container`, `.volume`, `.network`, `.kube`, `.image`, `.build`, `.pod`,
 * `.artifact`): the keys podman's Quadlet generator accepts in the file's own section (any other
 * key makes it refuse the whole file), the keys it requires, and the systemd sections it passes
 * through to the generated service ([Unit], [Service], [Install]), checked like a unit's.
 */
import { PODMAN_VERSION, QUADLET_GROUP_KEYS, QUADLET_TYPES, QUADLET_UNSUPPORTED_SERVICE_KEYS } from "./quadlet-keys.gen.ts";
import { brief } from "./brief.ts";
import { parseUnitText } from "./unit-text.ts";
import type { UnitGroup } from "./unit-sources.ts";
import { checkLines, checkSections, checkSystemdKey, keySpan, readSection, sectionSpan, type Emit } from "./systemd-lint.ts";
import { placeAt } from "./place.ts";
import { suggest } from "./suggest.ts";

/** Sections Quadlet hands on to systemd in the generated `.service`. */
const SYSTEMD_PASSED = ["Unit", "Service", "Install"] as const;
const UNSUPPORTED_SERVICE: ReadonlySet<string> = /* @__PURE__ */ new Set(QUADLET_UNSUPPORTED_SERVICE_KEYS);

export function lintQuadletUnit(g: UnitGroup, emit: Emit): void {
  const qt = QUADLET_TYPES[g.type];
  if (!qt) return;
  const own = new Set(qt.keys);
  const quadletKeys = new Set(QUADLET_GROUP_KEYS);
  const allowed = [qt.group, "Quadlet", ...SYSTEMD_PASSED];
  const files = [...(g.main ? [g.main] : []), ...g.dropins].map((file) => ({ file, parsed: parseUnitText(file.text) }));
  const present = new Set<string>();

  for (const { file, parsed } of files) {
    const label = file.dropin !== undefined ? `${g.name} drop-in ${file.dropin}` : g.name;
    checkLines(file, parsed, label, "Quadlet", emit);
    checkSections(file, parsed, allowed, { unit: label, engine: "Quadlet", code: "quadlet-unknown-section" }, emit);
    for (const a of parsed.assignments) {
      const s = readSection(a, allowed);
      if (s === null) continue;
      if (s === qt.group || s === "Quadlet") {
        const known = s === qt.group ? own : quadletKeys;
        if (known.has(a.key)) {
          if (s === qt.group) present.add(a.key);
          continue;
        }
        const suggestions = suggest(a.key, known);
        emit({
          code: "quadlet-unknown-key",
          severity: "error",
          ...keySpan(file, a),
          message:
            `Unknown key ${brief(a.key)}= in [${brief(s)}] of ${brief(label)}: Quadlet (podman ${PODMAN_VERSION}) refuses the whole file, so its service is never generated.` +
            (suggestions.length > 0 ? ` Did you mean ${suggestions.map((k) => `${k}=`).join(", ")}?` : ""),
          data: { unit: g.name, key: a.key, section: s, suggestions },
        });
        continue;
      }
      if (s === "Service" && UNSUPPORTED_SERVICE.has(a.key)) {
        emit({
          code: "quadlet-unsupported-service-key",
          severity: "warning",
          ...keySpan(file, a),
          message: `${brief(a.key)}= in [Service] of ${brief(label)} is not supported by Quadlet (it runs podman as that user and breaks it); use ${a.key === "Group" ? "Group=" : "User="} in [${qt.group}] or a rootless Quadlet instead.`,
          data: { unit: g.name, key: a.key, section: "Service" },
        });
        continue;
      }
      checkSystemdKey(file, a, s, SYSTEMD_PASSED, label, emit);
    }
  }

  // Required keys: only when the config writes the file itself (drop-ins may complete it).
  if (!g.main) return;
  const mainParsed = files[0]!.parsed;
  for (const alternatives of qt.required) {
    if (alternatives.some((k) => present.has(k))) continue;
    const header = mainParsed.sections.find((s) => s.name === qt.group);
    const names = alternatives.map((k) => `${k}=`).join(" or ");
    emit({
      code: alternatives.includes("Image") ? "quadlet-missing-image" : "quadlet-missing-key",
      severity: "error",
      ...(header ? sectionSpan(g.main, header) : placeAt(g.main.path, g.main.at)),
      message: `${brief(g.name)} has no ${names} in [${qt.group}]: Quadlet refuses it, so its service is never generated.`,
      data: { unit: g.name, section: qt.group, keys: alternatives },
    });
  }
}

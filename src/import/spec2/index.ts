/**
 * Ignition spec 2.x → Butane: the deprecated fields of 2.0–2.3 read as their successors, the
 * config converted to spec 3 (convert.ts) for the chosen variant's newest version, then imported
 * like any spec 3 config and verified against that conversion.
 */
import { importIgnition3, type ButaneBuild } from "../from-ignition.ts";
import { findSpec, newestStable, variants, type VariantSpec } from "../spec.ts";
import { ImportError, isObj, type Finding, type ImportOptions, type Json } from "../types.ts";
import { convertSpec2 } from "./convert.ts";

const USER_FIELDS = ["uid", "gecos", "homeDir", "noCreateHome", "primaryGroup", "groups", "noUserGroup", "noLogInit", "shell", "system"];

/** The Butane variant/version a config without an Ignition 3 version is written for. */
export function targetSpec(options: ImportOptions, defaultVariant: string): VariantSpec {
  const variant = options.variant ?? defaultVariant;
  if (!variants().includes(variant)) throw new ImportError(`unknown variant ${variant}; Butane has ${variants().join(", ")}`);
  const vs = options.version !== undefined ? findSpec(variant, options.version) : newestStable(variant);
  if (!vs) throw new ImportError(`${variant} has no version ${options.version ?? ""}`);
  return vs;
}

/** Spec 2.0–2.3's deprecated forms in their 2.4 shape (a copy; the input is not modified). */
export function normalizeSpec2(input: Json, findings: Finding[]): Json {
  const cfg = JSON.parse(JSON.stringify(input)) as Json;
  const note = (code: string, message: string) => findings.push({ code, severity: "info", path: [], message });
  const passwd = isObj(cfg.passwd) ? cfg.passwd : {};
  for (const u of Array.isArray(passwd.users) ? passwd.users.filter(isObj) : []) {
    if (!isObj(u.create)) continue;
    // the create object's fields replace the user's own (Flatcar's reading of a deprecated create)
    for (const f of USER_FIELDS) {
      if (u.create[f] !== undefined) u[f] = u.create[f];
      else delete u[f];
    }
    delete u.create;
    note("import-spec2-user-create", `user ${String(u.name)}: the deprecated create object's fields became the user's`);
  }
  const storage = isObj(cfg.storage) ? cfg.storage : {};
  for (const d of Array.isArray(storage.disks) ? storage.disks.filter(isObj) : []) {
    for (const p of Array.isArray(d.partitions) ? d.partitions.filter(isObj) : []) {
      const moved: string[] = [];
      for (const [old, mib] of [
        ["size", "sizeMiB"],
        ["start", "startMiB"],
      ] as const) {
        if (typeof p[old] !== "number") continue;
        const sectors = p[old];
        if (p[mib] === undefined) {
          if (sectors % 2048 !== 0) {
            throw new ImportError(
              `partition ${String(p.label ?? p.number)} on ${String(d.device)}: ${old} ${sectors} sectors is not a whole number of MiB, and spec 3 sizes partitions in MiB`,
            );
          }
          p[mib] = sectors / 2048;
          moved.push(`${old} ${sectors} → ${mib} ${sectors / 2048}`);
        }
        delete p[old];
      }
      if (moved.length > 0) {
        note("import-spec2-sectors", `partition ${String(p.label ?? p.number)} on ${String(d.device)}: ${moved.join(", ")} (sizes in 512-byte sectors)`);
      }
    }
  }
  return cfg;
}

export function importSpec2(config: Json, options: ImportOptions): ButaneBuild {
  const vs = targetSpec(options, "fcos");
  const findings: Finding[] = [];
  const normalized = normalizeSpec2(config, findings);
  const converted = convertSpec2(normalized, {
    version: vs.ignition,
    flatcar: vs.variant === "flatcar",
    ...(options.filesystemPaths ? { filesystemPaths: options.filesystemPaths } : {}),
  });
  let result: ButaneBuild;
  try {
    result = importIgnition3(converted.config, [vs], { expected: converted.config });
  } catch (e) {
    if (e instanceof ImportError) throw new ImportError(`converted to spec 3, ${e.message}`, e.findings);
    throw e;
  }
  const version = isObj(config.ignition) ? String(config.ignition.version) : "2.x";
  result.findings.unshift(
    { code: "import-spec2", severity: "info", path: [], message: `Ignition ${version} was converted to spec ${vs.ignition} by the rules of ign-converter` },
    ...findings,
    ...converted.findings,
  );
  return result;
}

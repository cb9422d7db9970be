/**
 * Ignition 3.x (and MachineConfig) → Butane: the variant/version that emits the config's Ignition
 * version, the plain mapping of every field, then the sugar that gives the same config back —
 * GRUB users, boot_device, mount units, inline text, octal modes — each kept only when the
 * transpiler, asked, generates exactly what the config holds. The whole result is verified by
 * transpiling it; when that fails the importer retries with less sugar, down to the plain form.
 */
import type { FilesProvider, Path } from "../transpiler/index.ts";
import { emitButane, type CommentMap } from "./emit.ts";
import { generated, header } from "./generate.ts";
import { formatIgnPath, ignitionToButane } from "./ignition3.ts";
import { findSpec, specsEmitting, variants, type VariantSpec } from "./spec.ts";
import { IGNITION_VERSIONS } from "../transpiler/spec/ignition.ts";
import { bootDeviceCandidate } from "./sugar/boot-device.ts";
import { grubCandidate } from "./sugar/grub.ts";
import { inlineDataUrls } from "./sugar/inline.ts";
import { foldMountUnits } from "./sugar/mount-units.ts";
import { emptyStats, ImportError, isObj, type Finding, type ImportStats, type Json } from "./types.ts";
import { unmergeConfig } from "./unmerge.ts";
import { verifyButane } from "./verify.ts";

export const IGNITION_3: readonly string[] = IGNITION_VERSIONS;

export interface ButaneBuild {
  butane: string;
  variant: string;
  version: string;
  stats: ImportStats;
  findings: Finding[];
  verified: boolean;
}

/** Extra Butane-form fields and comments a caller (MachineConfig, CLC) adds to the result. */
export interface BuildExtras {
  /** Fields merged into the Butane config root (e.g. openshift `metadata` and `openshift`). */
  root?: Json;
  /** What the transpiled output is compared with; by default the Ignition config itself. */
  expected?: unknown;
  /** Compare a MachineConfig (transpile without --raw). */
  machineConfig?: boolean;
  comments?: CommentMap;
  /** Called with the Butane-form config before it is written (e.g. to attach comments). */
  decorate?: (butane: Json) => void;
  header?: string;
  /** Local files the Butane config reads (`local:`), for the verifying transpile. */
  files?: FilesProvider;
}

type SugarLevel = "all" | "inline" | "none";

/** The Butane variant/versions to try for an Ignition version, best first. */
export function candidateSpecs(ignitionVersion: string, variant: string, version?: string): VariantSpec[] {
  if (!variants().includes(variant)) throw new ImportError(`unknown variant ${variant}; Butane has ${variants().join(", ")}`);
  if (version !== undefined) {
    const vs = findSpec(variant, version);
    if (!vs) throw new ImportError(`${variant} has no version ${version}`);
    if (vs.ignition !== ignitionVersion) {
      throw new ImportError(`${variant} ${version} emits Ignition ${vs.ignition}, but the config is Ignition ${ignitionVersion}`);
    }
    return [vs];
  }
  const specs = specsEmitting(variant, ignitionVersion);
  if (specs.length === 0) {
    const emits = allIgnitions(variant).join(", ");
    throw new ImportError(`no ${variant} version emits Ignition ${ignitionVersion} (${variant} emits ${emits}); choose another variant`);
  }
  return specs;
}

function allIgnitions(variant: string): string[] {
  return IGNITION_3.filter((v) => specsEmitting(variant, v).length > 0);
}

/** Imports an Ignition 3.x config object (already parsed; its version checked). */
export function importIgnition3(config: Json, specs: VariantSpec[], extras: BuildExtras = {}): ButaneBuild {
  const errors: string[] = [];
  let verifiedWithWarnings: ButaneBuild | undefined;
  let fallback: ButaneBuild | undefined;
  for (const vs of specs) {
    for (const level of ["all", "inline", "none"] as const) {
      const b = build(config, vs, level, extras);
      if (b.kind === "error") {
        errors.push(b.message);
        break; // less sugar cannot fix a config the plain form cannot express
      }
      const warned = b.result.findings.some((f) => f.code === "import-transpile-warning");
      if (b.result.verified && !warned) return b.result;
      if (b.result.verified) verifiedWithWarnings ??= b.result;
      fallback ??= b.result;
    }
  }
  if (verifiedWithWarnings) return verifiedWithWarnings;
  if (fallback) return fallback;
  throw new ImportError(errors[0] ?? "the config cannot be imported");
}

type BuildOutcome = { kind: "ok"; result: ButaneBuild } | { kind: "error"; message: string };

function build(original: Json, vs: VariantSpec, level: SugarLevel, extras: BuildExtras): BuildOutcome {
  const stats = emptyStats();
  const findings: Finding[] = [];
  const version = String((original.ignition as Json | undefined)?.version ?? vs.ignition);
  const toButane = (partial: Json) => ignitionToButane(partial, vs.spec, version).butane;

  let residual: Json = original;
  const sugar: Json = {};
  let folded: number[] = [];
  stats.mountUnits = countMountUnits(original);
  if (level === "all") {
    if (isObj(extras.root?.openshift) && extras.root.openshift.fips === true && vs.features.fipsLuksCipher) residual = withoutFipsCipher(residual);
    const grub = grubCandidate(residual, vs);
    if (grub) {
      const child = tryUnmerge(vs, { grub }, residual);
      if (child) {
        residual = child;
        sugar.grub = grub;
        stats.grubUsers = (grub.users as unknown[]).length;
      }
    }
    const bd = bootDeviceCandidate(residual, vs);
    if (bd) {
      const child = tryUnmerge(vs, { boot_device: bd }, residual);
      if (child) {
        residual = child;
        sugar.boot_device = bd;
        stats.bootDevice = 1;
      }
    }
    const mounts = foldMountUnits(residual, vs, toButane);
    residual = mounts.config;
    folded = mounts.folded;
    stats.foldedMountUnits = folded.length;
  }

  let plain: ReturnType<typeof ignitionToButane>;
  try {
    plain = ignitionToButane(residual, vs.spec, version);
  } catch (e) {
    if (e instanceof ImportError) return { kind: "error", message: e.message };
    throw e;
  }
  findings.push(...plain.findings);
  const body = plain.butane;
  if (folded.length > 0) {
    const fss = (body.storage as Json).filesystems as Json[];
    for (const i of folded) fss[i]!.with_mount_unit = true;
  }
  const butane: Json = prune({ ...header(vs), ...(extras.root ?? {}), ...sugar, ...body }) as Json;
  if (extras.root === undefined && vs.features.cexKernelArgument && hasCexRoot(original)) {
    // openshift 4.19+ refuses a CEX-protected root without this kernel argument, even with --raw
    butane.openshift = { kernel_arguments: [CEX_KARG] };
    findings.push({
      code: "import-cex-karg",
      severity: "info",
      path: ["openshift", "kernel_arguments"],
      message: `added ${CEX_KARG}, which openshift requires with a CEX-protected root (the raw Ignition output leaves it out)`,
    });
  }
  if (extras.root === undefined && vs.variant === "openshift") {
    findings.push({
      code: "import-placeholder-metadata",
      severity: "warning",
      path: ["metadata"],
      message: "an Ignition config has no MachineConfig name or role: metadata.name and the role label are placeholders to replace",
    });
  }
  const inline = inlineDataUrls(butane, vs.spec, vs.features.encodedDataUrls, level !== "none");
  stats.dataUrls = inline.dataUrls;
  stats.inlined = inline.inlined;
  stats.modes = countModes(butane);
  for (const at of inline.kept) {
    findings.push({ code: "import-data-url-kept", severity: "info", path: at, message: "contents are binary (or hashed) and stay a data URL" });
  }
  extras.decorate?.(butane);
  const text = emitButane(butane, {
    spec: vs.spec,
    ...(extras.comments ? { comments: extras.comments } : {}),
    ...(extras.header ? { header: extras.header } : {}),
  });

  // keys Ignition ignores (and the importer left out) are not part of the config to compare
  const dropped = plain.findings.filter((f) => f.code === "import-unknown-key").map((f) => (extras.machineConfig ? ["spec", "config", ...f.path] : f.path));
  const expected = withoutPaths(extras.expected ?? original, dropped);
  const v = verifyButane(text, expected, extras.machineConfig === true, extras.files);
  if (!v.ok) {
    const first = v.diagnostics.find((d) => d.severity === "error");
    const where = first ? ` (${first.message} at ${formatIgnPath(first.path as Path)})` : "";
    return { kind: "error", message: `the config is not valid for ${vs.variant} ${vs.version}${where}` };
  }
  for (const d of v.diagnostics) {
    findings.push({ code: "import-transpile-warning", severity: "warning", path: d.path, message: `Butane warns: ${d.message}` });
  }
  if (v.difference !== null) {
    findings.push({
      code: "import-not-verified",
      severity: "warning",
      path: [],
      message: `the Butane config transpiles to a different config (first difference at ${v.difference})`,
    });
  }
  summarize(stats, findings);
  return {
    kind: "ok",
    result: { butane: text, variant: vs.variant, version: vs.version, stats, findings, verified: v.difference === null },
  };
}

/** The child config left when `fragment`'s generated output is taken out of `config`, or null. */
function tryUnmerge(vs: VariantSpec, fragment: Json, config: Json): Json | null {
  const gen = generated(vs, fragment);
  return gen ? unmergeConfig(gen, config) : null;
}

/** `v` without the keys at `paths` (copied along those paths only). */
function withoutPaths(v: unknown, paths: readonly (readonly (string | number)[])[]): unknown {
  let out = v;
  for (const path of paths) out = without(out, path);
  return out;
}

function without(v: unknown, path: readonly (string | number)[]): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return v;
  if (Array.isArray(v) && typeof head === "number") return v.map((x, i) => (i === head ? without(x, rest) : x));
  if (!isObj(v) || typeof head !== "string" || !(head in v)) return v;
  const copy = { ...v };
  if (rest.length === 0) delete copy[head];
  else copy[head] = without(copy[head], rest);
  return copy;
}

const FIPS_CIPHER = ["--cipher", "aes-cbc-essiv:sha256"];

/** openshift 4.8–4.19 with `fips: true` adds this cipher to every LUKS volume without one: take it out. */
function withoutFipsCipher(config: Json): Json {
  const storage = isObj(config.storage) ? config.storage : undefined;
  if (!storage || !Array.isArray(storage.luks)) return config;
  const luks = storage.luks.map((l) => {
    if (!isObj(l) || !Array.isArray(l.options)) return l;
    const opts = l.options as unknown[];
    const n = opts.length;
    if (n < 2 || opts[n - 2] !== FIPS_CIPHER[0] || opts[n - 1] !== FIPS_CIPHER[1]) return l;
    const rest = opts.slice(0, n - 2);
    if (rest.some((o) => o === "--cipher" || o === "-c" || (typeof o === "string" && o.startsWith("--cipher=")))) return l;
    const copy: Json = { ...l, options: rest };
    if (rest.length === 0) delete copy.options;
    return copy;
  });
  return { ...config, storage: { ...storage, luks } };
}

const CEX_KARG = "rd.luks.key=/etc/luks/cex.key";

function hasCexRoot(config: Json): boolean {
  const luks = isObj(config.storage) && Array.isArray(config.storage.luks) ? config.storage.luks : [];
  return luks.some((l) => isObj(l) && l.name === "root" && isObj(l.cex) && l.cex.enabled === true);
}

/** Drops empty objects and lists (Butane writes nothing for them), keeping empty strings. */
export function prune(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(prune);
  if (!isObj(v)) return v;
  const out: Json = {};
  for (const [k, c] of Object.entries(v)) {
    const p = prune(c);
    if ((Array.isArray(p) && p.length === 0) || (isObj(p) && Object.keys(p).length === 0)) continue;
    out[k] = p;
  }
  return out;
}

function countMountUnits(config: Json): number {
  const units = isObj(config.systemd) && Array.isArray(config.systemd.units) ? config.systemd.units : [];
  return units.filter((u) => isObj(u) && typeof u.name === "string" && /\.(mount|swap)$/.test(u.name)).length;
}

function countModes(butane: Json): number {
  const storage = isObj(butane.storage) ? butane.storage : {};
  let n = 0;
  for (const k of ["files", "directories"]) {
    const l = storage[k];
    if (Array.isArray(l)) n += l.filter((x) => isObj(x) && typeof x.mode === "number").length;
  }
  return n;
}

/** One info finding per kind of sugar recovered. */
function summarize(stats: ImportStats, findings: Finding[]): void {
  const info = (code: string, message: string) => findings.unshift({ code, severity: "info", path: [], message });
  if (stats.foldedMountUnits > 0) info("import-mount-units", `${stats.foldedMountUnits} of ${stats.mountUnits} mount units became with_mount_unit: true`);
  if (stats.grubUsers > 0) info("import-grub-users", `${stats.grubUsers} GRUB user(s) recovered from /boot/grub2/user.cfg`);
  if (stats.bootDevice > 0) info("import-boot-device", "the boot disk's LUKS/mirror layout became boot_device");
  if (stats.modes > 0) info("import-modes", `${stats.modes} mode(s) written in octal`);
  if (stats.dataUrls > 0) info("import-inline", `${stats.inlined} of ${stats.dataUrls} data URLs became inline text`);
}

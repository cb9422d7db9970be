/**
 * openshift hooks: the fcos rules at the matching fcos level, plus metadata / openshift-field
 * validation, the CEX kernel-argument rule (4.19+), FIPS LUKS cipher options (4.8–4.19), the
 * grub append → contents rewrite (4.23-exp), RHCOS/MCO support checks, field filters, and the
 * MachineConfig wrapper (or, with --raw, the bare Ignition config plus "field ignored" warnings).
 */
import { intNumber } from "../ignition/access.ts";
import type { Path } from "../types.ts";
import type { BObject } from "../decode.ts";
import type { VariantFeatures, VariantSpec } from "../spec/variants.ts";
import type { TranslateContext } from "../translate/context.ts";
import type { Obj } from "../translate/provenance.ts";
import { parseGoUrl } from "../go/url.ts";
import type { StageEntry, VariantHooks } from "./hooks.ts";
import { blist, bobj, bstrings, hasErrors, isTrue, olist, oobj } from "./common.ts";
import { fcosSugar, partitionChecks, validateFcosFields } from "./fcos.ts";
import { runFilters } from "./filters.ts";
import { reorderKeys } from "./merge.ts";

export {
  ERR_DIRECTORIES,
  ERR_FILE_APPEND,
  ERR_FILE_COMPRESSION,
  ERR_FILE_HEADERS,
  ERR_GROUPS,
  ERR_KARGS,
  ERR_LINKS,
  ERR_USER_FIELD,
  openshiftFilters,
} from "../spec/filters.ts";

export const ROLE_LABEL = "machineconfiguration.openshift.io/role";
export const MC_API_VERSION = "machineconfiguration.openshift.io/v1";
export const MC_KIND = "MachineConfig";
const CEX_KARG = "rd.luks.key=/etc/luks/cex.key";

export const ERR_NAME_REQUIRED = "metadata.name is required";
export const ERR_ROLE_REQUIRED = "machineconfiguration.openshift.io/role label is required";
export const ERR_INVALID_KERNEL_TYPE = 'must be empty, "default", or "realtime"';
export const ERR_MISSING_KARG_CEX = "'rd.luks.key=/etc/luks/cex.key' must be set as kernel argument when CEX is enabled for the boot device";
export const ERR_FIELD_ELIDED = "field ignored in raw mode";
export const ERR_BTRFS = "btrfs is not supported in this spec version";
export const ERR_FS_NONE = 'format "none" is not supported in this spec version';
export const ERR_FILE_SCHEME = "file contents source must be data URL in this spec version";
export const ERR_FILE_SPECIAL_MODE = "special mode bits are not supported in this spec version";
export const ERR_USER_NAME = 'users other than "core" are not supported in this spec version';

const FIPS_CIPHER = "--cipher";
const FIPS_CIPHER_SHORT = "-c";
const FIPS_CIPHER_ARG = "aes-cbc-essiv:sha256";

/** 4.19+ `Config.Validate` (it shadows fcos's, so fcos's Config-level rules never run for openshift). */
export function validateOpenshiftConfig(cfg: BObject, vs: VariantSpec): StageEntry[] {
  if (!vs.features.cexKernelArgument) return [];
  const out: StageEntry[] = [];
  const kargs = bstrings(bobj(cfg.openshift).kernel_arguments);
  const err = () => out.push({ severity: "error", space: "yaml", path: ["openshift", "kernel_arguments"], message: ERR_MISSING_KARG_CEX });
  if (isTrue(bobj(bobj(bobj(cfg.boot_device).luks).cex).enabled) && !kargs.includes(CEX_KARG)) err();
  const rootCex = blist(bobj(cfg.storage).luks).some((l) => isTrue(bobj(l.cex).enabled) && l.name === "root");
  if (rootCex && !kargs.includes(CEX_KARG)) err();
  return out;
}

/** `metadata` and `openshift` field rules (after the fcos fields). */
export function validateOpenshiftFields(cfg: BObject): StageEntry[] {
  const out: StageEntry[] = [];
  const md = bobj(cfg.metadata);
  if (typeof md.name !== "string" || md.name === "") {
    out.push({ severity: "error", space: "yaml", path: ["metadata", "name"], message: ERR_NAME_REQUIRED });
  }
  const role = bobj(md.labels)[ROLE_LABEL];
  if (typeof role !== "string" || role === "") {
    out.push({ severity: "error", space: "yaml", path: ["metadata", "labels"], message: ERR_ROLE_REQUIRED });
  }
  const kt = bobj(cfg.openshift).kernel_type;
  if (kt !== undefined && !["", "default", "realtime"].includes(String(kt))) {
    out.push({ severity: "error", space: "yaml", path: ["openshift", "kernel_type"], message: ERR_INVALID_KERNEL_TYPE });
  }
  return out;
}

/** 4.23-exp: the grub sugar's single `append` on /boot/grub2/user.cfg becomes its `contents`. */
export function moveGrubAppend(ctx: TranslateContext, out: Obj): void {
  for (const file of olist(oobj(out.storage)?.files)) {
    if (file.path !== "/boot/grub2/user.cfg") continue;
    const append = file.append;
    if (!Array.isArray(append) || append.length !== 1) return;
    const from = ctx.prov.keyOf(append, 0) ?? ctx.prov.selfOf(append[0] as object);
    delete file.append;
    file.contents = append[0];
    if (from) ctx.prov.markKey(file, "contents", from);
    reorderKeys(file, "File", ctx.vs.ignition);
    return;
  }
}

/** 4.8–4.19 with `openshift.fips`: every LUKS volume without a cipher option gets FIPS's. */
export function addFipsLuksOptions(ctx: TranslateContext, out: Obj): void {
  const from: Path = ["openshift", "fips"];
  for (const luks of olist(oobj(out.storage)?.luks)) {
    const options = Array.isArray(luks.options) ? (luks.options as unknown[]) : [];
    if (options.some((o) => o === FIPS_CIPHER || (typeof o === "string" && o.startsWith(FIPS_CIPHER + "=")) || o === FIPS_CIPHER_SHORT)) {
      continue;
    }
    if (options.length === 0) {
      const list: unknown[] = ctx.prov.mark([], from);
      luks.options = list;
      ctx.prov.markKey(luks, "options", from);
      reorderKeys(luks, "Luks", ctx.vs.ignition);
    }
    const list = luks.options as unknown[];
    for (const v of [FIPS_CIPHER, FIPS_CIPHER_ARG]) {
      ctx.prov.markKey(list, list.length, from);
      list.push(v);
    }
  }
}

/**
 * RHCOS and MCO support checks on the desugared config. Paths are Ignition JSON paths; in raw
 * mode upstream cannot map them (its translations were re-rooted), so they print as
 * `$.spec.config.…` (yaml space here).
 */
export function supportChecks(out: Obj, f: VariantFeatures, raw: boolean): StageEntry[] {
  const entries: StageEntry[] = [];
  const add = (path: Path, message: string) =>
    entries.push(raw ? { severity: "error", space: "yaml", path: ["spec", "config", ...path], message } : { severity: "error", space: "json", path, message });
  const storage = oobj(out.storage);
  const filesystems = olist(storage?.filesystems);
  filesystems.forEach((fs, i) => {
    if (fs.format === "btrfs") add(["storage", "filesystems", i, "format"], ERR_BTRFS);
  });
  if (f.rejectsFormatNone) {
    filesystems.forEach((fs, i) => {
      if (fs.format === "none") add(["storage", "filesystems", i, "format"], ERR_FS_NONE);
    });
  }
  olist(storage?.files).forEach((file, i) => {
    const source = oobj(file.contents)?.source;
    if (typeof source === "string") {
      const u = parseGoUrl(source);
      if (u.ok && u.url.scheme !== "data") add(["storage", "files", i, "contents", "source"], ERR_FILE_SCHEME);
    }
    const mode = intNumber(file.mode);
    if (f.rejectsSpecialModes && mode !== undefined && (mode < 0 || mode > 0o777)) add(["storage", "files", i, "mode"], ERR_FILE_SPECIAL_MODE);
  });
  olist(oobj(out.passwd)?.users).forEach((u, i) => {
    if (u.name !== "core") add(["passwd", "users", i, "name"], ERR_USER_NAME);
  });
  return entries;
}

/** Raw mode: every set openshift field other than the config is dropped, with a warning. */
export function elidedFieldWarnings(cfg: BObject): StageEntry[] {
  const os = bobj(cfg.openshift);
  return (["kernel_arguments", "extensions", "fips", "kernel_type"] as const)
    .filter((k) => os[k] !== undefined)
    .map((k) => ({ severity: "warning" as const, space: "yaml" as const, path: ["openshift", k], message: ERR_FIELD_ELIDED }));
}

/** The MachineConfig object (before JSON → YAML), with upstream's omission rules. */
export function machineConfig(cfg: BObject, config: Obj): Obj {
  const md = bobj(cfg.metadata);
  const metadata: Obj = { name: typeof md.name === "string" ? md.name : "" };
  const labels = bobj(md.labels);
  if (Object.keys(labels).length > 0) {
    const l: Obj = {};
    for (const [k, v] of Object.entries(labels)) l[k] = typeof v === "string" ? v : String(v ?? "");
    metadata.labels = l;
  }
  const os = bobj(cfg.openshift);
  const spec: Obj = { config };
  const kargs = bstrings(os.kernel_arguments);
  if (kargs.length > 0) spec.kernelArguments = kargs;
  const ext = bstrings(os.extensions);
  if (ext.length > 0) spec.extensions = ext;
  if (typeof os.fips === "boolean") spec.fips = os.fips;
  if (os.kernel_type !== undefined) spec.kernelType = String(os.kernel_type);
  return { apiVersion: MC_API_VERSION, kind: MC_KIND, metadata, spec };
}

export const openshiftHooks: VariantHooks = {
  validatePre(cfg, vs) {
    return validateOpenshiftConfig(cfg, vs);
  },
  validatePost(cfg, vs) {
    return [...validateFcosFields(cfg, vs.features), ...validateOpenshiftFields(cfg)];
  },
  sugar(ctx, cfg, out) {
    const r = fcosSugar(ctx, cfg, out);
    if (hasErrors(ctx)) return r;
    if (ctx.vs.features.grubUserCfgContents) moveGrubAppend(ctx, r);
    if (ctx.vs.features.fipsLuksCipher && isTrue(bobj(cfg.openshift).fips)) addFipsLuksOptions(ctx, r);
    return r;
  },
  check(ctx, cfg, out, raw = false) {
    if (hasErrors(ctx)) return [];
    return [...partitionChecks(out, ctx.vs.features, raw), ...supportChecks(out, ctx.vs.features, raw), ...(raw ? elidedFieldWarnings(cfg) : [])];
  },
  filter(vs, out, _cfg, raw = false) {
    if (raw) return [];
    return runFilters(out, vs.filters, vs.filterZero);
  },
  wrap(_vs, cfg, out, raw) {
    if (raw) return { value: out, format: "json", jsonPrefix: [], entries: [] };
    return { value: machineConfig(cfg, out), format: "yaml", jsonPrefix: ["spec", "config"], entries: [] };
  },
};

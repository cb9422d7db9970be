/**
 * fcos `boot_device` (1.3+) and `grub` (1.5+): source rules and desugaring into storage that is
 * merged *under* the user's config (generated disks, filesystems, LUKS and RAID come first).
 */
import type { Path } from "../types.ts";
import type { BObject } from "../decode.ts";
import type { TranslateContext } from "../translate/context.ts";
import type { VariantFeatures } from "../spec/variants.ts";
import type { Obj } from "../translate/provenance.ts";
import { textDataUrl } from "../util/dataurl.ts";
import type { StageEntry } from "./hooks.ts";
import { blist, bobj, bstrings, isTrue, nilOrEmpty } from "./common.ts";
import { mergeConfigs } from "./merge.ts";

export const ERR_UNKNOWN_LAYOUT = "layout must be one of: aarch64, ppc64le, s390x-eckd, s390x-virt, s390x-zfcp, x86_64";
export const ERR_UNKNOWN_LAYOUT_LEGACY = "layout must be one of: aarch64, ppc64le, x86_64";
export const ERR_TOO_FEW_MIRROR_DEVICES = "mirroring requires at least two devices";
export const ERR_MIRROR_REQUIRES_LAYOUT = "boot_device.layout should be specified when boot_device.mirror is specified";
export const ERR_NO_LUKS_BOOT_DEVICE = "device is required for layouts: s390x-eckd, s390x-zfcp";
export const ERR_MIRROR_NOT_SUPPORTED = "mirroring not supported on layouts: s390x-eckd, s390x-zfcp, s390x-virt";
export const ERR_LUKS_BOOT_DEVICE_BAD_NAME = "device name must start with /dev/dasd on s390x-eckd layout or /dev/sd on s390x-zfcp layout";
export const ERR_CEX_ARCH = "when using cex the targeted architecture must match s390x";
export const ERR_CEX_WITH_CLEVIS = "cannot use cex with clevis";
export const ERR_NO_LUKS_METHOD = "no method specified for luks";
export const ERR_GRUB_NAME = 'field "name" is required';
export const ERR_GRUB_PASSWORD = 'field "password_hash" is required';

const RESERVED_GUID = "8DA63339-0007-60C0-C436-083AC8230908";
const BIOS_GUID = "21686148-6449-6E6F-744E-656564454649";
const PREP_GUID = "9E1A2D38-C612-4316-AA26-8B49521E5A8B";
const ESP_GUID = "C12A7328-F81F-11D2-BA4B-00A0C93EC93B";

/**
 * Source validation of `boot_device` at fcos rule level `fcos` (BootDevice.Validate, then the
 * walk into its `luks` and `mirror` fields — so the mirror-device rule is reported twice).
 */
export function validateBootDevice(cfg: BObject, f: VariantFeatures): StageEntry[] {
  if (!f.bootDevice) return [];
  const out: StageEntry[] = [];
  const at = (severity: "error" | "warning", path: Path, message: string) => out.push({ severity, space: "yaml", path: ["boot_device", ...path], message });
  const bd = bobj(cfg.boot_device);
  const luks = bobj(bd.luks);
  const devices = bstrings(bobj(bd.mirror).devices);
  const layout = typeof bd.layout === "string" ? bd.layout : undefined;
  const cexEnabled = f.bootDeviceLuksCex && isTrue(bobj(luks.cex).enabled);
  const mirrorCheck = () => {
    if (devices.length === 1) at("error", ["mirror", "devices"], ERR_TOO_FEW_MIRROR_DEVICES);
  };

  if (devices.length > 0 && layout === undefined) at(f.strictBootDevice ? "error" : "warning", ["mirror"], ERR_MIRROR_REQUIRES_LAYOUT);
  if (layout !== undefined) {
    if (!f.bootDeviceS390x) {
      if (!["aarch64", "ppc64le", "x86_64"].includes(layout)) at("error", ["layout"], ERR_UNKNOWN_LAYOUT_LEGACY);
    } else {
      const device = luks.device;
      switch (layout) {
        case "aarch64":
        case "ppc64le":
        case "x86_64":
        case "s390x-virt":
          break;
        case "s390x-eckd":
          if (nilOrEmpty(device)) at("error", ["layout"], ERR_NO_LUKS_BOOT_DEVICE);
          else if (!/\/dev\/dasd[a-z]$/.test(String(device))) at("error", ["layout"], ERR_LUKS_BOOT_DEVICE_BAD_NAME);
          break;
        case "s390x-zfcp":
          if (nilOrEmpty(device)) at("error", ["layout"], ERR_NO_LUKS_BOOT_DEVICE);
          else if (!/\/dev\/sd[a-z]$/.test(String(device))) at("error", ["layout"], ERR_LUKS_BOOT_DEVICE_BAD_NAME);
          break;
        default:
          at("error", ["layout"], ERR_UNKNOWN_LAYOUT);
      }
      if (layout.startsWith("s390x") && devices.length > 0) at("error", ["layout"], ERR_MIRROR_NOT_SUPPORTED);
    }
  }
  if (cexEnabled) {
    if (layout === undefined) at("error", ["luks", "cex"], ERR_CEX_ARCH);
    else if (!layout.startsWith("s390x")) at("error", ["layout"], ERR_CEX_ARCH);
    if ((Array.isArray(luks.tang) && luks.tang.length > 0) || isTrue(luks.tpm2)) {
      at("error", ["luks"], ERR_CEX_WITH_CLEVIS);
    }
  }
  mirrorCheck();

  // the walk: BootDeviceLuks.Validate (1.7+), then BootDeviceMirror.Validate again
  if (f.strictBootDevice && typeof luks.device === "string" && luks.device !== "") {
    const tangSet = blist(luks.tang).some((t) => (typeof t.url === "string" && t.url !== "") || t.thumbprint !== undefined || t.advertisement !== undefined);
    if (!tangSet && !isTrue(luks.tpm2) && !isTrue(bobj(luks.cex).enabled)) at("error", ["luks", "luks"], ERR_NO_LUKS_METHOD);
  }
  mirrorCheck();
  return out;
}

/** Source validation of `grub.users` (fcos 1.5+). */
export function validateGrub(cfg: BObject, f: VariantFeatures): StageEntry[] {
  if (!f.grub) return [];
  const out: StageEntry[] = [];
  blist(bobj(cfg.grub).users).forEach((u, i) => {
    if (nilOrEmpty(u.name)) out.push({ severity: "error", space: "yaml", path: ["grub", "users", i, "name"], message: ERR_GRUB_NAME });
    if (nilOrEmpty(u.password_hash)) {
      out.push({ severity: "error", space: "yaml", path: ["grub", "users", i, "password_hash"], message: ERR_GRUB_PASSWORD });
    }
  });
  return out;
}

/** Builds an object whose keys and nested values all come from `from` (AddFromCommonSource). */
function common(ctx: TranslateContext, from: Path, fields: [string, unknown][]): Obj {
  const o: Obj = ctx.prov.mark({}, from);
  for (const [k, v] of fields) {
    if (v === undefined) continue;
    if (Array.isArray(v)) markAll(ctx, v, from);
    ctx.prov.set(o, k, v, from);
  }
  return o;
}

function markAll(ctx: TranslateContext, list: unknown[], from: Path): unknown[] {
  ctx.prov.mark(list, from);
  list.forEach((_, i) => ctx.prov.markKey(list, i, from));
  return list;
}

/** Desugars `boot_device` into a parent config and merges the user's config over it (fcos 1.3+). */
export function applyBootDevice(ctx: TranslateContext, cfg: BObject, out: Obj): Obj {
  const f = ctx.vs.features;
  if (!f.bootDevice) return out;
  const bd = bobj(cfg.boot_device);
  const luks = bobj(bd.luks);
  const devices = bstrings(bobj(bd.mirror).devices);
  const cex = f.bootDeviceLuksCex && isTrue(bobj(luks.cex).enabled);
  const tang = blist(luks.tang);
  const wantLuks = isTrue(luks.tpm2) || (Array.isArray(luks.tang) && luks.tang.length > 0) || cex;
  const wantMirror = devices.length > 0;
  if (!wantLuks && !wantMirror) return out;

  const layout = typeof bd.layout === "string" ? bd.layout : "x86_64";
  const wantBios = layout === "x86_64";
  const wantEfi = layout === "x86_64" || layout === "aarch64";
  const wantPrep = layout === "ppc64le";
  const ign3_2 = ctx.vs.ignition === "3.2.0";

  const disks: Obj[] = [];
  const filesystems: Obj[] = [];
  let raid: Obj[] | undefined;
  const mirrorAt: Path = ["boot_device", "mirror"];
  const partition = (from: Path, label: string, size?: number, guid?: string) =>
    common(ctx, from, [
      ["label", label],
      ["sizeMiB", size],
      ["typeGuid", guid],
    ]);

  if (wantMirror) {
    devices.forEach((device, i) => {
      const n = disks.length + 1;
      const from: Path = [...mirrorAt, "devices", i];
      const parts: Obj[] = [];
      if (wantBios) parts.push(partition(from, `bios-${n}`, 1, BIOS_GUID));
      else if (wantPrep) parts.push(partition(from, `prep-${n}`, 4, PREP_GUID));
      else parts.push(partition(from, `reserved-${n}`, 1, RESERVED_GUID));
      if (wantEfi) parts.push(partition(from, `esp-${n}`, 127, ESP_GUID));
      else parts.push(partition(from, `reserved-${n}`, 1, RESERVED_GUID));
      parts.push(partition(from, `boot-${n}`, 384), partition(from, `root-${n}`));
      ctx.prov.markKey(disks, disks.length, from);
      disks.push(
        common(ctx, from, [
          ["device", device],
          ["partitions", parts],
          ["wipeTable", true],
        ]),
      );
      if (wantEfi) {
        ctx.prov.markKey(filesystems, filesystems.length, from);
        filesystems.push(
          common(ctx, from, [
            ["device", `/dev/disk/by-partlabel/esp-${n}`],
            ["format", "vfat"],
            ["label", `esp-${n}`],
            ["wipeFilesystem", true],
          ]),
        );
      }
    });
    const raidDevices = (prefix: string) => disks.map((_, i) => `/dev/disk/by-partlabel/${prefix}-${i + 1}`);
    raid = [
      common(ctx, mirrorAt, [
        ["devices", raidDevices("boot")],
        ["level", "raid1"],
        ["name", "md-boot"],
        ["options", ["--metadata=1.0"]],
      ]),
      common(ctx, mirrorAt, [
        ["devices", raidDevices("root")],
        ["level", "raid1"],
        ["name", "md-root"],
      ]),
    ];
    markAll(ctx, raid, mirrorAt);
    ctx.prov.markKey(filesystems, filesystems.length, mirrorAt);
    filesystems.push(
      common(ctx, mirrorAt, [
        ["device", "/dev/md/md-boot"],
        ["format", "ext4"],
        ["label", "boot"],
        ["wipeFilesystem", true],
      ]),
    );
  }

  let luksList: Obj[] | undefined;
  if (wantLuks) {
    const lp: Path = ["boot_device", "luks"];
    let device: string;
    if (layout === "s390x-eckd") device = String(luks.device ?? "") + "2";
    else if (layout === "s390x-zfcp") device = String(luks.device ?? "") + "4";
    else if (wantMirror) device = "/dev/md/md-root";
    else device = "/dev/disk/by-partlabel/root";
    const entry: Obj = ctx.prov.mark({}, lp);
    if (cex) {
      const c: Obj = ctx.prov.mark({}, lp);
      ctx.prov.set(c, "enabled", true, [...lp, "enabled"]);
      ctx.prov.set(entry, "cex", c, lp);
    } else {
      const clevis: Obj = ctx.prov.mark({}, lp);
      if (tang.length > 0) {
        const tl: Obj[] = ctx.prov.mark([], [...lp, "tang"]);
        tang.forEach((t, i) => {
          const tp: Path = [...lp, "tang", i];
          const to: Obj = ctx.prov.mark({}, tp);
          if (t.advertisement !== undefined) ctx.prov.set(to, "advertisement", t.advertisement, [...tp, "advertisement"]);
          if (t.thumbprint !== undefined) ctx.prov.set(to, "thumbprint", t.thumbprint, [...tp, "thumbprint"]);
          ctx.prov.set(to, "url", typeof t.url === "string" ? t.url : "", [...tp, "url"]);
          ctx.prov.markKey(tl, i, tp);
          tl.push(to);
        });
        ctx.prov.set(clevis, "tang", tl, [...lp, "tang"]);
      }
      if (luks.threshold !== undefined) ctx.prov.set(clevis, "threshold", luks.threshold, [...lp, "threshold"]);
      if (luks.tpm2 !== undefined) ctx.prov.set(clevis, "tpm2", luks.tpm2, [...lp, "tpm2"]);
      if (Object.keys(clevis).length > 0 || ign3_2) ctx.prov.set(entry, "clevis", clevis, lp);
    }
    ctx.prov.set(entry, "device", device, lp);
    if (f.bootDeviceLuksDiscard && luks.discard !== undefined) ctx.prov.set(entry, "discard", luks.discard, [...lp, "discard"]);
    ctx.prov.set(entry, "label", "luks-root", lp);
    ctx.prov.set(entry, "name", "root", lp);
    ctx.prov.set(entry, "wipeVolume", true, lp);
    luksList = ctx.prov.mark([entry], lp);
    ctx.prov.markKey(luksList, 0, lp);
  }

  const rootDevice = wantLuks ? "/dev/mapper/root" : "/dev/md/md-root";
  ctx.prov.markKey(filesystems, filesystems.length, ["boot_device"]);
  filesystems.push(
    common(
      ctx,
      ["boot_device"],
      [
        ["device", rootDevice],
        ["format", "xfs"],
        ["label", "root"],
        ["wipeFilesystem", true],
      ],
    ),
  );

  const storage: Obj = ctx.prov.mark({}, ["boot_device"]);
  if (disks.length > 0) ctx.prov.set(storage, "disks", ctx.prov.mark(disks, [...mirrorAt, "devices"]), [...mirrorAt, "devices"]);
  ctx.prov.set(storage, "filesystems", ctx.prov.mark(filesystems, ["boot_device"]), ["boot_device"]);
  if (luksList) ctx.prov.set(storage, "luks", luksList, ["boot_device", "luks"]);
  if (raid) ctx.prov.set(storage, "raid", raid, mirrorAt);
  const parent: Obj = {};
  ctx.prov.set(parent, "storage", storage, ["boot_device"]);
  return mergeConfigs(ctx.prov, parent, out, ctx.vs.ignition);
}

/** The `/boot/grub2/user.cfg` text for the configured superusers. */
export function grubConfig(users: readonly { name: string; passwordHash: string }[]): string {
  const names = users.map((u) => u.name).join(" ");
  const cmds = users.map((u) => `password_pbkdf2 ${u.name} ${u.passwordHash}`).join("\n");
  return `# Generated by Butane\n\nset superusers="${names}"\n${cmds}\n`;
}

/** Desugars `grub.users` (fcos 1.5+): the boot filesystem and an append to user.cfg, merged under `out`. */
export function applyGrub(ctx: TranslateContext, cfg: BObject, out: Obj): Obj {
  if (!ctx.vs.features.grub) return out;
  const users = blist(bobj(cfg.grub).users);
  // Upstream merges the (empty) grub config in any case, dropping zero scalars' provenance; that
  // is visible only in openshift's unmapped `$.spec.config…` paths.
  if (users.length === 0) return ctx.vs.variant === "openshift" ? mergeConfigs(ctx.prov, {}, out, ctx.vs.ignition) : out;
  const from: Path = ["grub", "users"];
  const text = grubConfig(users.map((u) => ({ name: String(u.name ?? ""), passwordHash: String(u.password_hash ?? "") })));
  const url = textDataUrl(text, ctx.vs.autoCompress);
  const resource = common(ctx, from, [
    ["compression", url.gzipped ? "gzip" : ""],
    ["source", url.source],
  ]);
  const file = common(ctx, from, [
    ["path", "/boot/grub2/user.cfg"],
    ["append", [resource]],
  ]);
  const fs = common(ctx, from, [
    ["device", "/dev/disk/by-label/boot"],
    ["format", "ext4"],
    ["path", "/boot"],
  ]);
  const storage = common(ctx, from, [
    ["files", [file]],
    ["filesystems", [fs]],
  ]);
  const parent: Obj = {};
  ctx.prov.set(parent, "storage", storage, from);
  return mergeConfigs(ctx.prov, parent, out, ctx.vs.ignition);
}

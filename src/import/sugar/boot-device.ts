/**
 * `boot_device` (fcos 1.3+, openshift): the root LUKS volume, the mirrored boot disks and their
 * RAID arrays and filesystems Butane generates, read back into `luks` / `mirror` / `layout`.
 * Only a candidate: the importer keeps it when what it generates is exactly in the config.
 */
import type { VariantSpec } from "../spec.ts";
import { isObj, type Json } from "../types.ts";

function list(v: unknown): Json[] {
  return Array.isArray(v) ? v.filter(isObj) : [];
}

/** The `boot_device` section that may have generated the config's storage, if any. */
export function bootDeviceCandidate(config: Json, vs: VariantSpec): Json | undefined {
  const f = vs.features;
  if (!f.bootDevice) return undefined;
  const storage = isObj(config.storage) ? config.storage : {};
  const bd: Json = {};

  const root = list(storage.luks).find((l) => l.name === "root" && l.label === "luks-root" && l.wipeVolume === true);
  const rootRaid = list(storage.raid).find((r) => r.name === "md-root" && r.level === "raid1");
  let layout: string | undefined;

  if (rootRaid && Array.isArray(rootRaid.devices)) {
    const n = rootRaid.devices.length;
    const disks = list(storage.disks);
    const devices: string[] = [];
    for (let i = 1; i <= n; i++) {
      const disk = disks.find((d) => list(d.partitions).some((p) => p.label === `root-${i}`));
      if (!disk || typeof disk.device !== "string") return undefined;
      devices.push(disk.device);
    }
    const labels = list(disks.find((d) => d.device === devices[0])?.partitions).map((p) => p.label);
    if (labels.includes("bios-1")) layout = "x86_64";
    else if (labels.includes("prep-1")) layout = "ppc64le";
    else if (labels.includes("esp-1")) layout = "aarch64";
    else return undefined;
    bd.mirror = { devices };
  }

  if (root) {
    const luks: Json = {};
    const device = typeof root.device === "string" ? root.device : "";
    const eckd = /^(\/dev\/dasd[a-z])2$/.exec(device);
    const zfcp = /^(\/dev\/sd[a-z])4$/.exec(device);
    if (f.bootDeviceS390x && eckd && !bd.mirror) {
      layout = "s390x-eckd";
      luks.device = eckd[1];
    } else if (f.bootDeviceS390x && zfcp && !bd.mirror) {
      layout = "s390x-zfcp";
      luks.device = zfcp[1];
    } else if (device !== (bd.mirror ? "/dev/md/md-root" : "/dev/disk/by-partlabel/root")) return undefined;
    if (isObj(root.cex) && root.cex.enabled === true && f.bootDeviceLuksCex) {
      luks.cex = { enabled: true };
      layout ??= "s390x-virt";
    }
    const clevis = isObj(root.clevis) ? root.clevis : {};
    if (Array.isArray(clevis.tang) && clevis.tang.length > 0) {
      luks.tang = list(clevis.tang).map((t) => {
        const o: Json = {};
        if (t.url !== undefined) o.url = t.url;
        if (t.thumbprint !== undefined) o.thumbprint = t.thumbprint;
        if (t.advertisement !== undefined) o.advertisement = t.advertisement;
        return o;
      });
    }
    if (clevis.threshold !== undefined) luks.threshold = clevis.threshold;
    if (clevis.tpm2 !== undefined) luks.tpm2 = clevis.tpm2;
    if (root.discard !== undefined && f.bootDeviceLuksDiscard) luks.discard = root.discard;
    const method = luks.tpm2 === true || (Array.isArray(luks.tang) && luks.tang.length > 0) || isObj(luks.cex);
    if (!method) return undefined;
    bd.luks = luks;
  }
  if (!bd.luks && !bd.mirror) return undefined;
  if (layout !== undefined && (layout !== "x86_64" || bd.mirror)) bd.layout = layout;
  return bd;
}

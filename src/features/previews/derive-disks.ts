/**
 * Disk preview model: each disk's partitions laid out as a bar, with what sits on each
 * partition (RAID → LUKS → filesystem → mount point), plus the arrays and the block devices
 * that are used without being declared under `storage.disks`.
 */
import { DEFAULT_TYPE_GUID, gptCategory, gptTypeName, type PartitionCategory } from "../../transpiler/spec/gpt-types.ts";
import { bool, field, ignitionOf, isRecord, nonEmptyStr, records, safely, str, strings, uint, type Rec } from "./shape.ts";
import { defaultImage, type ImageLayout } from "./variant-facts.ts";

/** The disk the OS booted from; udev provides this link (Fedora CoreOS, RHCOS and Flatcar). */
export const BOOT_DISK = "/dev/disk/by-id/coreos-boot-disk";

/** A filesystem on a block device, with where it ends up mounted. */
export interface FilesystemNode {
  kind: "filesystem";
  device: string;
  format: string | null;
  label: string | null;
  /** `path` from the config, verbatim. */
  path: string | null;
  /** What to show as the mount point: the path, `swap`, or a CoreOS default implied by the label. */
  mount: string | null;
  /** Why `mount` was inferred rather than given, e.g. "CoreOS root filesystem". */
  mountNote: string | null;
  /** The Butane-generated `.mount` / `.swap` unit for it, when there is one. */
  mountUnit: string | null;
  wipeFilesystem: boolean;
  mountOptions: string[];
}

/** A LUKS volume opened as `/dev/mapper/<name>`. */
export interface LuksNode {
  kind: "luks";
  device: string;
  name: string;
  label: string | null;
  /** How it is unlocked: "TPM2", "Tang (2 servers)", "CEX", "key file", "threshold 2". */
  unlock: string[];
  wipeVolume: boolean;
  above: StackNode[];
}

/** An md RAID array assembled as `/dev/md/<name>`, seen from one of its members. */
export interface RaidNode {
  kind: "raid";
  name: string;
  level: string | null;
  memberCount: number;
  /** 1-based position of the member this node hangs under, when seen from a member. */
  memberIndex: number | null;
  above: StackNode[];
}

export type StackNode = FilesystemNode | LuksNode | RaidNode;

export interface PartitionView {
  /** Index in `storage.disks[].partitions` (stable React key). */
  index: number;
  /** `number` from the config (0 and absent become null). */
  number: number | null;
  /** The partition number Ignition will most likely use; null when it can't be known. */
  effectiveNumber: number | null;
  label: string | null;
  startMiB: number | null;
  sizeMiB: number | null;
  /** True when the partition fills the rest of the disk (size 0 or absent). */
  restOfDisk: boolean;
  typeGuid: string | null;
  /** Name of the GPT type, defaulting to "Linux filesystem" like Ignition. */
  typeName: string | null;
  category: PartitionCategory;
  guid: string | null;
  wipePartitionEntry: boolean;
  /** `should_exist: false`: Ignition deletes this partition. */
  deleted: boolean;
  resize: boolean;
  stack: StackNode[];
  /** What an existing CoreOS partition holds when the config puts nothing on it, e.g. "the existing root filesystem". */
  keeps: string | null;
}

export interface BarSegment {
  key: string;
  /** `more`: the partitions beyond MAX_BAR_SEGMENTS, drawn as one segment. */
  kind: "partition" | "existing" | "gap" | "more";
  /** Index into `partitions` for kind "partition". */
  partition: number | null;
  /** Short text shown inside the segment. */
  text: string;
  /** Full description (tooltip and part of the bar's accessible label). */
  description: string;
  category: PartitionCategory | "existing" | "gap";
  /** Relative width (flex-grow), proportional to the size in MiB. */
  grow: number;
  deleted: boolean;
}

export interface DiskView {
  index: number;
  device: string;
  /** e.g. "the disk Fedora CoreOS booted from". */
  note: string | null;
  wipeTable: boolean;
  partitions: PartitionView[];
  segments: BarSegment[];
  /** Accessible summary of the bar. */
  ariaLabel: string;
  /** Things placed directly on the whole disk (no partition table). */
  stack: StackNode[];
}

export interface RaidMemberView {
  device: string;
  /** Where the member lives, e.g. "/dev/sda, partition 3 (boot-1)"; null when not declared. */
  location: string | null;
}

export interface RaidView {
  name: string;
  level: string | null;
  members: RaidMemberView[];
  spares: number | null;
  options: string[];
  above: StackNode[];
}

/** A block device used by RAID/LUKS/filesystems but not declared under `storage.disks`. */
export interface ExternalDeviceView {
  device: string;
  /** e.g. "existing CoreOS root partition". */
  note: string | null;
  stack: StackNode[];
}

export interface DisksView {
  disks: DiskView[];
  raids: RaidView[];
  external: ExternalDeviceView[];
  /** Number of filesystems, LUKS volumes and arrays, for the section header. */
  counts: { disks: number; partitions: number; filesystems: number; luks: number; raids: number };
}

export const emptyDisksView: DisksView = {
  disks: [],
  raids: [],
  external: [],
  counts: { disks: 0, partitions: 0, filesystems: 0, luks: 0, raids: 0 },
};

/** What a device path points at, as far as the config tells. */
type Target =
  | { kind: "partition"; disk: number; part: number }
  | { kind: "disk"; disk: number }
  | { kind: "raid"; raid: number }
  | { kind: "luks"; luks: number }
  | { kind: "external"; path: string };

interface Model {
  disks: { device: string; raw: Rec; partitions: { raw: Rec; number: number | null }[] }[];
  raids: Rec[];
  luks: Rec[];
  filesystems: Rec[];
  units: Rec[];
}

/**
 * Derives the disk preview; never throws, returns an empty view for anything unusable. `image`
 * describes the OS image's own boot disk (Fedora CoreOS unless told otherwise).
 */
export function deriveDisks(config: unknown, image: ImageLayout = defaultImage): DisksView {
  return safely(() => derive(config, image), emptyDisksView);
}

function derive(config: unknown, image: ImageLayout): DisksView {
  const ign = ignitionOf(config);
  const storage = field(ign, "storage");
  const model: Model = {
    disks: records(storage, "disks")
      .map((raw) => ({ raw, device: nonEmptyStr(raw, "device") ?? "" }))
      .filter((d) => d.device !== "")
      .map(({ raw, device }) => ({
        raw,
        device,
        partitions: effectiveNumbers(device, raw, records(raw, "partitions"), image),
      })),
    raids: records(storage, "raid").filter((r) => nonEmptyStr(r, "name") !== null),
    luks: records(storage, "luks").filter((l) => nonEmptyStr(l, "name") !== null),
    filesystems: records(storage, "filesystems").filter((f) => nonEmptyStr(f, "device") !== null),
    units: records(field(ign, "systemd"), "units"),
  };

  const resolver = new Resolver(model, image);

  const disks: DiskView[] = model.disks.map((d, di) => {
    const wipeTable = bool(d.raw, "wipeTable") === true;
    const partitions: PartitionView[] = d.partitions.map((p, pi) => {
      const view = partitionView(p.raw, pi, p.number, resolver.stackOn({ kind: "partition", disk: di, part: pi }));
      // On the boot disk, the image's own partitions keep their contents unless the config says otherwise.
      if (d.device === BOOT_DISK && !wipeTable && view.stack.length === 0 && view.label !== null) view.keeps = imagePartition(image, view.label)?.keeps ?? null;
      return view;
    });
    const note = d.device === BOOT_DISK ? `the disk ${image.os} booted from` : null;
    const segments = layout(d.device, wipeTable, partitions, image);
    return {
      index: di,
      device: d.device,
      note,
      wipeTable,
      partitions,
      segments,
      ariaLabel: `Partition layout of ${d.device}: ${segments.length > 0 ? segments.map((s) => s.description).join("; ") : "no partitions"}`,
      stack: resolver.stackOn({ kind: "disk", disk: di }),
    };
  });

  const raids: RaidView[] = model.raids.map((r, ri) => ({
    name: nonEmptyStr(r, "name") ?? "",
    level: nonEmptyStr(r, "level"),
    members: strings(r, "devices").map((device) => ({
      device,
      location: resolver.describe(resolver.resolve(device)),
    })),
    spares: uint(r, "spares"),
    options: strings(r, "options"),
    above: resolver.stackOn({ kind: "raid", raid: ri }),
  }));

  // Every device path that resolves to nothing declared, in first-use order.
  const externalPaths = new Set<string>();
  const noteExternal = (device: string | null) => {
    if (device === null) return;
    const t = resolver.resolve(device);
    if (t.kind === "external") externalPaths.add(t.path);
  };
  for (const r of model.raids) strings(r, "devices").forEach(noteExternal);
  for (const l of model.luks) noteExternal(nonEmptyStr(l, "device"));
  for (const f of model.filesystems) noteExternal(nonEmptyStr(f, "device"));

  const external: ExternalDeviceView[] = [...externalPaths].map((path) => ({
    device: path,
    note: externalNote(path, image),
    stack: resolver.stackOn({ kind: "external", path }),
  }));

  return {
    disks,
    raids,
    external,
    counts: {
      disks: disks.length,
      partitions: disks.reduce((n, d) => n + d.partitions.length, 0),
      filesystems: model.filesystems.length,
      luks: model.luks.length,
      raids: model.raids.length,
    },
  };
}

/**
 * Partition numbers as Ignition will assign them. Explicit numbers win; a partition without
 * one gets the next free number, which is only predictable on a freshly wiped table or on the
 * boot disk (whose image has known partitions, 1–4 on CoreOS).
 */
function effectiveNumbers(device: string, disk: Rec, parts: Rec[], image: ImageLayout): { raw: Rec; number: number | null }[] {
  const explicit = parts.map((p) => {
    const n = uint(p, "number");
    return n !== null && n > 0 ? n : null;
  });
  const predictable = bool(disk, "wipeTable") === true || device === BOOT_DISK;
  const used = new Set<number>(explicit.filter((n): n is number => n !== null));
  if (device === BOOT_DISK && bool(disk, "wipeTable") !== true) for (const n of image.numbers) used.add(n);
  let next = 1;
  return parts.map((raw, i) => {
    const given = explicit[i] ?? null;
    if (given !== null) return { raw, number: given };
    if (!predictable) return { raw, number: null };
    while (used.has(next)) next++;
    used.add(next);
    return { raw, number: next };
  });
}

function partitionView(p: Rec, index: number, effectiveNumber: number | null, stack: StackNode[]): PartitionView {
  const n = uint(p, "number");
  const size = uint(p, "sizeMiB");
  const start = uint(p, "startMiB");
  const typeGuid = nonEmptyStr(p, "typeGuid");
  return {
    index,
    number: n !== null && n > 0 ? n : null,
    effectiveNumber,
    label: nonEmptyStr(p, "label"),
    startMiB: start,
    sizeMiB: size,
    restOfDisk: size === null || size === 0,
    typeGuid,
    typeName: gptTypeName(typeGuid ?? DEFAULT_TYPE_GUID),
    category: gptCategory(typeGuid),
    guid: nonEmptyStr(p, "guid"),
    wipePartitionEntry: bool(p, "wipePartitionEntry") === true,
    deleted: bool(p, "shouldExist") === false,
    resize: bool(p, "resize") === true,
    stack,
    keeps: null,
  };
}

// A partition that fills the rest of the disk is drawn as if the disk had at least 8 GiB
// left (Fedora CoreOS's recommended minimum root size), so the bar reads like a real disk.
const REST_OF_DISK_MIB = 8192;
function layout(device: string, wipeTable: boolean, parts: PartitionView[], image: ImageLayout): BarSegment[] {
  const segments: BarSegment[] = [];
  const first = parts[0];
  // Partitions kept from before (numbers below the first declared one) are drawn dimmed.
  if (!wipeTable && first !== undefined && first.number !== null && first.number > 1 && first.startMiB === null) {
    const last = first.number - 1;
    const range = last === 1 ? "1" : `1–${last}`;
    const isBoot = device === BOOT_DISK;
    segments.push({
      key: "existing",
      kind: "existing",
      partition: null,
      text: range,
      description: isBoot
        ? `existing partition${last === 1 ? "" : "s"} ${range} (${image.headNote}), kept`
        : `existing partition${last === 1 ? "" : "s"} ${range}, kept`,
      category: "existing",
      grow: isBoot ? image.headMiB : Math.max(256, last * 256),
      deleted: false,
    });
  }

  const known = parts.reduce((n, p) => n + (p.restOfDisk || p.deleted ? 0 : (p.sizeMiB ?? 0)), 0);
  const restCount = parts.filter((p) => p.restOfDisk && !p.deleted).length;
  const restGrow = restCount > 0 ? Math.max(known, REST_OF_DISK_MIB) / restCount : 0;

  let cursor: number | null = 0;
  for (const p of parts) {
    if (p.startMiB !== null && p.startMiB > 0 && cursor !== null && p.startMiB > cursor) {
      const gap = p.startMiB - cursor;
      segments.push({
        key: `gap-${p.index}`,
        kind: "gap",
        partition: null,
        text: "",
        description: `${gap} MiB not allocated by this config`,
        category: "gap",
        grow: gap,
        deleted: false,
      });
    }
    if (p.startMiB !== null && p.startMiB > 0) cursor = p.startMiB;
    if (cursor !== null) cursor = p.restOfDisk ? null : cursor + (p.sizeMiB ?? 0);

    const num = p.effectiveNumber ?? p.number;
    const name = p.label ?? (num !== null ? `partition ${num}` : "partition");
    const size = p.restOfDisk ? "rest of disk" : `${p.sizeMiB ?? 0} MiB`;
    segments.push({
      key: `p-${p.index}`,
      kind: "partition",
      partition: p.index,
      text: p.label ?? (num !== null ? String(num) : "?"),
      description: [num !== null ? `#${num}` : null, name, p.deleted ? "deleted" : size, p.typeName, mountSummary(p.stack)]
        .filter((s): s is string => s !== null && s !== "")
        .join(", "),
      category: p.category,
      grow: p.deleted ? 0 : p.restOfDisk ? restGrow : (p.sizeMiB ?? 0),
      deleted: p.deleted,
    });
  }
  // A label can't fit in a sliver of the bar: show the partition number there instead.
  const total = segments.reduce((n, s) => n + s.grow, 0);
  for (const s of segments) {
    if (s.kind !== "partition" || total <= 0 || s.grow / total >= COMPACT_SHARE) continue;
    const p = s.partition === null ? undefined : parts[s.partition];
    const num = p?.effectiveNumber ?? p?.number ?? null;
    s.text = num !== null ? String(num) : "";
  }
  return capSegments(segments);
}

/**
 * Segments drawn at most: a bar of thousands of slivers shows nothing, and costs the page a long
 * layout (and its accessible label a description of every one). The rest become one segment.
 */
const MAX_BAR_SEGMENTS = 48;

function capSegments(segments: BarSegment[]): BarSegment[] {
  if (segments.length <= MAX_BAR_SEGMENTS) return segments;
  const kept = segments.slice(0, MAX_BAR_SEGMENTS - 1);
  const rest = segments.slice(MAX_BAR_SEGMENTS - 1);
  const partitions = rest.filter((s) => s.kind === "partition").length;
  kept.push({
    key: "more",
    kind: "more",
    partition: null,
    text: `+${partitions}`,
    description: `${partitions} more partition${partitions === 1 ? "" : "s"}`,
    category: "gap",
    grow: rest.reduce((n, s) => n + s.grow, 0),
    deleted: false,
  });
  return kept;
}

// Segments narrower than this share of the bar show only their partition number.
const COMPACT_SHARE = 0.08;

/** "/var", "swap", "LUKS root → /": the short tail of a stack for bar labels. */
export function mountSummary(stack: StackNode[]): string | null {
  const parts: string[] = [];
  const walk = (nodes: StackNode[], depth: number) => {
    if (depth > 8) return;
    for (const n of nodes) {
      if (n.kind === "filesystem") {
        parts.push(n.mount ?? (n.format !== null ? n.format : "filesystem"));
      } else if (n.kind === "luks") {
        if (n.above.length === 0) parts.push(`LUKS ${n.name}`);
        walk(n.above, depth + 1);
      } else {
        if (n.above.length === 0) parts.push(`RAID ${n.name}`);
        walk(n.above, depth + 1);
      }
    }
  };
  walk(stack, 0);
  return parts.length > 0 ? parts.join(", ") : null;
}

function externalNote(path: string, image: ImageLayout): string | null {
  if (path === BOOT_DISK) return `the disk ${image.os} booted from`;
  const partlabel = /^\/dev\/disk\/by-partlabel\/(.+)$/.exec(path)?.[1];
  if (partlabel !== undefined) return imagePartition(image, partlabel)?.note ?? "existing partition, not declared under storage.disks";
  return "not declared under storage.disks";
}

/** The image's partition with GPT label `label` (own keys only: a label may be any string). */
function imagePartition(image: ImageLayout, label: string) {
  return Object.prototype.hasOwnProperty.call(image.partitions, label) ? image.partitions[label] : undefined;
}

const MAX_DEPTH = 8;

/** `map` with `key` → `value` unless `key` is there already (the first declaration wins, as in a scan). */
function setFirst<K, V>(map: Map<K, V>, key: K | null, value: V): void {
  if (key !== null && !map.has(key)) map.set(key, value);
}

/** Appends `value` to the list at `key`. */
function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Resolves device paths and finds what is built on each device. Every lookup goes through maps
 * built once, so a config with thousands of partitions, filesystems or units costs linear time
 * (a scan per lookup made the preview quadratic: minutes for 8,000 partitions).
 */
class Resolver {
  private readonly model: Model;
  private readonly cache = new Map<string, Target>();
  private readonly image: ImageLayout;
  private readonly byPartlabel = new Map<string, Target>();
  private readonly byPartuuid = new Map<string, Target>();
  private readonly raidByName = new Map<string, number>();
  private readonly luksByName = new Map<string, number>();
  private readonly luksByLabel = new Map<string, number>();
  private readonly luksByUuid = new Map<string, number>();
  /** Disk indexes by device path, in declaration order. */
  private readonly disksByDevice = new Map<string, number[]>();
  /** Per disk: the first partition (index) with each number. */
  private readonly partByNumber: Map<number, number>[];
  /** What is built on each target (by targetKey), in declaration order. */
  private readonly raidsOn = new Map<string, { raid: number; member: number }[]>();
  private readonly luksOn = new Map<string, number[]>();
  private readonly filesystemsOn = new Map<string, number[]>();
  /** Butane-generated mount units by their `What=` line: name and `Where=` paths, in order. */
  private readonly mountUnits = new Map<string, { name: string; where: Set<string> }[]>();

  constructor(model: Model, image: ImageLayout) {
    this.model = model;
    this.image = image;
    this.partByNumber = model.disks.map((d, di) => {
      push(this.disksByDevice, d.device, di);
      const numbers = new Map<number, number>();
      d.partitions.forEach((p, pi) => {
        const target: Target = { kind: "partition", disk: di, part: pi };
        setFirst(this.byPartlabel, nonEmptyStr(p.raw, "label"), target);
        setFirst(this.byPartuuid, nonEmptyStr(p.raw, "guid")?.toLowerCase() ?? null, target);
        if (p.number !== null) setFirst(numbers, p.number, pi);
      });
      return numbers;
    });
    model.raids.forEach((r, ri) => setFirst(this.raidByName, nonEmptyStr(r, "name"), ri));
    model.luks.forEach((l, li) => {
      setFirst(this.luksByName, nonEmptyStr(l, "name"), li);
      setFirst(this.luksByLabel, nonEmptyStr(l, "label"), li);
      setFirst(this.luksByUuid, nonEmptyStr(l, "uuid")?.toLowerCase() ?? null, li);
    });
    model.raids.forEach((r, ri) => {
      const seen = new Set<string>();
      strings(r, "devices").forEach((device, member) => {
        const key = targetKey(this.resolve(device));
        if (seen.has(key)) return;
        seen.add(key);
        push(this.raidsOn, key, { raid: ri, member });
      });
    });
    model.luks.forEach((l, li) => {
      const device = nonEmptyStr(l, "device");
      if (device !== null) push(this.luksOn, targetKey(this.resolve(device)), li);
    });
    model.filesystems.forEach((f, fi) => {
      const device = nonEmptyStr(f, "device");
      if (device !== null) push(this.filesystemsOn, targetKey(this.resolve(device)), fi);
    });
    for (const u of model.units) {
      const name = nonEmptyStr(u, "name");
      const contents = str(u, "contents");
      if (name === null || contents === null || !contents.startsWith("# Generated by Butane")) continue;
      const lines = contents.split("\n");
      const where = new Set(lines.filter((l) => l.startsWith("Where=")).map((l) => l.slice("Where=".length)));
      for (const what of new Set(lines.filter((l) => l.startsWith("What=")))) push(this.mountUnits, what.slice("What=".length), { name, where });
    }
  }

  /** What a device path refers to within the config (memoised: stacks resolve paths often). */
  resolve(raw: string): Target {
    let t = this.cache.get(raw);
    if (t === undefined) {
      t = this.resolveUncached(raw.trim());
      this.cache.set(raw, t);
    }
    return t;
  }

  private resolveUncached(path: string): Target {
    const partlabel = /^\/dev\/disk\/by-partlabel\/(.+)$/.exec(path)?.[1];
    if (partlabel !== undefined) return this.byPartlabel.get(partlabel) ?? { kind: "external", path };
    const partuuid = /^\/dev\/disk\/by-partuuid\/(.+)$/.exec(path)?.[1];
    if (partuuid !== undefined) return this.byPartuuid.get(partuuid.toLowerCase()) ?? { kind: "external", path };
    const md = /^\/dev\/md\/(.+)$/.exec(path)?.[1];
    const raid = md === undefined ? undefined : this.raidByName.get(md);
    if (raid !== undefined) return { kind: "raid", raid };
    const mapper = /^\/dev\/(?:mapper\/|disk\/by-id\/dm-name-)(.+)$/.exec(path)?.[1];
    const byName = mapper === undefined ? undefined : this.luksByName.get(mapper);
    if (byName !== undefined) return { kind: "luks", luks: byName };
    const label = /^\/dev\/disk\/by-label\/(.+)$/.exec(path)?.[1];
    const byLabel = label === undefined ? undefined : this.luksByLabel.get(label);
    if (byLabel !== undefined) return { kind: "luks", luks: byLabel };
    const uuid = /^\/dev\/disk\/by-uuid\/(.+)$/.exec(path)?.[1];
    const byUuid = uuid === undefined ? undefined : this.luksByUuid.get(uuid.toLowerCase());
    if (byUuid !== undefined) return { kind: "luks", luks: byUuid };

    // The whole disk, or a partition by number: /dev/sda3, /dev/nvme0n1p3, /dev/disk/by-id/wwn-…-part3.
    // Only disks whose device is the path or a prefix of it followed by a partition suffix can
    // match; of those, the first declared one does.
    const candidates = new Set(this.disksByDevice.get(path) ?? []);
    const suffix = /(?:p|-part)?[1-9][0-9]*$/.exec(path);
    if (suffix) {
      for (let k = suffix.index; k < path.length; k++) for (const di of this.disksByDevice.get(path.slice(0, k)) ?? []) candidates.add(di);
    }
    for (const di of [...candidates].sort((a, b) => a - b)) {
      const d = this.model.disks[di];
      if (d === undefined) continue;
      if (d.device === path) return { kind: "disk", disk: di };
      const rest = path.slice(d.device.length);
      const n = /^(?:p|-part)?([1-9][0-9]*)$/.exec(rest)?.[1];
      if (n === undefined) continue;
      // "p" is only a separator after a device name ending in a digit (nvme0n1p3).
      const needsP = /[0-9]$/.test(d.device);
      const sepOk = rest.startsWith("-part") || (needsP ? rest.startsWith("p") : /^[0-9]/.test(rest));
      const pi = sepOk ? this.partByNumber[di]?.get(Number(n)) : undefined;
      if (pi !== undefined) return { kind: "partition", disk: di, part: pi };
    }
    return { kind: "external", path };
  }

  /** "/dev/sda, partition 3 (boot-1)" for a member; null for undeclared devices. */
  describe(t: Target): string | null {
    switch (t.kind) {
      case "partition": {
        const d = this.model.disks[t.disk];
        const p = d?.partitions[t.part];
        if (d === undefined || p === undefined) return null;
        const label = nonEmptyStr(p.raw, "label");
        const num = p.number !== null ? `partition ${p.number}` : "partition";
        return `${d.device}, ${num}${label !== null ? ` (${label})` : ""}`;
      }
      case "disk":
        return `whole disk ${this.model.disks[t.disk]?.device ?? ""}`;
      case "raid":
        return `RAID ${nonEmptyStr(this.model.raids[t.raid], "name") ?? ""}`;
      case "luks":
        return `LUKS ${nonEmptyStr(this.model.luks[t.luks], "name") ?? ""}`;
      case "external":
        return null;
    }
  }

  /** Everything built directly on `target`, recursively (bounded, so cycles can't loop). */
  stackOn(target: Target, depth = 0, seen: ReadonlySet<string> = new Set()): StackNode[] {
    if (depth > MAX_DEPTH) return [];
    const key = targetKey(target);
    if (seen.has(key)) return [];
    const nextSeen = new Set(seen).add(key);
    const out: StackNode[] = [];

    for (const { raid: ri, member } of this.raidsOn.get(key) ?? []) {
      const r = this.model.raids[ri];
      out.push({
        kind: "raid",
        name: nonEmptyStr(r, "name") ?? "",
        level: nonEmptyStr(r, "level"),
        memberCount: strings(r, "devices").length,
        memberIndex: target.kind === "raid" ? null : member + 1,
        above: this.stackOn({ kind: "raid", raid: ri }, depth + 1, nextSeen),
      });
    }
    for (const li of this.luksOn.get(key) ?? []) {
      const l = this.model.luks[li];
      if (l === undefined) continue;
      out.push({
        kind: "luks",
        device: nonEmptyStr(l, "device") ?? "",
        name: nonEmptyStr(l, "name") ?? "",
        label: nonEmptyStr(l, "label"),
        unlock: unlockMethods(l),
        wipeVolume: bool(l, "wipeVolume") === true,
        above: this.stackOn({ kind: "luks", luks: li }, depth + 1, nextSeen),
      });
    }
    for (const fi of this.filesystemsOn.get(key) ?? []) {
      const f = this.model.filesystems[fi];
      if (f !== undefined) out.push(this.filesystemNode(f, nonEmptyStr(f, "device") ?? ""));
    }
    return out;
  }

  private filesystemNode(f: Rec, device: string): FilesystemNode {
    const format = nonEmptyStr(f, "format");
    const label = nonEmptyStr(f, "label");
    const path = nonEmptyStr(f, "path");
    let mount: string | null = path;
    let mountNote: string | null = null;
    if (format === "swap") {
      mount = "swap";
    } else if (path === null) {
      // The OS mounts its own filesystems by label (FCOS storage docs; Flatcar disk layout docs).
      const byLabel = label !== null && Object.prototype.hasOwnProperty.call(this.image.mountsByLabel, label) ? this.image.mountsByLabel[label] : undefined;
      if (byLabel) [mount, mountNote] = byLabel;
      else if (format === "vfat" && label !== null && /^(esp-\d+|EFI-SYSTEM)$/.test(label)) mountNote = "EFI system partition";
    }
    return {
      kind: "filesystem",
      device,
      format,
      label,
      path,
      mount,
      mountNote,
      mountUnit: this.mountUnitFor(device, path, format),
      wipeFilesystem: bool(f, "wipeFilesystem") === true,
      mountOptions: strings(f, "mountOptions"),
    };
  }

  /** The Butane-generated unit mounting this filesystem (see with_mount_unit). */
  private mountUnitFor(device: string, path: string | null, format: string | null): string | null {
    for (const u of this.mountUnits.get(device) ?? []) {
      if (format === "swap" ? u.name.endsWith(".swap") : path !== null && u.where.has(path)) return u.name;
    }
    return null;
  }
}

function unlockMethods(l: Rec): string[] {
  const out: string[] = [];
  const clevis = field(l, "clevis");
  if (bool(clevis, "tpm2") === true) out.push("TPM2");
  const tang = records(clevis, "tang").length;
  if (tang > 0) out.push(tang === 1 ? "Tang" : `Tang (${tang} servers)`);
  const custom = field(clevis, "custom");
  if (isRecord(custom) && nonEmptyStr(custom, "pin") !== null) out.push(`Clevis ${nonEmptyStr(custom, "pin") ?? ""}`);
  const threshold = uint(clevis, "threshold");
  if (threshold !== null && threshold > 1) out.push(`threshold ${threshold}`);
  if (isRecord(field(l, "cex")) && bool(field(l, "cex"), "enabled") === true) out.push("CEX");
  const keyFile = field(l, "keyFile");
  if (isRecord(keyFile) && nonEmptyStr(keyFile, "source") !== null) out.push("key file");
  if (out.length === 0) out.push("random key (stored in the root filesystem)");
  return out;
}

function targetKey(t: Target): string {
  switch (t.kind) {
    case "partition":
      return `p:${t.disk}:${t.part}`;
    case "disk":
      return `d:${t.disk}`;
    case "raid":
      return `r:${t.raid}`;
    case "luks":
      return `l:${t.luks}`;
    case "external":
      return `x:${t.path}`;
  }
}

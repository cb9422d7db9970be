/**
 * The Ignition config spec versions Butane emits, each the previous one plus its changes, like
 * the Butane base versions in `base.ts`.
 *
 * An Ignition version's structs are those of the Butane base version that emits it (Butane's base
 * types are Ignition's Go types plus Butane's sugar), minus the sugar, with Ignition's JSON key
 * names and `ignition.version` added. What only Ignition knows is declared here, as deltas:
 * - merge: the key that identifies a list item (Go's `Key()`), lists whose items share one key
 *   space (Ignition's merge "handle": files, directories and links), lists concatenated as they
 *   are (`IgnoreDuplicates()`);
 * - encoding: Go value fields that `omitempty` drops when zero, lists encoded even when empty;
 * - Go field order where it differs from Butane's.
 *
 * Derived from it: the translation's copy rules (`translate/base.ts`), the merge tables
 * (`variants/merge.ts`), the Ignition JSON Schemas (`json-schema.ts`) and `IgnitionVersion`.
 * Pure: no Node APIs.
 */
import { v0_1, v0_2, v0_3, v0_4, v0_5, v0_6, v0_7, v0_8_exp } from "./base.ts";
import { isGoPointer, isScalar, reachableTypes, type FieldDesc, type SpecDesc, type StructDesc } from "./kit.ts";

/** How a list item is identified when configs merge: a field, or a partition's number/label. */
export type MergeKey = "path" | "device" | "name" | "partition" | "source" | "url";

/**
 * What an Ignition version's validation knows, each flag named for what it enables (Ignition's
 * own checks switch on these, never on version numbers).
 */
export interface IgnitionFeatures {
  /** One `Resource` type with a required `source` for merged configs and CAs (3.0 had one type per use). */
  unifiedResources: boolean;
  /** `ignition.proxy`. */
  proxy: boolean;
  /** `httpHeaders` on resources. */
  httpHeaders: boolean;
  /** `sha256-` verification hashes. */
  sha256: boolean;
  /** `mountOptions` on filesystems. */
  mountOptions: boolean;
  /** `gs://` URLs. */
  gsUrls: boolean;
  /** `storage.luks`. */
  luks: boolean;
  /** Clevis `custom` with plain-string `pin`/`config` and a pointer `clevis` (3.2 only). */
  plainClevisCustom: boolean;
  /** `kernelArguments`. */
  kernelArguments: boolean;
  /** `format: none` filesystems. */
  formatNone: boolean;
  /** RAID `level` is a pointer and required; link `target` is a pointer. */
  pointerRaidLevelAndLinkTarget: boolean;
  /** Tang `advertisement`. */
  tangAdvertisement: boolean;
  /** LUKS `openOptions`. */
  luksOpenOptions: boolean;
  /** `arn:` S3 URLs. */
  s3ArnUrls: boolean;
  /** LUKS `cex` (IBM Crypto Express). */
  luksCex: boolean;
  /** Only the known Clevis pins (tpm2, tang, sss) are accepted. */
  knownClevisPinsOnly: boolean;
  /** Special mode bits (setuid, setgid, sticky) get a warning. */
  specialModeBitsWarning: boolean;
}

const NO_FEATURES: IgnitionFeatures = {
  unifiedResources: false,
  proxy: false,
  httpHeaders: false,
  sha256: false,
  mountOptions: false,
  gsUrls: false,
  luks: false,
  plainClevisCustom: false,
  kernelArguments: false,
  formatNone: false,
  pointerRaidLevelAndLinkTarget: false,
  tangAdvertisement: false,
  luksOpenOptions: false,
  s3ArnUrls: false,
  luksCex: false,
  knownClevisPinsOnly: false,
  specialModeBitsWarning: false,
};

/** One Ignition version's changes over the previous one (the first: everything). */
interface IgnitionDelta {
  readonly version: string;
  /** The Butane base version that emits this Ignition version: its non-sugar fields are this version's. */
  readonly butane: SpecDesc;
  /** Item type → the key identifying its items in a merge. */
  readonly mergeKeys?: Readonly<Record<string, MergeKey>>;
  /** `Type.key` of a list → the key space its items share with sibling lists (default: its own). */
  readonly keySpaces?: Readonly<Record<string, string>>;
  /** `Type.key` of lists merged by concatenation, duplicates kept. */
  readonly ignoreDuplicates?: readonly string[];
  /** `Type.key` of Go value scalars with `omitempty` (dropped when zero; others are always written). */
  readonly omitEmpty?: readonly string[];
  /** `Type.key` of lists without `omitempty` (written even when empty), and those that gained it. */
  readonly writtenWhenEmpty?: { readonly add?: readonly string[]; readonly remove?: readonly string[] };
  /** Type → Ignition's Go field order (JSON keys) where it differs from the Butane base's. */
  readonly order?: Readonly<Record<string, readonly string[]>>;
  /** Features gained (true) or lost (false). */
  readonly features?: Readonly<Partial<IgnitionFeatures>>;
}

/** Every Ignition spec version Butane emits, oldest first: the only list. */
const IGNITION = [
  {
    version: "3.0.0",
    butane: v0_1,
    mergeKeys: {
      ConfigReference: "source",
      CaReference: "source",
      FileContents: "source",
      PasswdUser: "name",
      PasswdGroup: "name",
      Directory: "path",
      File: "path",
      Link: "path",
      Disk: "device",
      Partition: "partition",
      Filesystem: "device",
      Raid: "name",
      Unit: "name",
      Dropin: "name",
    },
    keySpaces: { "Storage.directories": "Node", "Storage.files": "Node", "Storage.links": "Node" },
    ignoreDuplicates: ["File.append", "Filesystem.options", "Raid.options"],
    omitEmpty: ["Partition.number"],
    writtenWhenEmpty: { add: ["Raid.devices"] },
    features: { knownClevisPinsOnly: true, specialModeBitsWarning: true },
  },
  {
    version: "3.1.0",
    butane: v0_2,
    mergeKeys: { Resource: "source", HTTPHeader: "name" },
    ignoreDuplicates: ["Filesystem.mountOptions"],
    features: { unifiedResources: true, proxy: true, httpHeaders: true, sha256: true, mountOptions: true },
  },
  {
    version: "3.2.0",
    butane: v0_3,
    mergeKeys: { Luks: "name", Tang: "url" },
    ignoreDuplicates: ["Luks.options"],
    features: { gsUrls: true, luks: true, plainClevisCustom: true },
  },
  {
    version: "3.3.0",
    butane: v0_4,
    keySpaces: { "KernelArguments.shouldExist": "KernelArgument", "KernelArguments.shouldNotExist": "KernelArgument" },
    writtenWhenEmpty: { remove: ["Raid.devices"] },
    features: { plainClevisCustom: false, kernelArguments: true, formatNone: true, pointerRaidLevelAndLinkTarget: true },
  },
  {
    version: "3.4.0",
    butane: v0_5,
    order: { Tang: ["advertisement", "thumbprint", "url"] },
    features: { tangAdvertisement: true, luksOpenOptions: true, s3ArnUrls: true },
  },
  { version: "3.5.0", butane: v0_6, features: { luksCex: true } },
  { version: "3.6.0", butane: v0_7, features: { knownClevisPinsOnly: false, specialModeBitsWarning: false } },
  { version: "3.7.0-experimental", butane: v0_8_exp },
] as const satisfies readonly IgnitionDelta[];

/** An Ignition spec version Butane can emit. */
export type IgnitionVersion = (typeof IGNITION)[number]["version"];

/** Every Ignition version, oldest first. */
export const IGNITION_VERSIONS: readonly IgnitionVersion[] = IGNITION.map((d) => d.version);

/** How Go's encoder writes a field: when set, always (a value without omitempty), or when not zero. */
export type Emit = "set" | "always" | "nonzero";

/** A field of an Ignition struct (`key` is Ignition's JSON key). */
export interface IgnitionField extends FieldDesc {
  /** The Butane key it is translated from; none for `ignition.version`. */
  from?: string;
  emit: Emit;
  /** For lists: the key space of the items when merging (default: the field's own). */
  keySpace?: string;
  /** For lists: merged by concatenation. */
  ignoreDuplicates?: boolean;
}

export interface IgnitionStruct extends StructDesc {
  fields: readonly IgnitionField[];
  /** How items of this type are identified in merged lists. */
  mergeKey?: MergeKey;
}

export interface IgnitionSpec extends SpecDesc {
  version: IgnitionVersion;
  features: Readonly<IgnitionFeatures>;
  types: Readonly<Record<string, IgnitionStruct>>;
}

/**
 * Ignition's JSON key for a Butane YAML key: snake_case becomes camelCase (`wipe_table` →
 * `wipeTable`, `ssh_authorized_keys` → `sshAuthorizedKeys`, `http_headers` → `httpHeaders` …),
 * except for the keys listed here.
 */
export const IGNITION_KEY_EXCEPTIONS: Readonly<Record<string, string>> = {
  size_mib: "sizeMiB",
  start_mib: "startMiB",
};

export function ignitionKey(key: string): string {
  return IGNITION_KEY_EXCEPTIONS[key] ?? key.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
}

/** Butane-only sugar: keys that Butane translates away and Ignition does not have. */
export const BUTANE_ONLY_KEYS: ReadonlySet<string> = new Set([
  "variant",
  "version", // Config.version; Ignition has ignition.version instead
  "inline",
  "local",
  "with_mount_unit",
  "trees",
  "contents_local",
  "ssh_authorized_keys_local",
  "quadlets",
  "boot_device",
  "grub",
  "metadata",
  "openshift",
]);

/** The facts accumulated up to one version. */
interface Facts {
  mergeKeys: Record<string, MergeKey>;
  keySpaces: Record<string, string>;
  ignoreDuplicates: Set<string>;
  omitEmpty: Set<string>;
  writtenWhenEmpty: Set<string>;
  order: Record<string, readonly string[]>;
  features: IgnitionFeatures;
}

function accumulate(facts: Facts | undefined, d: IgnitionDelta): Facts {
  const writtenWhenEmpty = new Set(facts?.writtenWhenEmpty);
  for (const k of d.writtenWhenEmpty?.add ?? []) writtenWhenEmpty.add(k);
  for (const k of d.writtenWhenEmpty?.remove ?? []) writtenWhenEmpty.delete(k);
  return {
    mergeKeys: { ...facts?.mergeKeys, ...d.mergeKeys },
    keySpaces: { ...facts?.keySpaces, ...d.keySpaces },
    ignoreDuplicates: new Set([...(facts?.ignoreDuplicates ?? []), ...(d.ignoreDuplicates ?? [])]),
    omitEmpty: new Set([...(facts?.omitEmpty ?? []), ...(d.omitEmpty ?? [])]),
    writtenWhenEmpty,
    order: { ...facts?.order, ...d.order },
    features: { ...(facts?.features ?? NO_FEATURES), ...d.features },
  };
}

function emitOf(f: FieldDesc, id: string, facts: Facts): Emit {
  if (f.type.kind === "list") return facts.writtenWhenEmpty.has(id) ? "always" : "set";
  if (isScalar(f.type) && !isGoPointer(f)) return facts.omitEmpty.has(id) ? "nonzero" : "always";
  return "set";
}

function deriveSpec(d: IgnitionDelta, facts: Facts): IgnitionSpec {
  const base = d.butane;
  const types: Record<string, IgnitionStruct> = {};
  for (const [name, t] of Object.entries(base.types)) {
    let fields: IgnitionField[] = t.fields
      .filter((f) => !BUTANE_ONLY_KEYS.has(f.key))
      .map((f) => {
        const key = ignitionKey(f.key);
        const id = `${name}.${key}`;
        const out: IgnitionField = { ...f, key, from: f.key, emit: emitOf(f, id, facts) };
        if (name === base.root && key === "ignition") out.required = true;
        const space = facts.keySpaces[id];
        if (space !== undefined) out.keySpace = space;
        if (facts.ignoreDuplicates.has(id)) out.ignoreDuplicates = true;
        return out;
      });
    if (name === "Ignition") {
      fields.push({ key: "version", type: { kind: "string" }, doc: "Ignition spec version of this config.", required: true, emit: "always" });
    }
    const order = facts.order[name];
    if (order) {
      const byKey = new Map(fields.map((f) => [f.key, f]));
      if (order.length !== fields.length || order.some((k) => !byKey.has(k)))
        throw new Error(`Ignition ${d.version}: order of ${name} does not list its fields`);
      fields = order.map((k) => byKey.get(k)!);
    }
    const out: IgnitionStruct = t.doc === undefined ? { fields } : { fields, doc: t.doc };
    const mk = facts.mergeKeys[name];
    if (mk !== undefined) out.mergeKey = mk;
    types[name] = out;
  }
  return { ...base, version: d.version as IgnitionVersion, features: facts.features, types: reachableTypes(types, base.root) };
}

function deriveAll(): Map<IgnitionVersion, IgnitionSpec> {
  const out = new Map<IgnitionVersion, IgnitionSpec>();
  let facts: Facts | undefined;
  for (const d of IGNITION as readonly IgnitionDelta[]) {
    facts = accumulate(facts, d);
    out.set(d.version as IgnitionVersion, deriveSpec(d, facts));
  }
  return out;
}

const SPECS = deriveAll();

/** Ignition `version`'s structs, as a spec (Ignition's key names; the root is `Config`). */
export function ignitionSpec(version: IgnitionVersion): IgnitionSpec {
  const s = SPECS.get(version);
  if (!s) throw new Error(`unknown Ignition version ${version}`);
  return s;
}

/** The Ignition version the Butane base version `base` emits. */
export function ignitionOfButaneBase(base: SpecDesc): IgnitionVersion {
  const d = IGNITION.find((x) => x.butane === base);
  if (!d) throw new Error(`no Ignition version for Butane base ${base.pkg}`);
  return d.version;
}

/** The minor number of a 3.x spec version (0 for 3.0.0 … 7 for 3.7.0-experimental). */
export function ignitionMinor(version: IgnitionVersion): number {
  const minor = Number(version.split(".")[1]);
  return Number.isInteger(minor) ? minor : 0;
}

/** What Ignition `version`'s validation knows. */
export function ignitionFeatures(version: IgnitionVersion): Readonly<IgnitionFeatures> {
  return ignitionSpec(version).features;
}

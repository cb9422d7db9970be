/**
 * The importer's data types: what goes in (options), what comes out (Butane text, what was
 * recovered, what could not be). Plain data, so a result crosses a Web Worker boundary unchanged.
 */
import type { Finding } from "../transpiler/index.ts";

export type { Finding } from "../transpiler/index.ts";

/** What the input is. `auto` looks at it. */
export type ImportFrom = "auto" | "ignition" | "clc";

export interface ImportOptions {
  /** Butane variant to write (fcos by default; flatcar for a Container Linux Config). */
  variant?: string;
  /** Butane version; by default the newest one of the variant that fits the input. */
  version?: string;
  from?: ImportFrom;
  /**
   * Container Linux Config only: the platform ct's `--platform` names (`ec2`, `gce`, …), needed
   * when etcd/flannel options use dynamic data such as `{PRIVATE_IPV4}`.
   */
  platform?: string;
  /** Ignition spec 2 / CLC: where each named filesystem is mounted (spec 3 needs a path). */
  filesystemPaths?: Readonly<Record<string, string>>;
}

/** What the input was recognized as. */
export type SourceKind = "ignition-3" | "ignition-2" | "machineconfig" | "clc";

/** A count of what the importer recovered, for the import dialog and the CLI. */
export interface ImportStats {
  /** `data:` URLs in the input, and how many became `inline` text. */
  dataUrls: number;
  inlined: number;
  /** File/directory modes, all written in octal. */
  modes: number;
  /** `.mount` / `.swap` units, and how many became `with_mount_unit: true`. */
  mountUnits: number;
  foldedMountUnits: number;
  /** Storage entries that became `boot_device` (luks and/or mirror). */
  bootDevice: number;
  /** GRUB users recovered from `/boot/grub2/user.cfg`. */
  grubUsers: number;
  /** MachineConfig fields that became `metadata` / `openshift`. */
  openshiftFields: number;
  /** Container Linux Config sections turned into files, units and drop-ins. */
  clcSections: number;
  /** Comments carried over from a Container Linux Config. */
  comments: number;
}

export type ImportResult =
  | {
      ok: true;
      /** The Butane config (YAML text, ending in a newline). */
      butane: string;
      variant: string;
      version: string;
      source: { kind: SourceKind; version: string };
      stats: ImportStats;
      /** What was recovered (info) and what could not be (warning), each with a stable code. */
      findings: Finding[];
      /** True when re-transpiling the Butane gives the same config as the input (data URLs decoded). */
      verified: boolean;
    }
  | {
      ok: false;
      /** One line for people: why the input cannot be imported. */
      error: string;
      source?: { kind: SourceKind; version: string };
      findings: Finding[];
    };

export function emptyStats(): ImportStats {
  return {
    dataUrls: 0,
    inlined: 0,
    modes: 0,
    mountUnits: 0,
    foldedMountUnits: 0,
    bootDevice: 0,
    grubUsers: 0,
    openshiftFields: 0,
    clcSections: 0,
    comments: 0,
  };
}

/** A thrown import failure (caught at the API boundary and turned into `{ ok: false }`). */
export class ImportError extends Error {
  readonly findings: Finding[];
  constructor(message: string, findings: Finding[] = []) {
    super(message);
    this.findings = findings;
  }
}

/** A JSON object (Ignition or Butane form). */
export type Json = { [key: string]: unknown };

export function isObj(v: unknown): v is Json {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

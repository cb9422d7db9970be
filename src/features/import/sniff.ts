/**
 * A quick look at an opened or dropped file, on the main thread and without a YAML parser: is it
 * something to import as Butane (an Ignition config, an OpenShift MachineConfig, a Container
 * Linux Config), or a Butane config to open as it is? The importer itself decides for certain.
 */
import type { SourceKind } from "../../import/types.ts";

export interface Sniffed {
  kind: SourceKind;
  /** The Ignition spec version (Ignition and MachineConfig), "" when unknown. */
  version: string;
}

const CLC_SECTION = /^(storage|systemd|networkd|passwd|etcd|flannel|update|docker|locksmith|ignition):/m;

/** What `text` looks like; null for a Butane config (or anything else to open as it is). */
export function sniffConfig(text: string): Sniffed | null {
  const head = text.trimStart();
  if (head.startsWith("{")) {
    let v: unknown;
    try {
      v = JSON.parse(head);
    } catch {
      return null;
    }
    if (v === null || typeof v !== "object" || Array.isArray(v)) return null;
    const o = v as Record<string, unknown>;
    if (o.kind === "MachineConfig") return { kind: "machineconfig", version: mcVersion(o) };
    const ign = o.ignition as Record<string, unknown> | undefined;
    const version = typeof ign?.version === "string" ? ign.version : "";
    if (version.startsWith("3.")) return { kind: "ignition-3", version };
    if (version.startsWith("2.")) return { kind: "ignition-2", version };
    return null;
  }
  if (/^variant:/m.test(text)) return null;
  if (/^kind:\s*MachineConfig\s*$/m.test(text)) {
    const m = /^\s+version:\s*["']?(3\.\d+\.\d+(?:-experimental)?)/m.exec(text);
    return { kind: "machineconfig", version: m?.[1] ?? "" };
  }
  return CLC_SECTION.test(text) ? { kind: "clc", version: "" } : null;
}

function mcVersion(o: Record<string, unknown>): string {
  const spec = o.spec as Record<string, unknown> | undefined;
  const config = spec?.config as Record<string, unknown> | undefined;
  const ign = config?.ignition as Record<string, unknown> | undefined;
  return typeof ign?.version === "string" ? ign.version : "";
}

/** How people call each kind of input. */
export function kindLabel(s: Sniffed): string {
  switch (s.kind) {
    case "ignition-3":
    case "ignition-2":
      return `an Ignition ${s.version} config`;
    case "machineconfig":
      return `an OpenShift MachineConfig${s.version ? ` (Ignition ${s.version})` : ""}`;
    case "clc":
      return "a Container Linux Config";
  }
}

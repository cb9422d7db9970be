/**
 * Which project file and line produced each entry a preview shows (a user, a file, a unit, a
 * disk, a partition, a filesystem…), from the project's origins (src/compose): the origin of
 * the entry's list element, found by the entry's merge key (Ignition merges lists by it, so it
 * names one element of the merged config). Pure; null outside a project.
 */
import { createContext, useContext } from "react";
import type { EntryOrigin } from "../../compose/index.ts";
import { jsonPathKey } from "../../lib/json-index.ts";
import { originsByKey } from "../../store/project-origins.ts";
import { arr, field, ignitionOf, str } from "./shape.ts";

/** Each list a preview shows entries of: its place in the config and its merge key. */
const LISTS = {
  users: { path: ["passwd", "users"], key: "name" },
  groups: { path: ["passwd", "groups"], key: "name" },
  units: { path: ["systemd", "units"], key: "name" },
  files: { path: ["storage", "files"], key: "path" },
  directories: { path: ["storage", "directories"], key: "path" },
  links: { path: ["storage", "links"], key: "path" },
  disks: { path: ["storage", "disks"], key: "device" },
  filesystems: { path: ["storage", "filesystems"], key: "device" },
  raid: { path: ["storage", "raid"], key: "name" },
  luks: { path: ["storage", "luks"], key: "name" },
} as const;

export type OriginList = keyof typeof LISTS;

export interface PreviewOrigins {
  /** The origin of the entry of `list` whose merge key is `key`. */
  entry(list: OriginList, key: string): EntryOrigin | undefined;
  /** The origin of partition `index` (in `partitions`) of the disk `device`. */
  partition(device: string, index: number): EntryOrigin | undefined;
}

/** Looks entries of `config` (an Ignition config) up in `origins`; each list is read on its first look-up. */
export function previewOrigins(config: unknown, origins: readonly EntryOrigin[]): PreviewOrigins {
  const byKey = originsByKey(origins);
  const ign = ignitionOf(config);
  const positions = new Map<OriginList, Map<string, number>>();
  const indexOf = (list: OriginList, key: string) => {
    let m = positions.get(list);
    if (!m) {
      m = new Map();
      const { path, key: keyField } = LISTS[list];
      arr(field(ign, path[0]), path[1]).forEach((item, i) => {
        const k = str(item, keyField);
        if (k !== null && !m!.has(k)) m!.set(k, i);
      });
      positions.set(list, m);
    }
    return m.get(key);
  };
  return {
    entry(list, key) {
      const i = indexOf(list, key);
      return i === undefined ? undefined : byKey.get(jsonPathKey([...LISTS[list].path, i]));
    },
    partition(device, index) {
      const d = indexOf("disks", device);
      return d === undefined ? undefined : byKey.get(jsonPathKey(["storage", "disks", d, "partitions", index]));
    },
  };
}

/** The open project's origins for the previewed config (null outside a project). */
export const PreviewOriginsContext = createContext<PreviewOrigins | null>(null);

export const usePreviewOrigins = () => useContext(PreviewOriginsContext);

/**
 * A `local:` (or `contents_local`, `ssh_authorized_keys_local`, `trees`) reference to a file the
 * files directory does not have: "Attach…" opens the Files panel, asking for that file.
 */
import { cleanRelPath } from "../../worker/files-provider.ts";
import type { FixProvider } from "./types.ts";
import { valueAt } from "./yaml-read.ts";

const MISSING = /^(open|stat) (.+): no such file or directory$/;

/** The relative path the config asks for: the referencing value, or the message's path below the files directory. */
function wantedPath(source: string, path: readonly (string | number)[], messagePath: string): string {
  const v = valueAt(source, path);
  const local = typeof v === "string" ? v : typeof v === "object" && v !== null && "local" in v ? (v as { local: unknown }).local : undefined;
  if (typeof local === "string" && cleanRelPath(local) !== "") return cleanRelPath(local);
  return cleanRelPath(messagePath.split("/").slice(1).join("/"));
}

export const missingLocalFile: FixProvider = {
  id: "attach-local",
  message: MISSING,
  fixes({ source, target }) {
    const m = MISSING.exec(target.message);
    if (!m) return [];
    const rel = wantedPath(source, target.path, m[2] ?? "");
    if (rel === "" || rel.split("/").includes("..")) return [];
    const folder = m[1] === "stat";
    return [{ kind: "attach", title: folder ? `Attach a folder as ${rel}…` : `Attach ${rel}…`, path: rel, folder }];
  },
};

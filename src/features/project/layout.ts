/**
 * How a project lies in a folder (or a zip of one):
 *   - `kindling.project.yaml`, when present, names the files: `main: config.bu`,
 *     `snippets: [a.bu, b.bu]` (merge order), `hosts: hosts.csv`;
 *   - otherwise the main config is `main.bu`, else `config.bu`, else the one `*.bu` at the top;
 *     the snippets are `snippets/*.bu`, merged in name order; the hosts table is `hosts.yaml`,
 *     `hosts.yml` or `hosts.csv` at the top;
 *   - every other file is a local file (the files directory of `local:` references).
 * Saving writes the same layout back (and `kindling.project.yaml` when the folder had one or the
 * snippets are no longer in name order).
 */
import { parse, stringify } from "yaml";
import type { Project, ProjectFile } from "../../store/project-model.ts";
import type { WireFile } from "../../worker/protocol.ts";
import { cleanRelPath } from "../../worker/files-provider.ts";

export const MANIFEST = "kindling.project.yaml";
const HOSTS_NAMES = ["hosts.yaml", "hosts.yml", "hosts.csv"];

/** A file of a folder or zip: its path from the folder's root and its bytes. */
export interface FolderEntry {
  path: string;
  data: Uint8Array;
}

export type FolderRead = { ok: true; project: Project; localFiles: WireFile[] } | { ok: false; message: string };

const decoder = new TextDecoder();
const text = (e: FolderEntry): ProjectFile => ({ name: e.path, text: decoder.decode(e.data) });
const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

interface Manifest {
  main?: string;
  snippets?: string[];
  hosts?: string;
}

function readManifest(entry: FolderEntry): Manifest | string {
  let doc: unknown;
  try {
    doc = parse(decoder.decode(entry.data));
  } catch (e) {
    return `${MANIFEST}: ${(e as Error).message.split("\n")[0]}`;
  }
  if (doc === null || typeof doc !== "object" || Array.isArray(doc)) return `${MANIFEST}: expected a map with main, snippets and hosts`;
  const m = doc as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === "string" ? cleanRelPath(v) : undefined);
  if (m.snippets !== undefined && !(Array.isArray(m.snippets) && m.snippets.every((s) => typeof s === "string")))
    return `${MANIFEST}: snippets must be a list of file names`;
  return {
    ...(str(m.main) ? { main: str(m.main)! } : {}),
    ...(Array.isArray(m.snippets) ? { snippets: (m.snippets as string[]).map(cleanRelPath) } : {}),
    ...(str(m.hosts) ? { hosts: str(m.hosts)! } : {}),
  };
}

/** Reads a project from the files of a folder named `origin` (see the module comment). */
export function readProjectFolder(entries: readonly FolderEntry[], origin: string): FolderRead {
  const files = new Map(entries.map((e) => [cleanRelPath(e.path), { ...e, path: cleanRelPath(e.path) }]));
  const manifestEntry = files.get(MANIFEST);
  const manifest = manifestEntry ? readManifest(manifestEntry) : {};
  if (typeof manifest === "string") return { ok: false, message: manifest };
  const top = [...files.keys()].filter((p) => !p.includes("/") && p.endsWith(".bu")).sort(byName);
  const mainName = manifest.main ?? (files.has("main.bu") ? "main.bu" : files.has("config.bu") ? "config.bu" : top.length === 1 ? top[0] : undefined);
  if (mainName === undefined) {
    return { ok: false, message: `${origin} has no main config: name it main.bu or config.bu, or name it in ${MANIFEST} (main: file.bu)` };
  }
  const snippetNames = manifest.snippets ?? [...files.keys()].filter((p) => /^snippets\/[^/]+\.bu$/.test(p)).sort(byName);
  const hostsName = manifest.hosts ?? HOSTS_NAMES.find((n) => files.has(n));
  const missing = [mainName, ...snippetNames, ...(hostsName ? [hostsName] : [])].filter((n) => !files.has(n));
  if (missing.length > 0) return { ok: false, message: `${origin}: ${missing.join(", ")} not found` };
  const used = new Set([MANIFEST, mainName, ...snippetNames, ...(hostsName ? [hostsName] : [])]);
  const project: Project = {
    main: text(files.get(mainName)!),
    snippets: snippetNames.map((n) => text(files.get(n)!)),
    hosts: hostsName ? text(files.get(hostsName)!) : null,
    active: mainName,
    host: null,
    origin,
    manifest: manifestEntry !== undefined,
  };
  const localFiles = [...files.values()].filter((e) => !used.has(e.path)).map((e) => ({ path: e.path, data: e.data, mode: 0o644 }));
  return { ok: true, project, localFiles };
}

/** Whether the folder layout alone gives the project's files and order (no manifest needed). */
function conventional(p: Project): boolean {
  const names = p.snippets.map((s) => s.name);
  return (
    (p.main.name === "main.bu" || p.main.name === "config.bu") &&
    names.every((n) => /^snippets\/[^/]+\.bu$/.test(n)) &&
    names.every((n, i) => i === 0 || byName(names[i - 1]!, n) < 0) &&
    (p.hosts === null || HOSTS_NAMES.includes(p.hosts.name))
  );
}

/** The files to write for `project` and the local files (a folder save or a zip). */
export function projectFolderEntries(project: Project, localFiles: readonly WireFile[]): FolderEntry[] {
  const encoder = new TextEncoder();
  const out: FolderEntry[] = [];
  const own = [project.main, ...project.snippets, ...(project.hosts ? [project.hosts] : [])];
  for (const f of own) out.push({ path: f.name, data: encoder.encode(f.text) });
  if (project.manifest || !conventional(project)) {
    const manifest = { main: project.main.name, snippets: project.snippets.map((s) => s.name), ...(project.hosts ? { hosts: project.hosts.name } : {}) };
    out.push({ path: MANIFEST, data: encoder.encode(stringify(manifest)) });
  }
  const taken = new Set(out.map((e) => e.path));
  for (const f of localFiles) if (!taken.has(f.path)) out.push({ path: f.path, data: f.data });
  return out;
}

/**
 * What the Project menu and panel do: open a folder (File System Access API) or a zip, save back,
 * export a zip, download every host's Ignition, start a project from the current file, close.
 */
import { create } from "zustand";
import { downloadBytes } from "../../lib/download-file.ts";
import { buildAllHosts } from "../../store/effects.ts";
import { addProjectFile, closeProject, openProject, setProjectOrigin, showProject } from "../../store/project.ts";
import { projectFiles, type Project } from "../../store/project-model.ts";
import { notify, setFiles, useStudioStore } from "../../store/store.ts";
import { canOpenFolders, folderPermission, pickFolder, readFolder, writeFolder } from "./folder.ts";
import type { FolderEntry } from "./layout.ts";
import { loadBackedUpProject, loadFolderHandle, loadStoredProject, storeFolderHandle } from "./persist.ts";

// The folder layout (it reads YAML) and the zip code load with their first use.
const layout = () => import("./layout.ts");
const zip = () => import("./zip.ts");

/** The folder the open project saves to (kept in IndexedDB across reloads). */
interface FolderState {
  handle: FileSystemDirectoryHandle | null;
  /** Set after a reload: the browser must be asked again before the folder is written. */
  needsPermission: boolean;
}
export const useProjectFolder = create<FolderState>()(() => ({ handle: null, needsPermission: false }));

const setFolder = (handle: FileSystemDirectoryHandle | null, needsPermission = false) => {
  useProjectFolder.setState({ handle, needsPermission });
  void storeFolderHandle(handle);
};

export { canOpenFolders };

function fail(text: string) {
  notify({ id: "project", kind: "error", text });
}

/** Opens the files of a folder or zip as the project; the other files become the Files panel's. */
async function openEntries(entries: FolderEntry[], origin: string): Promise<boolean> {
  const read = (await layout()).readProjectFolder(entries, origin);
  if (!read.ok) {
    fail(`The project could not be opened: ${read.message}`);
    return false;
  }
  setFiles(read.localFiles);
  openProject(read.project);
  showProject();
  return true;
}

/** Asks for a folder and opens it as the project. */
export async function openProjectFolder(): Promise<void> {
  try {
    const handle = await pickFolder();
    if (!handle) return;
    if (await openEntries(await readFolder(handle), handle.name)) setFolder(handle);
  } catch (e) {
    fail(`The folder could not be read: ${String(e)}`);
  }
}

/** Opens a zip (a zipped project folder) as the project. */
export async function importProjectZip(file: File): Promise<void> {
  try {
    const entries = (await zip()).readZip(new Uint8Array(await file.arrayBuffer()));
    if (await openEntries(entries, file.name.replace(/\.zip$/i, ""))) setFolder(null);
  } catch (e) {
    fail(`${file.name} could not be read as a zip: ${String(e)}`);
  }
}

async function currentEntries(): Promise<{ project: Project; entries: FolderEntry[] } | null> {
  const s = useStudioStore.getState();
  return s.project ? { project: s.project, entries: (await layout()).projectFolderEntries(s.project, s.files) } : null;
}

/** Downloads the project (and the Files panel's files) as a zip in the folder layout. */
export async function exportProjectZip(): Promise<void> {
  const c = await currentEntries();
  if (!c) return;
  downloadBytes(`${c.project.origin ?? "project"}.zip`, (await zip()).writeZip(c.entries), "application/zip");
}

/** Writes the project back to its folder (asking for one, or for permission, when needed). */
export async function saveProjectToFolder(): Promise<void> {
  const c = await currentEntries();
  if (!c) return;
  try {
    let handle = useProjectFolder.getState().handle;
    if (!handle) {
      if (!canOpenFolders()) return exportProjectZip();
      handle = await pickFolder();
      if (!handle) return;
    }
    if (!(await folderPermission(handle, true))) {
      useProjectFolder.setState({ needsPermission: true });
      return fail(`Kindling may not write to the folder ${handle.name}; nothing was saved.`);
    }
    await writeFolder(handle, c.entries);
    setFolder(handle);
    setProjectOrigin(handle.name);
    notify({ id: "project", kind: "info", text: `Saved ${c.entries.length} ${c.entries.length === 1 ? "file" : "files"} to the folder ${handle.name}.` });
  } catch (e) {
    fail(`The project could not be saved to the folder: ${String(e)}`);
  }
}

/** Downloads a zip with one `<host>.ign` per host (hosts that cannot be built are named in a notice). */
export async function downloadAllHosts(): Promise<void> {
  const outcome = await buildAllHosts();
  if (outcome.kind === "superseded") return fail("An edit came in while the hosts were built; try Download all again.");
  if (outcome.kind !== "composed")
    return fail(outcome.kind === "timeout" ? `Building every host took longer than ${outcome.timeoutMs / 1000} s.` : `Internal error: ${outcome.message}`);
  const all = outcome.build.all ?? [];
  if (outcome.build.hostsProblems.length > 0) return fail(`The hosts table has problems: ${outcome.build.hostsProblems[0]!.message}`);
  const encoder = new TextEncoder();
  const built = all.filter((h) => h.output !== null);
  const failed = all.filter((h) => h.output === null);
  if (built.length === 0) return fail(`No host could be built: ${failed.map((h) => h.host).join(", ")} (see Problems).`);
  const entries = built.map((h) => ({ path: `${h.host}.ign`, data: encoder.encode(h.output!) }));
  const name = useStudioStore.getState().project?.origin ?? "project";
  downloadBytes(`${name}-hosts.zip`, (await zip()).writeZip(entries), "application/zip");
  if (failed.length > 0)
    notify({ id: "project", kind: "warning", text: `Left out of the zip (they cannot be built): ${failed.map((h) => h.host).join(", ")}.` });
}

/** Starts a project whose main config is the current text. */
export function newProjectFromCurrent(): void {
  const s = useStudioStore.getState();
  if (s.project) return;
  const name = s.fileName && /\.bu$/i.test(s.fileName) && !s.fileName.includes("/") ? s.fileName : "main.bu";
  openProject({ main: { name, text: s.source }, snippets: [], hosts: null, active: name, host: null, origin: null, manifest: false });
  setFolder(null);
  showProject();
}

/** The variant and version lines of the main config, to start a new snippet with. */
function headerOf(text: string): string {
  return text
    .split("\n")
    .filter((l) => /^(variant|version):/.test(l))
    .map((l) => `${l}\n`)
    .join("");
}

/** Adds an empty snippet `snippets/snippet-N.bu` (the next free N). */
export function addSnippet(): void {
  const p = useStudioStore.getState().project;
  if (!p) return;
  const names = new Set(projectFiles(p).map((f) => f.name));
  let n = p.snippets.length + 1;
  while (names.has(`snippets/snippet-${n}.bu`)) n++;
  addProjectFile("snippet", `snippets/snippet-${n}.bu`, headerOf(p.main.text));
}

export function addHostsTable(): void {
  addProjectFile("hosts", "hosts.yaml", "# host: {NAME: value, …}; files use ${NAME} or ${NAME:-default}\nhost-1:\n  HOSTNAME: host-1\n");
}

/**
 * Closes the project. Its files stay under "Recent drafts" (a project not saved to a folder or a
 * zip is not lost), and the editor keeps the text it shows.
 */
export function closeProjectKeepingDrafts(keep: (source: string, fileName: string) => void): void {
  const p = useStudioStore.getState().project;
  if (!p) return;
  for (const f of projectFiles(p)) if (f.name !== p.active) keep(f.text, f.name);
  closeProject();
  setFolder(null);
}

/** The project stored by the last visit (localStorage), read before the first render. */
export const storedProjectAtStart = loadStoredProject;

/** After start: the project from the IndexedDB backup (if localStorage had none), and its folder. */
export async function restoreProjectLater(): Promise<void> {
  if (!useStudioStore.getState().project) {
    const shown = useStudioStore.getState().source;
    const backedUp = await loadBackedUpProject();
    // Not over a text the user has started typing meanwhile.
    if (!backedUp || useStudioStore.getState().source !== shown || useStudioStore.getState().project) return;
    openProject(backedUp);
  }
  const handle = await loadFolderHandle();
  if (handle && useStudioStore.getState().project) useProjectFolder.setState({ handle, needsPermission: !(await folderPermission(handle, false)) });
}

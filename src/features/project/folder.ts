/**
 * A project folder through the File System Access API (Chromium): pick, read, write back, and
 * the permission a handle kept from an earlier visit needs again.
 */
import type { FolderEntry } from "./layout.ts";

/** The parts of the API used here (not all of them are in TypeScript's DOM lib). */
interface PermissionCapable {
  queryPermission?(d: { mode: "read" | "readwrite" }): Promise<PermissionState>;
  requestPermission?(d: { mode: "read" | "readwrite" }): Promise<PermissionState>;
}
type DirHandle = FileSystemDirectoryHandle & PermissionCapable & { entries(): AsyncIterable<[string, FileSystemHandle]> };
type Picker = (o?: { mode?: "read" | "readwrite"; id?: string }) => Promise<FileSystemDirectoryHandle>;

/** Whether this browser can open folders (else the studio offers zips). */
export function canOpenFolders(): boolean {
  return typeof (window as unknown as { showDirectoryPicker?: Picker }).showDirectoryPicker === "function";
}

/** Asks the user for a folder; null when they cancel. */
export async function pickFolder(): Promise<FileSystemDirectoryHandle | null> {
  const pick = (window as unknown as { showDirectoryPicker: Picker }).showDirectoryPicker;
  try {
    return await pick({ mode: "readwrite", id: "kindling-project" });
  } catch (e) {
    if (e instanceof DOMException && e.name === "AbortError") return null;
    throw e;
  }
}

/** Folders never read (version control, dependencies). */
const SKIPPED = new Set([".git", "node_modules"]);

/** Every file under `dir`, paths from its root. */
export async function readFolder(dir: FileSystemDirectoryHandle, prefix = ""): Promise<FolderEntry[]> {
  const out: FolderEntry[] = [];
  for await (const [name, handle] of (dir as DirHandle).entries()) {
    if (handle.kind === "directory") {
      if (!SKIPPED.has(name)) out.push(...(await readFolder(handle as FileSystemDirectoryHandle, `${prefix}${name}/`)));
    } else {
      const file = await (handle as FileSystemFileHandle).getFile();
      out.push({ path: `${prefix}${name}`, data: new Uint8Array(await file.arrayBuffer()) });
    }
  }
  return out;
}

/** Writes `entries` into `dir` (creating sub-folders); files not listed are left alone. */
export async function writeFolder(dir: FileSystemDirectoryHandle, entries: readonly FolderEntry[]): Promise<void> {
  for (const e of entries) {
    const parts = e.path.split("/");
    let d = dir;
    for (const part of parts.slice(0, -1)) d = await d.getDirectoryHandle(part, { create: true });
    const fh = await d.getFileHandle(parts.at(-1)!, { create: true });
    const w = await fh.createWritable();
    await w.write(new Uint8Array(e.data));
    await w.close();
  }
}

/** Whether `dir` may be read and written; asks the user when `ask` (needs a click). */
export async function folderPermission(dir: FileSystemDirectoryHandle, ask: boolean): Promise<boolean> {
  const h = dir as DirHandle;
  if (!h.queryPermission) return true;
  if ((await h.queryPermission({ mode: "readwrite" })) === "granted") return true;
  return ask && h.requestPermission ? (await h.requestPermission({ mode: "readwrite" })) === "granted" : false;
}

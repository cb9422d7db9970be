/**
 * `Storage.Validate` (links in paths, hard links, filesystems over disks) and the per-node
 * rules of directories, files and links, with their children in Go field order.
 */
import { boolAt, intAt, isTrue, nilOrEmpty, objAt, objListAt, plainStrAt, strAt } from "./access.ts";
import { pathClean, pathIsAbs, pathJoin } from "../go/path.ts";
import { MSG } from "./messages.ts";
import { validateIdOrName, validateMode, validateModeSpecialBits, validatePath } from "./node-rules.ts";
import { at, type IgnPath, type Report } from "./report.ts";
import { walkResource } from "./resource-rules.ts";
import type { IgnObject } from "./types.ts";

function linkPaths(storage: IgnObject): string[] {
  return objListAt(storage, "links").map((l) => plainStrAt(l, "path"));
}

function validateUnderLinks(r: Report, storage: IgnObject, path: IgnPath, list: string, message: string): void {
  const links = linkPaths(storage);
  objListAt(storage, list).forEach((node, i) => {
    const p = plainStrAt(node, "path");
    for (const l of links) {
      if (p.startsWith(l + "/")) r.error(at(path, list, i), message);
    }
  });
}

function validateLinks(r: Report, storage: IgnObject, path: IgnPath): void {
  const links = objListAt(storage, "links");
  const dirPaths = objListAt(storage, "directories").map((d) => plainStrAt(d, "path"));
  links.forEach((l1, i) => {
    const p1 = plainStrAt(l1, "path");
    for (const l2 of links) {
      if (p1.startsWith(plainStrAt(l2, "path") + "/")) r.error(at(path, "links", i), MSG.linkUsedSymlink);
    }
    let target: string;
    if (r.has.pointerRaidLevelAndLinkTarget) {
      const t = strAt(l1, "target");
      if (nilOrEmpty(t)) {
        r.error(at(path, "links", i, "target"), MSG.linkTargetRequired);
        return;
      }
      target = t ?? "";
    } else {
      target = plainStrAt(l1, "target");
    }
    if (!isTrue(boolAt(l1, "hard"))) return;
    let resolved = pathClean(target);
    if (!pathIsAbs(resolved)) resolved = pathJoin(p1, target);
    for (const d of dirPaths) {
      if (resolved === d) r.error(at(path, "links", i), MSG.hardLinkToDirectory);
    }
    const user = objAt(l1, "user");
    const group = objAt(l1, "group");
    const owner: Array<[IgnObject, string, string]> = [
      [user, "user", "id"],
      [user, "user", "name"],
      [group, "group", "id"],
      [group, "group", "name"],
    ];
    for (const [o, which, field] of owner) {
      const v = o[field];
      if (v !== undefined && v !== null) r.warn(at(path, "links", i, which, field), MSG.hardLinkSpecifiesOwner);
    }
  });
}

function validateFilesystemsOverDisks(r: Report, storage: IgnObject, path: IgnPath): void {
  const disks = new Map<string, IgnObject>();
  for (const d of objListAt(storage, "disks")) disks.set(plainStrAt(d, "device"), d);
  objListAt(storage, "filesystems").forEach((fs, i) => {
    const disk = disks.get(plainStrAt(fs, "device"));
    if (disk === undefined) return;
    const parts = disk["partitions"];
    if (Array.isArray(parts) && parts.length > 0) {
      r.warn(at(path, "filesystems", i, "device"), MSG.partitionsOverwritten);
    } else if (!isTrue(boolAt(fs, "wipeFilesystem")) && isTrue(boolAt(disk, "wipeTable"))) {
      r.warn(at(path, "filesystems", i, "device"), MSG.filesystemImplicitWipe);
    }
  });
}

/** `Storage.Validate`: checks spanning several storage lists. */
export function validateStorage(r: Report, storage: IgnObject, path: IgnPath): void {
  validateUnderLinks(r, storage, path, "directories", MSG.directoryUsedSymlink);
  validateUnderLinks(r, storage, path, "files", MSG.fileUsedSymlink);
  validateLinks(r, storage, path);
  validateFilesystemsOverDisks(r, storage, path);
}

/** The `group` and `user` children of a node (visited in that field order). */
function walkNodeOwners(r: Report, node: IgnObject, path: IgnPath): void {
  r.error(at(path, "group"), validateIdOrName(objAt(node, "group")));
  r.error(at(path, "user"), validateIdOrName(objAt(node, "user")));
}

function validateModes(r: Report, node: IgnObject, path: IgnPath): void {
  const mode = intAt(node, "mode");
  r.error(at(path, "mode"), validateMode(mode));
  if (r.has.specialModeBitsWarning) r.warn(at(path, "mode"), validateModeSpecialBits(mode));
}

/** A directory: path, mode, then owners. */
export function walkDirectory(r: Report, dir: IgnObject, path: IgnPath): void {
  r.error(at(path, "path"), validatePath(plainStrAt(dir, "path")));
  validateModes(r, dir, path);
  walkNodeOwners(r, dir, path);
}

/** A file: path, mode, overwrite, then owners, append resources and contents. */
export function walkFile(r: Report, file: IgnObject, path: IgnPath): void {
  r.error(at(path, "path"), validatePath(plainStrAt(file, "path")));
  validateModes(r, file, path);
  const contents = objAt(file, "contents");
  if (isTrue(boolAt(file, "overwrite")) && strAt(contents, "source") === undefined) {
    r.error(at(path, "overwrite"), MSG.overwriteAndNilSource);
  }
  walkNodeOwners(r, file, path);
  objListAt(file, "append").forEach((a, i) => walkResource(r, a, at(path, "append", i), "fileContents"));
  walkResource(r, contents, at(path, "contents"), "fileContents");
}

/** A link: path (the promoted `Node.Validate`), then owners. */
export function walkLink(r: Report, link: IgnObject, path: IgnPath): void {
  r.error(at(path, "path"), validatePath(plainStrAt(link, "path")));
  walkNodeOwners(r, link, path);
}

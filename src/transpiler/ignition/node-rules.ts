/** Rules shared by files, directories, links and devices: paths, modes, owners. */
import { intAt, notEmpty, strAt } from "./access.ts";
import { pathClean, pathIsAbs } from "../go/path.ts";
import { MSG } from "./messages.ts";
import type { IgnObject } from "./types.ts";

/** Ignition `validatePath`: non-empty, absolute and clean. */
export function validatePath(p: string): string | null {
  if (p === "") return MSG.noPath;
  if (!pathIsAbs(p)) return MSG.pathRelative;
  if (pathClean(p) !== p) return MSG.dirtyPath;
  return null;
}

/** Ignition `validatePathNilOK`: nil or empty is accepted. */
export function validatePathNilOk(p: string | undefined): string | null {
  if (p === undefined || p === "") return null;
  return validatePath(p);
}

/** Ignition `validateMode`: 0 … 07777. */
export function validateMode(mode: number | undefined): string | null {
  if (mode !== undefined && (mode < 0 || mode > 0o7777)) return MSG.fileIllegalMode;
  return null;
}

/** Ignition `validateModeSpecialBits` (specs before 3.6): warns on setuid/setgid/sticky. */
export function validateModeSpecialBits(mode: number | undefined): string | null {
  if (mode === undefined) return null;
  // Go converts the int to uint32 before masking
  const asUint32 = Number(BigInt.asUintN(32, BigInt(Math.trunc(mode))));
  return (asUint32 & 0o7000) !== 0 ? MSG.modeSpecialBits : null;
}

/** Ignition `validateIDorName` for a node's `user`/`group` object. */
export function validateIdOrName(owner: IgnObject): string | null {
  if (intAt(owner, "id") !== undefined && notEmpty(strAt(owner, "name"))) return MSG.bothIdAndNameSet;
  return null;
}

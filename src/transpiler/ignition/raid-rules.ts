/** Rules for software RAID arrays. */
import { intAt, listAt, listItemString, strAt } from "./access.ts";
import { MSG } from "./messages.ts";
import { validatePath } from "./node-rules.ts";
import { at, type IgnPath, type Report } from "./report.ts";
import type { IgnObject } from "./types.ts";

const stripedLevels = ["linear", "raid0", "0", "stripe"];
const otherLevels = ["raid1", "1", "mirror", "raid4", "4", "raid5", "5", "raid6", "6", "raid10", "10"];

function validateLevel(r: Report, raid: IgnObject): string | null {
  const level = strAt(raid, "level");
  if (r.has.pointerRaidLevelAndLinkTarget && (level === undefined || level === "")) return MSG.raidLevelRequired;
  const l = level ?? "";
  if (stripedLevels.includes(l)) {
    const spares = intAt(raid, "spares");
    return spares !== undefined && spares !== 0 ? MSG.sparesUnsupportedForLevel : null;
  }
  return otherLevels.includes(l) ? null : MSG.unrecognizedRaidLevel;
}

/** A RAID array (`Raid.Validate`), then each member device's path. */
export function walkRaid(r: Report, raid: IgnObject, path: IgnPath): void {
  r.error(at(path, "level"), validateLevel(r, raid));
  const devices = listAt(raid, "devices");
  if (devices.length === 0) r.error(at(path, "devices"), MSG.raidDevicesRequired);
  devices.forEach((d, i) => r.error(at(path, "devices", i), validatePath(listItemString(d))));
}

/** Kindling-only guidance attached to some upstream diagnostics (never part of upstream's text). */
import type { Diagnostic } from "./types.ts";

const HINTS: ReadonlyArray<readonly [RegExp, (d: Diagnostic) => string]> = [
  [/^unreasonable mode would be reasonable if specified in octal/, () => "Write modes in octal with a leading zero, e.g. 0644 rather than 644."],
  [/^unused key /, () => "Butane ignores this key; check its spelling and that this spec version supports it."],
  [/^local file paths are relative to a files directory/, () => "Add the file in the Files panel (CLI: pass --files-dir DIR)."],
  [/^path not absolute$/, () => "Paths on the machine start with /, e.g. /etc/hostname."],
  [/^path is not fully simplified$/, () => "Remove trailing slashes, double slashes and . or .. segments."],
  [/^unit ".*" is enabled, but has no install section/, () => "Add an [Install] section, e.g. WantedBy=multi-user.target, or drop enabled."],
  [/^invalid systemd unit extension$/, () => "Unit names end in .service, .timer, .mount, .socket, .path, .target …"],
  [/^only one of the following can be set/, () => "Keep exactly one of these fields."],
  [/^setuid\/setgid\/sticky bits are not supported/, () => "A mode above 0777 sets special bits; was it written in decimal?"],
  [/^root should have 8GiB of space assigned$/, () => "Give the root partition at least size_mib: 8192, or leave size_mib unset to fill the disk."],
];

/** Returns `d` with a `hint` when Kindling has one for its message. */
export function withHint(d: Diagnostic): Diagnostic {
  for (const [re, hint] of HINTS) if (re.test(d.message)) return { ...d, hint: hint(d) };
  return d;
}

/** Kindling-only guidance attached to some upstream diagnostics (never part of upstream's text). */
import { diagnosticCode } from "./diagnostic-codes.ts";
import type { Diagnostic, DiagnosticCode } from "./types.ts";

const HINTS: Partial<Record<DiagnosticCode, string>> = {
  "mode-decimal": "Write modes in octal with a leading zero, e.g. 0644 rather than 644.",
  "unused-key": "Butane ignores this key; check its spelling and that this spec version supports it.",
  "files-dir-missing": "Add the file in the Files panel (CLI: pass --files-dir DIR).",
  "path-relative": "Paths on the machine start with /, e.g. /etc/hostname.",
  "path-unclean": "Remove trailing slashes, double slashes and . or .. segments.",
  "unit-enabled-without-install": "Add an [Install] section, e.g. WantedBy=multi-user.target, or drop enabled.",
  "unit-extension": "Unit names end in .service, .timer, .mount, .socket, .path, .target …",
  "only-one-of": "Keep exactly one of these fields.",
  "mode-special-bits": "A mode above 0777 sets special bits; was it written in decimal?",
  "root-too-small": "Give the root partition at least size_mib: 8192, or leave size_mib unset to fill the disk.",
};

/** Returns `d` with its stable `code`, and a `hint` when Kindling has one for that code. */
export function withHint(d: Diagnostic): Diagnostic {
  const code = diagnosticCode(d.message);
  if (code === undefined) return d;
  const hint = HINTS[code];
  return hint === undefined ? { ...d, code } : { ...d, code, hint };
}

/**
 * Stable codes for the upstream diagnostics Kindling explains (hints.ts) or fixes (quick fixes),
 * so that neither matches message text of its own. Codes are Kindling's: `Diagnostic.code`, never
 * part of upstream's text and never printed by the CLI. A code is found from the producers' own
 * message constants (or, for messages that name a key or unit, the fixed part of the text), in
 * this one place.
 */
import { MSG } from "./ignition/messages.ts";
import type { DiagnosticCode } from "./types.ts";
import { NO_FILES_DIR } from "./util/files.ts";
import { DECIMAL_MODE } from "./validate/mode.ts";
import { TOO_MANY_SOURCES, TOO_MANY_SYSTEMD } from "./validate/source.ts";
import { ERR_MIRROR_REQUIRES_LAYOUT } from "./variants/boot-device.ts";
import { ERR_ROOT_TOO_SMALL } from "./variants/fcos.ts";
import { ERR_NAME_REQUIRED, ERR_ROLE_REQUIRED } from "./variants/openshift.ts";

const EXACT = {
  "mode-decimal": [DECIMAL_MODE],
  "mode-special-bits": [MSG.modeSpecialBits],
  "files-dir-missing": [NO_FILES_DIR],
  "path-relative": [MSG.pathRelative],
  "path-unclean": [MSG.dirtyPath],
  "unit-extension": [MSG.invalidSystemdExt],
  "only-one-of": [TOO_MANY_SOURCES, TOO_MANY_SYSTEMD],
  "root-too-small": [ERR_ROOT_TOO_SMALL],
  "duplicate-entry": [MSG.duplicate],
  "boot-mirror-without-layout": [ERR_MIRROR_REQUIRES_LAYOUT],
  "openshift-metadata-missing": [ERR_NAME_REQUIRED, ERR_ROLE_REQUIRED],
} as const satisfies Partial<Record<DiagnosticCode, readonly string[]>>;

/** Messages that name what they are about: the fixed part of their text. */
const SHAPED = {
  "unused-key": /^unused key /,
  "unit-enabled-without-install": /^unit ".*" is enabled, but has no install section so enable does nothing$/,
} as const;

// Every code is found one way or the other.
void ({ ...EXACT, ...SHAPED } satisfies Record<DiagnosticCode, unknown>);

const byMessage = new Map<string, DiagnosticCode>();
for (const [code, messages] of Object.entries(EXACT)) for (const m of messages) byMessage.set(m, code as DiagnosticCode);
const shaped = Object.entries(SHAPED) as [DiagnosticCode, RegExp][];

/** The stable code of an upstream diagnostic's message, when Kindling has one for it. */
export function diagnosticCode(message: string): DiagnosticCode | undefined {
  const exact = byMessage.get(message);
  if (exact !== undefined) return exact;
  for (const [code, re] of shaped) if (re.test(message)) return code;
  return undefined;
}

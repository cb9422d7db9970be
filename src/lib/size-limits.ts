/**
 * How much text the studio takes into its editor. Measured in Chromium (e2e/hardening.spec.ts):
 * pasting 1 MB into Monaco blocks the page for ~2 s, 10 MB for ~10 s with autosave failing on the
 * storage quota, so larger text is refused before it reaches the editor. The CLI has no limit.
 */
import { formatBytes } from "./format.ts";

/** Largest text (UTF-16 code units, ≈ bytes for YAML) the editor accepts from a paste, file or link. */
export const MAX_EDITOR_TEXT = 1024 * 1024;

/** Share fragments longer than this are not decoded (Kindling writes at most 32 KiB links). */
export const MAX_SHARE_FRAGMENT = 256 * 1024;

/** Whether `length` characters are more than the editor takes. */
export function tooLargeForEditor(length: number): boolean {
  return length > MAX_EDITOR_TEXT;
}

/**
 * The notice for refused text: what happened, that nothing changed, and what to do instead.
 * `atLeast`: reading stopped at `length` (the text is larger still).
 */
export function tooLargeMessage(what: string, length: number, atLeast = false): string {
  return (
    `${what} is ${atLeast ? "more than " : ""}${formatBytes(length)}; the editor takes configs up to ${formatBytes(MAX_EDITOR_TEXT)} ` +
    "(larger text would freeze this page). Your current text was not changed. " +
    "For bigger configs use the command line: kindling config.bu > config.ign"
  );
}

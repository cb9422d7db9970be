/**
 * Kindling's findings as the CLI prints them with `--lint`: one line each, after upstream's report,
 * in a format of their own (`lint[code]` where upstream writes `error`/`warning`) so no tool that
 * reads Butane's report mistakes them for it.
 */
import { formatPath, type Finding, type UserDataSize } from "../transpiler/index.ts";

export function renderFindings(findings: readonly Finding[], size?: UserDataSize): string {
  let out = "";
  for (const f of findings) {
    const at = [f.path.length > 0 ? formatPath(f.path) : "", f.line !== undefined ? `line ${f.line} col ${f.column ?? 1}` : ""].filter(Boolean).join(", ");
    out += `lint[${f.code}] ${f.severity}${at ? ` at ${at}` : ""}: ${f.message}\n`;
  }
  if (size) {
    const limit = size.limit === null ? "no documented limit" : `limit ${size.limit} bytes`;
    out += `lint: user data for ${size.platform}: ${size.bytes} bytes (${size.encoding}), ${limit}\n`;
  }
  return out;
}

/**
 * Kindling's findings as the CLI prints them with `--lint`: one line each, after upstream's report,
 * in a format of their own (`lint[code]` where upstream writes `error`/`warning`) so no tool that
 * reads Butane's report mistakes them for it.
 */
import { formatPath, type Finding, type UserDataSize } from "../transpiler/index.ts";

function findingLine(f: Finding, file?: string): string {
  const place = file !== undefined ? `${file}${f.line !== undefined ? `:${f.line}:${f.column ?? 1}` : ""}` : "";
  const at = [place, f.path.length > 0 ? formatPath(f.path) : "", file === undefined && f.line !== undefined ? `line ${f.line} col ${f.column ?? 1}` : ""]
    .filter(Boolean)
    .join(", ");
  return `lint[${f.code}] ${f.severity}${at ? ` at ${at}` : ""}: ${f.message}\n`;
}

function sizeLine(size: UserDataSize): string {
  const limit = size.limit === null ? "no documented limit" : `limit ${size.limit} bytes`;
  return `lint: user data for ${size.platform}: ${size.bytes} bytes (${size.encoding}), ${limit}\n`;
}

export function renderFindings(findings: readonly Finding[], size?: UserDataSize): string {
  return findings.map((f) => findingLine(f)).join("") + (size ? sizeLine(size) : "");
}

/**
 * The findings of a project build (`kindling build --lint`): each names its file, and line and
 * column there (`lint[code] severity at FILE:LINE:COL, $.path: message`); `size` is the merged
 * output's. `prefix` goes before every line (`host web1: ` with --out-dir).
 */
export function renderProjectFindings(findings: readonly (Finding & { file: string })[], size?: UserDataSize, prefix = ""): string {
  return [...findings.map((f) => findingLine(f, f.file)), ...(size ? [sizeLine(size)] : [])].map((l) => prefix + l).join("");
}

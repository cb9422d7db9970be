/**
 * The target compatibility guard: a finding when the config's Ignition spec is newer than the
 * target's Ignition reads, and the move to the newest version the target accepts, tried for real
 * (rewrite `version:`, transpile again, compare the reports).
 */
import type { Finding } from "./finding.ts";
import type { TranspileOptions, TranspileResult } from "../options.ts";
import type { Diagnostic } from "../types.ts";
import { formatPath } from "../types.ts";
import { parseYaml } from "../yaml/parse.ts";
import type { YNode } from "../yaml/node.ts";
import { findTarget, newestAcceptedVersion, targetAccepts, type SpecLike, type TargetRow } from "./targets.ts";

export type Transpile = (source: string, options: TranspileOptions) => TranspileResult;

/** The top-level `version:` value node, if the text parses and has one. */
function versionNode(root: YNode | null): YNode | undefined {
  if (root?.kind !== "map") return undefined;
  return root.entries.find((e) => e.key.kind === "scalar" && e.key.value === "version")?.value;
}

/**
 * `source` with its top-level `version:` value replaced by `version` (the rest byte for byte,
 * comments kept), or null when there is no such scalar to replace.
 */
export function withVersion(source: string, version: string): string | null {
  const parsed = parseYaml(source, { duplicateKeys: "root" });
  const node = parsed.ok ? versionNode(parsed.root) : undefined;
  if (node?.kind !== "scalar") return null;
  const lines = source.split("\n");
  const text = lines[node.line - 1];
  if (text === undefined) return null;
  const start = [...text].slice(0, node.column - 1).join("").length;
  const quoted = node.style === "single" || node.style === "double";
  // A quoted scalar spans its quotes; a plain one its value (versions have no escapes).
  const raw = quoted ? text[start] + node.value + text[start] : node.value;
  if (text.slice(start, start + raw.length) !== raw) return null;
  const replacement = quoted ? text[start] + version + text[start] : version;
  lines[node.line - 1] = text.slice(0, start) + replacement + text.slice(start + raw.length);
  return lines.join("\n");
}

export interface MoveBlocker {
  path: string;
  line?: number;
  column?: number;
  message: string;
}

export type MoveResult = { ok: true; source: string; version: string } | { ok: false; version: string; source?: string; blockers: MoveBlocker[] };

const entryKey = (d: Diagnostic) => `${d.severity}|${formatPath(d.path)}|${d.message}`;

/**
 * Tries moving `source` to `version` of its variant: succeeds when the rewritten config
 * transpiles with no error or warning the original did not have; otherwise lists what blocks the
 * move (typically fields the older spec lacks, which it reports as unused keys).
 */
export function tryMoveToVersion(
  source: string,
  version: string,
  transpile: Transpile,
  options: TranspileOptions = {},
  /** The report of `source` as it is, when the caller has it already (saves a transpile). */
  current?: { diagnostics: readonly Diagnostic[]; failure?: string },
): MoveResult {
  const moved = withVersion(source, version);
  if (moved === null) return { ok: false, version, blockers: [{ path: "$.version", message: "there is no version: line to change" }] };
  const opts: TranspileOptions = { ...options, lint: false, strict: false };
  const before = current ?? transpile(source, opts);
  const after = transpile(moved, opts);
  const had = new Set(before.diagnostics.map(entryKey));
  const blockers: MoveBlocker[] = after.diagnostics
    .filter((d) => !had.has(entryKey(d)))
    .map((d) => ({
      path: formatPath(d.path),
      ...(d.line !== undefined ? { line: d.line } : {}),
      ...(d.column !== undefined ? { column: d.column } : {}),
      message: d.message,
    }));
  if (after.failure !== undefined && before.failure === undefined && blockers.length === 0) blockers.push({ path: "", message: after.failure });
  return blockers.length === 0 ? { ok: true, source: moved, version } : { ok: false, version, source: moved, blockers };
}

/** What happens when the target meets a config version it does not know. */
function consequence(group: TargetRow["group"]): string {
  if (group === "RHEL CoreOS (OpenShift)") return "the Machine Config Operator would reject the MachineConfig";
  if (group === "Tools") return 'it would refuse the config ("unsupported config version")';
  return 'the machine would fail to boot ("unsupported config version")';
}

export interface TargetCheckInput {
  source: string;
  root: YNode | null;
  variant: string;
  version: string;
  ignition: string;
  specs: readonly SpecLike[];
  /** The config's own report as transpiled (non-strict), when known. */
  diagnostics?: readonly Diagnostic[];
  /** Transpiles again (for the move check); no move check without it. */
  transpile?: Transpile;
  options?: TranspileOptions;
}

/** The `target-spec-too-new` finding for `targetId`, or null when the target reads the config. */
export function checkTarget(input: TargetCheckInput, targetId: string): Finding | null {
  const t = findTarget(targetId);
  if (!t || targetAccepts(t, input.ignition)) return null;
  const node = versionNode(input.root);
  const newest = newestAcceptedVersion(input.specs, input.variant, t);
  const accepts = t.experimental ? `${t.maxSpec} (and ${t.experimental})` : t.maxSpec;
  let tail: string;
  const data: Record<string, string | number | boolean | readonly string[]> = {
    target: t.id,
    targetLabel: t.label,
    ignitionVersion: input.ignition,
    maxSpec: t.maxSpec,
    variant: input.variant,
  };
  if (newest) {
    data.newestVersion = newest.version;
    data.newestIgnition = newest.ignition;
    tail = ` The newest ${input.variant} version it reads is ${newest.version} (Ignition ${newest.ignition}).`;
    if (input.transpile) {
      // --strict changes only the failure line, not the report: the transpile's own report compares.
      const current = input.diagnostics ? { diagnostics: input.diagnostics } : undefined;
      const move = tryMoveToVersion(input.source, newest.version, input.transpile, input.options, current);
      data.moveOk = move.ok;
      if (!move.ok) {
        data.blockers = move.blockers.map((b) => (b.path ? `${b.path}: ${b.message}` : b.message));
        tail += ` Moving to it is blocked by ${move.blockers.length === 1 ? "1 field" : `${move.blockers.length} fields`} newer than that spec: ${data.blockers.join("; ")}.`;
      } else tail += ` The config transpiles unchanged at ${newest.version}.`;
    }
  } else tail = ` No ${input.variant} version produces a config it reads.`;
  return {
    code: "target-spec-too-new",
    severity: "error",
    path: ["version"],
    ...(node ? { line: node.line, column: node.column } : {}),
    message: `${t.label} cannot read this config: ${input.variant} ${input.version} produces Ignition spec ${input.ignition}, and it accepts specs up to ${accepts}; ${consequence(t.group)}.${tail}`,
    data,
  };
}

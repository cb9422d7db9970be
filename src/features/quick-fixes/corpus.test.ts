// Every fix kind against the shared conformance corpus: each input whose upstream report has the
// diagnostic gets the fix applied, is transpiled again, and must lose that diagnostic without a new
// error and without losing a comment. Skipped when ../shared is absent.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { problemsOf, type Problem } from "../../store/problems.ts";
import { transpile, type TranspileOptions, type TranspileResult } from "../../transpiler/index.ts";
import { createFilesProvider } from "../../worker/files-provider.ts";
import type { WireFile } from "../../worker/protocol.ts";
import { withFailureHelp } from "./failure-help.ts";
import { fixContext, providersFor, targetOf } from "./registry.ts";
import { applyEdits, offsetAt } from "./text.ts";
import type { QuickFix } from "./types.ts";

const CASES_DIR = fileURLToPath(new URL("../../../../shared/conformance/cases", import.meta.url));
const HAVE_CORPUS = existsSync(CASES_DIR);

interface Case {
  name: string;
  source: string;
  err: string;
  raw: boolean;
  files: WireFile[] | null;
}

function readTree(dir: string, prefix = ""): WireFile[] {
  return readdirSync(dir).flatMap((name) => {
    const full = `${dir}/${name}`;
    const rel = prefix ? `${prefix}/${name}` : name;
    const st = statSync(full);
    if (st.isDirectory()) return readTree(full, rel);
    return st.isFile() ? [{ path: rel, data: new Uint8Array(readFileSync(full)), mode: st.mode & 0o777 }] : [];
  });
}

function loadCases(): Case[] {
  if (!HAVE_CORPUS) return [];
  return readdirSync(CASES_DIR)
    .sort()
    .map((name) => {
      const dir = `${CASES_DIR}/${name}`;
      const args = readFileSync(`${dir}/args`, "utf8");
      const usesFiles = args.includes("--files-dir");
      return {
        name,
        source: readFileSync(`${dir}/input.bu`, "utf8"),
        err: readFileSync(`${dir}/expected.err`, "utf8"),
        raw: args.includes("--raw"),
        files: usesFiles ? (existsSync(`${dir}/files`) ? readTree(`${dir}/files`) : []) : null,
      };
    });
}

const optionsOf = (c: Case, extra: WireFile[] = []): TranspileOptions => {
  const options: TranspileOptions = { raw: c.raw };
  if (c.files) options.files = createFilesProvider([...c.files, ...extra]);
  return options;
};
const run = (c: Case, source: string, extra: WireFile[] = []): TranspileResult => transpile(source, optionsOf(c, extra));

const rowsOf = (result: TranspileResult, source: string): Problem[] => withFailureHelp(problemsOf(result), source);
const sig = (p: Problem) => `${p.severity} ${p.path} ${p.message}`;
const errors = (rows: Problem[]) => new Set(rows.filter((r) => r.severity === "error" && !r.failure).map(sig));

/** Comment texts with their counts: a fix may move a comment, never drop one. */
function comments(source: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const line of source.split("\n")) {
    const c = /(?:^|\s)(#.*)$/.exec(line)?.[1]?.trim();
    if (c) m.set(c, (m.get(c) ?? 0) + 1);
  }
  return m;
}
const lostComments = (before: string, after: string) => {
  const a = comments(after);
  return [...comments(before)].filter(([c, n]) => (a.get(c) ?? 0) < n).map(([c]) => c);
};

interface Tally {
  /** Inputs whose upstream report has the diagnostic. */
  cases: Set<string>;
  /** Of those, the ones with a fix offered. */
  offered: Set<string>;
  /** Of those, the ones where the fix worked. */
  fixed: Set<string>;
  /** Fix titles by their first word, to tell did-you-mean from removal and the like. */
  how: Map<string, number>;
  failures: string[];
}

/** Upstream's texts each fix kind answers (to pick the inputs from expected.err). */
const UPSTREAM: Record<string, RegExp> = {
  "octal-mode": /unreasonable mode would be reasonable if specified in octal/,
  "absolute-path": /: path not absolute$/m,
  tabs: /found character that cannot start any token|found a tab character/,
  "unknown-key": /: unused key /,
  "unknown-version": /No translator exists for variant|error parsing version; must be a valid semver/,
  "install-section": /is enabled, but has no install section so enable does nothing/,
  "openshift-metadata": /metadata\.name is required|machineconfiguration\.openshift\.io\/role label is required/,
  "attach-local": /: (open|stat) .*: no such file or directory$/m,
  "boot-layout": /boot_device\.layout should be specified when boot_device\.mirror is specified/,
  "duplicate-entry": /: duplicate entry defined$/m,
};

/** Errors a fix let upstream's later stages report (they were hidden, not made by the fix). */
let revealed = 0;

function check(c: Case, before: TranspileResult, row: Problem, fix: QuickFix): string | null {
  const rowsBefore = rowsOf(before, c.source);
  if (fix.kind === "edit") {
    const text = applyEdits(c.source, fix.edits);
    const after = run(c, text);
    const rowsAfter = rowsOf(after, text);
    if (row.failure ? rowsAfter.some((r) => r.failure && r.message === row.message) : rowsAfter.some((r) => sig(r) === sig(row))) {
      return `still there after "${fix.title}"`;
    }
    // A failure hid the rest of the report: what shows up after it is not new.
    if (!row.failure) {
      const old = errors(rowsBefore);
      const added = rowsAfter.filter((r) => r.severity === "error" && !r.failure && !old.has(sig(r)));
      // An error stops upstream's later stages: an error they report elsewhere once it is gone was
      // hidden, not made by the fix. Near the fixed place (or with no earlier error) it is new.
      const related = (p: string) => p === "" || row.path === "" || p.startsWith(row.path) || row.path.startsWith(p);
      const caused = old.size === 0 ? added : added.filter((r) => related(r.path));
      revealed += added.length - caused.length;
      if (caused.length > 0) return `new error after "${fix.title}": ${caused.map(sig).join("; ")}`;
    } else if (rowsAfter.some((r) => r.failure && /yaml|No translator|parsing version/.test(r.message))) {
      return `still fails to read after "${fix.title}": ${rowsAfter.find((r) => r.failure)?.message ?? ""}`;
    }
    const lost = lostComments(c.source, text);
    return lost.length > 0 ? `comments lost: ${lost.join(" | ")}` : null;
  }
  if (fix.kind === "attach") {
    const added: WireFile[] = fix.folder
      ? [{ path: `${fix.path}/attached.txt`, data: new TextEncoder().encode("x\n"), mode: 0o644 }]
      : [{ path: fix.path, data: new TextEncoder().encode("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGJ1dGFuZWNvcnB1 a@b\n"), mode: 0o644 }];
    const after = run(c, c.source, added);
    return rowsOf(after, c.source).some((r) => sig(r) === sig(row)) ? `still there after attaching ${fix.path}` : null;
  }
  if (fix.kind === "reveal") {
    // The other entry: a different line, holding an entry the same list has twice.
    if (fix.line === row.line && fix.column === row.column) return "jumps to itself";
    const there = c.source.slice(offsetAt(c.source, fix.line, fix.column)).split("\n")[0] ?? "";
    const here = c.source.slice(offsetAt(c.source, row.line ?? 1, row.column ?? 1)).split("\n")[0] ?? "";
    return there.trim() === "" || here.trim() === "" ? "no entry at the target" : null;
  }
  return `unexpected fix kind ${fix.kind}`;
}

describe.skipIf(!HAVE_CORPUS)("quick fixes against the conformance corpus", () => {
  it("fix every input that has the diagnostic: it disappears, no new error, comments kept", () => {
    const tallies = new Map<string, Tally>(
      Object.keys(UPSTREAM).map((k) => [k, { cases: new Set(), offered: new Set(), fixed: new Set(), failures: [], how: new Map() }]),
    );
    for (const c of loadCases()) {
      const kinds = Object.entries(UPSTREAM).filter(([, re]) => re.test(c.err));
      if (kinds.length === 0) continue;
      const before = run(c, c.source);
      const rows = rowsOf(before, c.source);
      for (const [kind] of kinds) {
        const t = tallies.get(kind) as Tally;
        t.cases.add(c.name);
        for (const row of rows) {
          const target = targetOf(row);
          if (!providersFor(target).some((p) => p.id === kind)) continue;
          const provider = providersFor(target).find((p) => p.id === kind);
          const fixes = provider?.fixes(fixContext(c.source, target, before.variant, before.version, optionsOf(c))) ?? [];
          const fix = fixes[0];
          if (!fix) {
            if (process.env.QF_DEBUG) console.log(`no fix: ${kind} ${c.name} ${row.message}`);
            continue;
          }
          t.offered.add(c.name);
          const how =
            /^(Did you mean|Remove|Use variant|Use|Attach|Go to|Set|Add|Name|Write|Make|Indent)/.exec(fix.title)?.[1] ??
            (/needs/.test(fix.title) ? "switch version" : fix.title);
          t.how.set(how, (t.how.get(how) ?? 0) + 1);
          const problem = check(c, before, row, fix);
          if (problem) t.failures.push(`${c.name} [${row.line ?? "-"}: ${row.message}]: ${problem}`);
          else t.fixed.add(c.name);
        }
      }
    }
    const report = [...tallies].map(([k, t]) => {
      const broken = [...t.offered].filter((n) => !t.fixed.has(n) || t.failures.some((f) => f.startsWith(n + " "))).length;
      const how = [...t.how].map(([h, n]) => `${h}: ${n}`).join(", ");
      return `${k}: fixed ${t.offered.size - broken}/${t.cases.size} inputs (fix offered on ${t.offered.size}; problems fixed by ${how})`;
    });
    console.log(`Quick fixes on the corpus:\n  ${report.join("\n  ")}\n  (${revealed} errors of later stages showed up once an earlier error was fixed)`);
    const failures = [...tallies.values()].flatMap((t) => t.failures);
    if (process.env.QF_DEBUG) console.log(failures.join("\n"));
    expect(failures).toEqual([]);
    for (const [k, t] of tallies) expect(t.cases.size, k).toBeGreaterThan(0);
  });
});

/**
 * Kindling's own findings: what upstream Butane does not report (systemd/Quadlet lint, target
 * compatibility, user-data size, placeholders and secrets). A finding is never a `Diagnostic`:
 * it has a stable code, is listed beside upstream's report and never changes upstream's text,
 * the CLI's default output or its exit status (the CLI prints findings only with `--lint`).
 */
import type { Path, Severity } from "../types.ts";

export interface Finding {
  /** Stable kebab-case code, e.g. `systemd-unknown-directive`; listed in docs/lint.md. */
  code: string;
  severity: Severity;
  /** Butane YAML path of the config node the finding is about; empty for the whole config. */
  path: Path;
  /** 1-based start of the marker, when there is one. */
  line?: number;
  /** 1-based, rune-based column. */
  column?: number;
  /** 1-based end of the marker (exclusive column), when narrower than the node. */
  endLine?: number;
  endColumn?: number;
  message: string;
  /** Structured facts a quick fix needs, e.g. `{ suggestions: ["ExecStart"] }`. */
  data?: Readonly<Record<string, string | number | boolean | readonly string[]>>;
}

/** What the lint pass may know beyond the config itself. */
export interface LintOptions {
  /** A target id from the target table (e.g. `fcos-stable`); no target check when absent. */
  target?: string;
  /** A platform id from the user-data size table (e.g. `aws`); no size finding when absent. */
  platform?: string;
}

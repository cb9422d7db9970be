/**
 * Reads a systemd unit file (or a Quadlet file, which uses the same syntax) the way systemd's
 * `config_parse()` does, keeping where each section header and key stands: comment lines (`#`,
 * `;`) are skipped, even inside a continuation; a line ending in an unescaped `\` continues on
 * the next; `[Name]` opens a section; `Key=Value` assigns.
 */

export interface UnitSection {
  name: string;
  /** 1-based line of the `[Name]` header in the unit text. */
  line: number;
  /** 1-based column (code points) of the name, after `[`. */
  column: number;
}

export interface UnitAssignment {
  /** The section it is in; null before any header. */
  section: string | null;
  key: string;
  value: string;
  /** 1-based line and column (code points) where the key starts. */
  line: number;
  column: number;
}

export interface UnitProblemLine {
  kind: "missing-equals" | "missing-key" | "bad-header";
  line: number;
  column: number;
  text: string;
}

export interface UnitText {
  sections: UnitSection[];
  assignments: UnitAssignment[];
  problems: UnitProblemLine[];
}

const WS = /^[ \t\n\r]*/;

/** Code-point length of `s`. */
const runes = (s: string): number => {
  let n = 0;
  for (const _ of s) n++;
  return n;
};

/** Whether `s` ends in a backslash that is not itself escaped. */
function endsEscaped(s: string): boolean {
  let escaped = false;
  for (const ch of s) escaped = escaped ? false : ch === "\\";
  return escaped;
}

export function parseUnitText(text: string): UnitText {
  const out: UnitText = { sections: [], assignments: [], problems: [] };
  const lines = text.replace(/^\uFEFF/, "").split("\n");
  let section: string | null = null;
  // A continued logical line: its text so far and where it started.
  let cont: { text: string; line: number; indent: number } | null = null;

  lines.forEach((raw, i) => {
    const lineNo = i + 1;
    const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    const lead = WS.exec(line)?.[0] ?? "";
    const body = line.slice(lead.length);
    if (body.startsWith("#") || body.startsWith(";")) return;
    let logical: string;
    let start: number;
    let indent: number;
    if (cont) {
      logical = cont.text + line;
      start = cont.line;
      indent = cont.indent;
    } else {
      logical = line;
      start = lineNo;
      indent = runes(lead);
    }
    if (endsEscaped(logical)) {
      cont = { text: logical.slice(0, -1) + " ", line: start, indent };
      return;
    }
    cont = null;
    handle(logical.trim(), start, indent);
  });
  if (cont !== null) {
    const c: { text: string; line: number; indent: number } = cont;
    handle(c.text.trim(), c.line, c.indent);
  }
  return out;

  function handle(l: string, line: number, indent: number): void {
    if (l === "") return;
    const column = indent + 1;
    if (l.startsWith("[")) {
      if (!l.endsWith("]")) {
        out.problems.push({ kind: "bad-header", line, column, text: l });
        return;
      }
      section = l.slice(1, -1);
      out.sections.push({ name: section, line, column: column + 1 });
      return;
    }
    const eq = l.indexOf("=");
    // Before any header systemd ignores the line whatever it holds ("Assignment outside of section").
    if (section === null) {
      out.assignments.push({ section, key: (eq < 0 ? l : l.slice(0, eq)).trim(), value: eq < 0 ? "" : l.slice(eq + 1).trim(), line, column });
      return;
    }
    if (eq < 0) {
      out.problems.push({ kind: "missing-equals", line, column, text: l });
      return;
    }
    if (eq === 0) {
      out.problems.push({ kind: "missing-key", line, column, text: l });
      return;
    }
    out.assignments.push({ section, key: l.slice(0, eq).trim(), value: l.slice(eq + 1).trim(), line, column });
  }
}

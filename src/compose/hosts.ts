/**
 * Per-host values: a hosts table (YAML or CSV) and `${NAME}` / `${NAME:-default}` placeholders in
 * the Butane text of every file of a project, substituted before transpiling.
 *
 * Placeholders (only when a hosts table is used; without one the files are plain Butane):
 *   - `${NAME}`: the host's value of NAME; a host without one is an error naming host, file,
 *     line and column. NAME is `[A-Za-z_][A-Za-z0-9_]*`.
 *   - `${NAME:-default}`: the host's value, or `default` when the host has none or an empty one
 *     (the shell's `:-`). The default runs to the first `}`.
 *   - `$${` is a literal `${` (as in Terraform's templatefile and Docker Compose, which snippet
 *     users already write for the shell scripts in their configs); `$NAME` without braces is text.
 *   - Any other `${` is an error (a script's `${HOME}` must be written `$${HOME}`).
 * Values are pasted as they are: a value with YAML syntax in it (`: `, a newline) changes the YAML.
 *
 * Hosts tables:
 *   - YAML, a map `host: {VAR: value, …}` or a list of maps each with a `host` key;
 *     a null value (`VAR: ~`) is no value, `""` is the empty value;
 *   - CSV (RFC 4180: quoted fields, `""` for a quote), a header row `host,VAR1,VAR2…`;
 *     an empty cell is no value.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from "yaml";

/** One host of the table and its variables (no entry: no value). */
export interface Host {
  name: string;
  vars: ReadonlyMap<string, string>;
  /** 1-based line of the host in the hosts table. */
  line: number;
}

/** A problem in a hosts table or with a placeholder, where it is. */
export interface ComposeProblem {
  message: string;
  /** The file it is in (a Butane file or the hosts table). */
  file: string;
  line?: number;
  column?: number;
  /** The host being built, for placeholder problems. */
  host?: string;
}

export type HostsParse = { ok: true; hosts: Host[] } | { ok: false; problems: ComposeProblem[] };

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A host name becomes a file name (`--out-dir`): no spaces or slashes, not `.` or `..`. */
const usableName = (name: string) => /^[^\s/\\]+$/.test(name) && name !== "." && name !== "..";

/** Reads a hosts table: CSV when `file` ends in `.csv`, YAML otherwise. */
export function parseHosts(text: string, file: string): HostsParse {
  return /\.csv$/i.test(file) ? parseHostsCsv(text, file) : parseHostsYaml(text, file);
}

/** A hosts table in YAML (see the module comment). */
export function parseHostsYaml(text: string, file: string): HostsParse {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, uniqueKeys: false });
  const problems: ComposeProblem[] = [];
  const at = (node: { range?: [number, number, number] | null } | null | undefined) => {
    const p = lc.linePos(node?.range?.[0] ?? 0);
    return { line: p.line, column: p.col };
  };
  const problem = (message: string, node?: { range?: [number, number, number] | null } | null) => problems.push({ message, file, ...at(node) });
  for (const e of doc.errors) problems.push({ message: e.message.split("\n")[0]!, file, line: e.linePos?.[0].line ?? 1, column: e.linePos?.[0].col ?? 1 });
  if (problems.length > 0) return { ok: false, problems };
  const hosts: Host[] = [];
  const seen = new Set<string>();
  const readVars = (name: string, nameNode: YamlNode | null, value: unknown, skip?: string) => {
    if (seen.has(name)) return problem(`host ${name} is listed twice`, nameNode);
    seen.add(name);
    if (!usableName(name)) return problem(`host name ${JSON.stringify(name)} is not usable as a file name`, nameNode);
    const vars = new Map<string, string>();
    if (value !== null && value !== undefined && !isMap(value) && !(isScalar(value) && value.value === null))
      return problem(`host ${name}: its variables must be a map of NAME: value`, value as YamlNode);
    for (const pair of isMap(value) ? value.items : []) {
      const key = isScalar(pair.key) ? String(pair.key.value) : "";
      if (key === skip) continue;
      if (!NAME.test(key)) {
        problem(`host ${name}: ${JSON.stringify(key)} is not a variable name (letters, digits and _, not starting with a digit)`, pair.key as YamlNode);
        continue;
      }
      if (vars.has(key)) problem(`host ${name}: ${key} is given twice`, pair.key as YamlNode);
      const v = pair.value;
      if (v === null || (isScalar(v) && v.value === null)) continue;
      if (!isScalar(v)) {
        problem(`host ${name}: the value of ${key} must be a scalar (a string or number)`, v as YamlNode);
        continue;
      }
      vars.set(key, typeof v.value === "string" ? v.value : (v.source ?? String(v.value)));
    }
    hosts.push({ name, vars, line: at(nameNode).line });
  };
  const root = doc.contents;
  if (isMap(root)) {
    for (const pair of root.items) {
      if (!isScalar(pair.key) || pair.key.value === null) {
        problem("a host name must be a scalar", pair.key as YamlNode);
        continue;
      }
      readVars(String(pair.key.value), pair.key as YamlNode, pair.value);
    }
  } else if (isSeq(root)) {
    for (const item of root.items) {
      const hostPair = isMap(item) ? item.items.find((p) => isScalar(p.key) && p.key.value === "host") : undefined;
      if (!hostPair || !isScalar(hostPair.value) || hostPair.value.value === null) {
        problem("each host of the list needs a `host` key with its name", item as YamlNode);
        continue;
      }
      readVars(String(hostPair.value.value), hostPair.value as YamlNode, item, "host");
    }
  } else if (root !== null) problem("a hosts table is a map of host: {NAME: value} or a list of maps with a `host` key", root as YamlNode);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, hosts };
}

/** The rows of a CSV text (RFC 4180), each cell with its line/column. */
function csvRows(text: string): { cells: { value: string; line: number; column: number }[]; line: number }[] | { error: string; line: number; column: number } {
  const rows: { cells: { value: string; line: number; column: number }[]; line: number }[] = [];
  let line = 1;
  let col = 1;
  let i = 0;
  let row: { cells: { value: string; line: number; column: number }[]; line: number } = { cells: [], line };
  const n = text.length;
  if (text.charCodeAt(0) === 0xfeff) i = 1;
  for (;;) {
    const cell = { value: "", line, column: col };
    const quoted = text[i] === '"';
    if (quoted) {
      i++;
      col++;
      for (;;) {
        if (i >= n) return { error: "a quoted field is not closed", line: cell.line, column: cell.column };
        const c = text[i]!;
        if (c === '"') {
          if (text[i + 1] === '"') {
            cell.value += '"';
            i += 2;
            col += 2;
            continue;
          }
          i++;
          col++;
          break;
        }
        cell.value += c;
        i++;
        if (c === "\n") {
          line++;
          col = 1;
        } else col++;
      }
      if (i < n && text[i] !== "," && text[i] !== "\n" && text[i] !== "\r") return { error: "text after a quoted field", line, column: col };
    } else {
      while (i < n && text[i] !== "," && text[i] !== "\n" && text[i] !== "\r") {
        cell.value += text[i];
        i++;
        col++;
      }
    }
    row.cells.push(cell);
    if (i < n && text[i] === ",") {
      i++;
      col++;
      continue;
    }
    // end of the row; a blank line is no row
    if (!(row.cells.length === 1 && cell.value === "" && !quoted)) rows.push(row);
    if (text[i] === "\r") i++;
    if (text[i] === "\n") i++;
    if (i >= n) break;
    line++;
    col = 1;
    row = { cells: [], line };
  }
  return rows;
}

/** A hosts table in CSV (see the module comment). */
export function parseHostsCsv(text: string, file: string): HostsParse {
  const rows = csvRows(text);
  if (!Array.isArray(rows)) return { ok: false, problems: [{ message: rows.error, file, line: rows.line, column: rows.column }] };
  const problems: ComposeProblem[] = [];
  const header = rows[0];
  if (!header || header.cells[0]!.value.trim() !== "host") {
    return { ok: false, problems: [{ message: "the first row must be the header `host,NAME1,NAME2…`", file, line: header?.line ?? 1, column: 1 }] };
  }
  const names = header.cells.slice(1).map((c) => c.value.trim());
  header.cells.slice(1).forEach((c, k) => {
    if (!NAME.test(names[k]!))
      problems.push({
        message: `${JSON.stringify(c.value)} is not a variable name (letters, digits and _, not starting with a digit)`,
        file,
        line: c.line,
        column: c.column,
      });
    else if (names.indexOf(names[k]!) !== k) problems.push({ message: `column ${names[k]} is given twice`, file, line: c.line, column: c.column });
  });
  const hosts: Host[] = [];
  const seen = new Set<string>();
  for (const row of rows.slice(1)) {
    const first = row.cells[0]!;
    const name = first.value.trim();
    if (row.cells.length !== header.cells.length) {
      problems.push({ message: `${row.cells.length} fields where the header has ${header.cells.length}`, file, line: row.line, column: 1 });
      continue;
    }
    if (name === "") {
      problems.push({ message: "a row without a host name", file, line: row.line, column: 1 });
      continue;
    }
    if (seen.has(name)) problems.push({ message: `host ${name} is listed twice`, file, line: first.line, column: first.column });
    if (!usableName(name))
      problems.push({ message: `host name ${JSON.stringify(name)} is not usable as a file name`, file, line: first.line, column: first.column });
    seen.add(name);
    const vars = new Map<string, string>();
    row.cells.slice(1).forEach((c, k) => {
      if (c.value !== "") vars.set(names[k]!, c.value);
    });
    hosts.push({ name, vars, line: row.line });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, hosts };
}

/** Whether `text` has any placeholder (or escape) for `substitute` to work on. */
export function hasPlaceholders(text: string): boolean {
  return text.includes("${");
}

/**
 * Replaces the placeholders of `text` (file `file`) with `host`'s values. Every missing value and
 * malformed placeholder is a problem with its 1-based line and (character) column.
 */
export function substitute(text: string, host: Host, file: string): { ok: true; text: string } | { ok: false; problems: ComposeProblem[] } {
  if (!text.includes("${")) return { ok: true, text };
  const problems: ComposeProblem[] = [];
  let out = "";
  let last = 0;
  const re = /\$?\$\{/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index;
    if (m[0] === "$${") {
      out += text.slice(last, start) + "${";
      last = start + 3;
      continue;
    }
    const close = text.indexOf("}", start + 2);
    const body = close < 0 ? null : text.slice(start + 2, close);
    const ph = body === null ? null : /^([A-Za-z_][A-Za-z0-9_]*)(?::-([^\n]*))?$/s.exec(body);
    if (!ph) {
      problems.push({
        ...position(text, start),
        file,
        host: host.name,
        message: "`${` starts no placeholder `${NAME}` or `${NAME:-default}`; write `$${` for a literal `${`",
      });
      re.lastIndex = start + 2;
      continue;
    }
    const name = ph[1]!;
    const value = host.vars.get(name);
    let replacement: string;
    if (ph[2] !== undefined) replacement = value === undefined || value === "" ? ph[2] : value;
    else if (value !== undefined) replacement = value;
    else {
      problems.push({ ...position(text, start), file, host: host.name, message: `host ${host.name} has no value for ${name}` });
      replacement = "";
    }
    out += text.slice(last, start) + replacement;
    last = close + 1;
    re.lastIndex = close + 1;
  }
  out += text.slice(last);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, text: out };
}

/** 1-based line and character (code point) column of offset `at`. */
function position(text: string, at: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i >= 0 && i < at; i = text.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: [...text.slice(lineStart, at)].length + 1 };
}

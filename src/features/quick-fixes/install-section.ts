/**
 * `unit "x.service" is enabled, but has no install section so enable does nothing`: adds
 * `[Install]` with a `WantedBy=` to the unit's inline contents. A block scalar (`|`, `|-`, `>`)
 * gets new lines at its own indentation, its chomping untouched; other scalars are rewritten.
 */
import { CST, isScalar } from "yaml";
import { setEdit } from "../../lib/yaml-edit/yaml-edit.ts";
import type { FixProvider, TextEdit } from "./types.ts";
import { nodeAt, parse, sourcePath } from "./yaml-read.ts";

const ENABLED_WITHOUT_INSTALL = /^unit "(.*)" is enabled, but has no install section so enable does nothing$/;

/** The target that usually pulls a unit in at boot, by its type. */
export function wantedByFor(unit: string): string {
  if (unit.endsWith(".timer")) return "timers.target";
  if (unit.endsWith(".socket")) return "sockets.target";
  if (unit.endsWith(".path")) return "paths.target";
  return "multi-user.target";
}

/** Lines to add to the unit text, and after which of its lines (index), for `contents`. */
function plan(contents: string, wantedBy: string): { after: number; lines: string[] } {
  const lines = contents.split("\n");
  const header = lines.findIndex((l) => /^\s*\[Install\]\s*$/.test(l));
  if (header >= 0) return { after: header, lines: [`WantedBy=${wantedBy}`] };
  let last = lines.length - 1;
  while (last > 0 && (lines[last] ?? "").trim() === "") last--;
  return { after: last, lines: ["", "[Install]", `WantedBy=${wantedBy}`] };
}

/** The unit text with the lines added (what the block edit must read back as). */
function planned(contents: string, p: { after: number; lines: string[] }): string {
  const lines = contents.split("\n");
  lines.splice(p.after + 1, 0, ...p.lines);
  return lines.join("\n");
}

/** New lines inside a literal or folded block scalar, after content line `after`. */
function blockEdit(source: string, tok: CST.BlockScalar, folded: boolean, p: { after: number; lines: string[] }): TextEdit | null {
  const header = tok.props.map((t) => CST.stringify(t)).join("");
  const bodyStart = tok.offset + header.length;
  const body = tok.source;
  const indicator = /[1-9]/.exec(header)?.[0];
  const firstContent = /^( *)\S/m.exec(body)?.[1]?.length;
  const indent = indicator !== undefined ? tok.indent + Number(indicator) : firstContent;
  if (indent === undefined || bodyStart > source.length) return null;
  const bodyLines = body.split("\n");
  let end = bodyStart;
  for (let i = 0; i <= p.after; i++) end += (bodyLines[i] ?? "").length + (i < p.after ? 1 : 0);
  const pad = " ".repeat(indent);
  // A folded block joins adjacent lines with a space: a blank line before each keeps them apart.
  const added = p.lines.flatMap((l) => (folded && l !== "" ? ["", l] : [l]));
  return { start: end, end, text: added.map((l) => "\n" + (l === "" ? "" : pad + l)).join("") };
}

export const installSection: FixProvider = {
  id: "install-section",
  diagnostic: "unit-enabled-without-install",
  fixes({ source, target }) {
    const unit = ENABLED_WITHOUT_INSTALL.exec(target.message)?.[1] ?? "";
    if (target.path[target.path.length - 1] !== "contents") return [];
    const doc = parse(source);
    // Through `<<: *unit` the contents live at the anchor: fixing them there fixes every user.
    const at = sourcePath(doc, target.path);
    const node = at?.node;
    if (!at || !isScalar(node) || typeof node.value !== "string") return [];
    const wantedBy = wantedByFor(unit);
    const p = plan(node.value, wantedBy);
    const title = `Add [Install] with WantedBy=${wantedBy}`;
    const tok = node.srcToken;
    if (tok && CST.isScalar(tok) && tok.type === "block-scalar") {
      const folded = node.type === "BLOCK_FOLDED";
      const edit = blockEdit(source, tok, folded, p);
      // Read back: the block must now hold exactly the planned unit text.
      if (edit) {
        const after = nodeAt(parse(source.slice(0, edit.start) + edit.text + source.slice(edit.end)), at.path);
        if (isScalar(after) && after.value === planned(node.value, p)) return [{ kind: "edit", title, edits: [edit], preferred: true }];
      }
    }
    const edit = setEdit(source, at.path as (string | number)[], planned(node.value, p));
    return edit ? [{ kind: "edit", title, edits: [edit], preferred: true }] : [];
  },
};

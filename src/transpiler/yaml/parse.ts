/**
 * Entry point of the YAML layer: the first document of a Butane config as a node tree, with the
 * positions, tags and error messages Go's gopkg.in/yaml.v3 gives Butane.
 */
import { EXCESSIVE_ALIASING, findExcessiveAlias } from "./aliasing.ts";
import { composeFirstDocument } from "./compose.ts";
import { collectDuplicateKeyErrors, duplicateKeyErrors, unmarshalErrorsMessage } from "./duplicates.ts";
import { YamlError } from "./errors.ts";
import { EventParser } from "./events.ts";
import type { YamlParseResult } from "./node.ts";
import { Scanner } from "./scanner.ts";
import { decodeInput } from "./reader.ts";

export { yamlErrorLine } from "./errors.ts";
export { duplicateKeyErrors, unmarshalErrorsMessage } from "./duplicates.ts";

/** Collections nested deeper than this are rejected (yaml.v3 itself allows 10000 levels). */
export const DEFAULT_MAX_DEPTH = 2000;

export interface ParseYamlOptions {
  /**
   * Which mappings to check for duplicate keys: `all` (default; every mapping of the document,
   * document order, not descending into a mapping that has duplicates), `root` (only the top-level
   * mapping, which is what Butane's first, version-sniffing decode checks) or `none`.
   */
  duplicateKeys?: "all" | "root" | "none";
  /** Maximum collection nesting depth (default `DEFAULT_MAX_DEPTH`). */
  maxDepth?: number;
}

/**
 * Parse the first YAML document of `source` the way yaml.v3 does; never throws. Bytes are decoded
 * as yaml.v3's reader decodes them (UTF-8, or UTF-16 after a byte order mark; malformed input is
 * an error); a string is read as its UTF-8 form.
 */
export function parseYaml(source: string | Uint8Array, options: ParseYamlOptions = {}): YamlParseResult {
  try {
    const parser = new EventParser(new Scanner(typeof source === "string" ? source : decodeInput(source)));
    const stats = { aliases: 0 };
    const root = composeFirstDocument(parser, options.maxDepth ?? DEFAULT_MAX_DEPTH, stats);
    // yaml.v3 aborts its decode on an alias bomb before it could report duplicate keys.
    const bomb = root === null || stats.aliases === 0 ? undefined : findExcessiveAlias(root);
    if (bomb !== undefined) return { ok: false, message: EXCESSIVE_ALIASING, line: bomb.line, column: bomb.column };
    const mode = options.duplicateKeys ?? "all";
    if (root !== null && mode !== "none") {
      const lines = mode === "all" ? collectDuplicateKeyErrors(root) : root.kind === "map" ? duplicateKeyErrors(root) : [];
      if (lines.length > 0) {
        const first = /^line (\d+):/.exec(lines[0] as string);
        return { ok: false, message: unmarshalErrorsMessage(lines), ...(first ? { line: Number(first[1]) } : {}) };
      }
    }
    return { ok: true, root };
  } catch (e) {
    if (e instanceof YamlError) {
      const pos = e.position;
      return pos ? { ok: false, message: e.message, line: pos.line + 1, column: pos.column + 1 } : { ok: false, message: e.message };
    }
    // Not expected; keep the promise of never throwing (e.g. out of memory on absurd input).
    return { ok: false, message: `yaml: ${e instanceof Error ? e.message : String(e)}` };
  }
}

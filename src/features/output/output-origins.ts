/**
 * The project's origins (src/compose: each merged node's file and line) placed on the output
 * text: which file and line produced the node at an offset, and which entries get a visible
 * label. Pure; the output view (src/editor/output-origins.ts) draws them.
 */
import type { EntryOrigin } from "../../compose/index.ts";
import { indexJson, nodeAt, type JsonIndex } from "../../lib/json-index.ts";
import { originsByKey } from "../../store/project-origins.ts";

/** Labels drawn at most (the hover and the open command work on every line regardless). */
export const MAX_ORIGIN_LABELS = 2000;

/** "snippets/ntp.bu:12". */
export const originText = (o: { file: string; line?: number | undefined }) => (o.line !== undefined ? `${o.file}:${o.line}` : o.file);

/** An entry of the output with a visible label: its node's text span and where it came from. */
export interface OriginLabel {
  start: number;
  end: number;
  origin: EntryOrigin;
}

/** The output text with its origins placed. */
export interface PlacedOrigins {
  index: JsonIndex;
  byKey: Map<string, EntryOrigin>;
  labels: OriginLabel[];
}

/** The origin of node `node`, or of its nearest ancestor that has one. */
export function originOfNode(placed: Pick<PlacedOrigins, "index" | "byKey">, node: number): EntryOrigin | undefined {
  const { index, byKey } = placed;
  for (let n = node; n >= 0; n = index.parent[n]!) {
    const o = byKey.get(index.key[n]!);
    if (o) return o;
  }
  return undefined;
}

/** The origin of whatever is at `offset` of the text. */
export function originAtOffset(placed: Pick<PlacedOrigins, "index" | "byKey">, offset: number): EntryOrigin | undefined {
  const node = nodeAt(placed.index, offset);
  return node >= 0 ? originOfNode(placed, node) : undefined;
}

/**
 * Indexes `text` and picks the entries to label: list entries and top-level values
 * (`ignition.version`), except an entry from the same file as the entry it sits in (a user's SSH
 * keys from the user's own file), so a label says something the one above does not.
 */
export function placeOrigins(text: string, origins: readonly EntryOrigin[], maxLabels = MAX_ORIGIN_LABELS): PlacedOrigins {
  const index = indexJson(text);
  const byKey = originsByKey(origins);
  const labels: OriginLabel[] = [];
  // The file of each node's nearest labelled entry (or undefined).
  const labelledFile: (string | undefined)[] = new Array<string | undefined>(index.size);
  const depth = new Uint16Array(index.size);
  for (let n = 0; n < index.size; n++) {
    const up = index.parent[n]!;
    depth[n] = up >= 0 ? depth[up]! + 1 : 0;
    const above = up >= 0 ? labelledFile[up] : undefined;
    labelledFile[n] = above;
    if (labels.length >= maxLabels) continue;
    // A container's first child follows it directly; a scalar's next node belongs elsewhere.
    const scalar = n + 1 >= index.size || index.parent[n + 1] !== n;
    const entry = index.element[n] === 1 || (depth[n]! <= 2 && scalar && depth[n]! > 0);
    if (!entry) continue;
    const o = byKey.get(index.key[n]!);
    if (!o || o.file === above) continue;
    labels.push({ start: index.start[n]!, end: index.end[n]!, origin: o });
    labelledFile[n] = o.file;
  }
  return { index, byKey, labels };
}

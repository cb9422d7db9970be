/**
 * Builds the first document's node tree from parser events, as yaml.v3's node parser does:
 * positions from event start marks, tags resolved on creation, anchors registered before a
 * collection's children (so an alias may point at an ancestor), unknown aliases rejected.
 * Iterative, so nesting depth cannot overflow the stack.
 */
import { YamlError } from "./errors.ts";
import type { EventParser, YamlEvent } from "./events.ts";
import type { YAlias, YMap, YNode, YScalar, YSeq } from "./node.ts";
import { resolvePlainTag, shortTag } from "./resolve.ts";

interface MapFrame {
  node: YMap;
  key: YNode | undefined;
}
interface SeqFrame {
  node: YSeq;
}
type Frame = MapFrame | SeqFrame;

/** Explicit tag of an event, if it has one that yaml.v3 keeps (`!` alone is non-specific). */
function explicitTag(ev: YamlEvent): string | undefined {
  return ev.tag !== undefined && ev.tag !== "" && ev.tag !== "!" ? shortTag(ev.tag) : undefined;
}

function scalarNode(ev: YamlEvent): YScalar {
  const value = ev.value ?? "";
  const style = ev.style ?? "plain";
  let tag = explicitTag(ev);
  if (tag === undefined) {
    if (style !== "plain") tag = "!!str";
    else if (value === "<<") tag = "!!merge";
    else tag = resolvePlainTag(value);
  }
  const node: YScalar = { kind: "scalar", line: ev.start.line + 1, column: ev.start.column + 1, value, tag, style };
  if (ev.anchor !== undefined) node.anchor = ev.anchor;
  return node;
}

function collectionNode(ev: YamlEvent): YMap | YSeq {
  const line = ev.start.line + 1;
  const column = ev.start.column + 1;
  const node: YMap | YSeq = ev.type === "MAPPING-START" ? { kind: "map", line, column, entries: [] } : { kind: "seq", line, column, items: [] };
  const tag = explicitTag(ev);
  if (tag !== undefined) node.tag = tag;
  if (ev.anchor !== undefined) node.anchor = ev.anchor;
  return node;
}

/** Counts gathered while composing. */
export interface ComposeStats {
  /** Alias nodes built (0 means no alias can expand, so no alias bomb). */
  aliases: number;
}

/**
 * Compose the first document. Returns null when the stream has no document. Throws YamlError.
 * Collections nested deeper than `maxDepth` fail with `exceeded max depth of <maxDepth>`, but only
 * after the rest of the document was parsed without a yaml.v3 error (which takes precedence).
 */
export function composeFirstDocument(parser: EventParser, maxDepth: number, stats?: ComposeStats): YNode | null {
  let ev = parser.next();
  if (ev.type === "STREAM-START") ev = parser.next();
  if (ev.type !== "DOCUMENT-START") return null;

  const anchors = new Map<string, YNode>();
  const stack: Frame[] = [];
  let root: YNode | null = null;
  /** Depth reached beyond `maxDepth`; while > 0 nodes are only checked, not built. */
  let overflow = 0;
  let seenOverflow = false;
  const seenAnchors = new Set<string>();

  const attach = (node: YNode): void => {
    const top = stack[stack.length - 1];
    if (top === undefined) {
      root ??= node;
    } else if ("key" in top) {
      if (top.key === undefined) {
        top.key = node;
      } else {
        top.node.entries.push({ key: top.key, value: node });
        top.key = undefined;
      }
    } else {
      top.node.items.push(node);
    }
  };

  for (;;) {
    ev = parser.next();
    switch (ev.type) {
      case "DOCUMENT-END":
      case "STREAM-END":
        if (seenOverflow) {
          throw new YamlError("composer", `exceeded max depth of ${maxDepth}`);
        }
        return root;
      case "ALIAS": {
        const name = ev.anchor ?? "";
        const target = anchors.get(name);
        if (target === undefined && !seenAnchors.has(name)) {
          throw new YamlError("composer", `unknown anchor '${name}' referenced`, undefined, undefined, ev.start);
        }
        if (overflow === 0 && target !== undefined) {
          const alias: YAlias = { kind: "alias", line: ev.start.line + 1, column: ev.start.column + 1, name, target };
          attach(alias);
          if (stats !== undefined) stats.aliases++;
        }
        break;
      }
      case "SCALAR": {
        if (overflow > 0) {
          if (ev.anchor !== undefined) seenAnchors.add(ev.anchor);
          break;
        }
        const node = scalarNode(ev);
        if (ev.anchor !== undefined) anchors.set(ev.anchor, node);
        attach(node);
        break;
      }
      case "SEQUENCE-START":
      case "MAPPING-START": {
        if (overflow > 0 || stack.length >= maxDepth) {
          overflow++;
          seenOverflow = true;
          if (ev.anchor !== undefined) seenAnchors.add(ev.anchor);
          break;
        }
        const node = collectionNode(ev);
        if (ev.anchor !== undefined) anchors.set(ev.anchor, node);
        attach(node);
        stack.push(node.kind === "map" ? { node, key: undefined } : { node });
        break;
      }
      case "SEQUENCE-END":
      case "MAPPING-END":
        if (overflow > 0) overflow--;
        else stack.pop();
        break;
      case "STREAM-START":
      case "DOCUMENT-START":
        break;
    }
  }
}

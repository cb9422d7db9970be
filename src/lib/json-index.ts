/**
 * Where each member and element of a JSON text starts and ends, by its path: the output view
 * uses it to put the project's origins (a path in the merged config → file and line) on the
 * output's lines. One pass, no parse tree; a text cut short (the view shows at most a megabyte of
 * a long output) is indexed as far as it goes.
 */

/** A path element: an object member's name or an array index. */
export type JsonPathElem = string | number;

/**
 * A path as one string: names JSON-quoted, indexes bare, joined by commas (`"passwd","users",0`;
 * the root is ""). The same string for the same path, whatever escapes the text used.
 */
export function jsonPathKey(path: readonly JsonPathElem[]): string {
  let key = "";
  for (let i = 0; i < path.length; i++) {
    const e = path[i]!;
    key += (i > 0 ? "," : "") + (typeof e === "number" ? String(e) : JSON.stringify(e));
  }
  return key;
}

export interface JsonIndex {
  /** Nodes indexed, in text order (0 is the root value). */
  size: number;
  /** Offset where node i starts: its name's opening quote for a member, else its value. */
  start: Int32Array;
  /** Offset just after node i's value (the text's length for one cut short). */
  end: Int32Array;
  /** Index of node i's parent (-1 for the root). */
  parent: Int32Array;
  /** Node i's path ({@link jsonPathKey}). */
  key: string[];
  /** True when node i is an array element. */
  element: Uint8Array;
  /** True when the text has more nodes than were indexed (`maxNodes`). */
  truncated: boolean;
}

const isWs = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/** Indexes at most `maxNodes` nodes of `text` (JSON as any encoder prints it, pretty or compact). */
export function indexJson(text: string, maxNodes = 200_000): JsonIndex {
  const n = text.length;
  const cap = Math.max(1, Math.min(maxNodes, n + 1));
  // Typed arrays sized for the worst case are cheap; the tail is cut off at the end.
  let size = 0;
  let start = new Int32Array(Math.min(cap, 1024));
  let end = new Int32Array(start.length);
  let parent = new Int32Array(start.length);
  let element = new Uint8Array(start.length);
  const key: string[] = [];
  let truncated = false;
  let i = 0;

  const grow = () => {
    const m = Math.min(cap, start.length * 2);
    const s = new Int32Array(m);
    s.set(start);
    start = s;
    const e = new Int32Array(m);
    e.set(end);
    end = e;
    const p = new Int32Array(m);
    p.set(parent);
    parent = p;
    const el = new Uint8Array(m);
    el.set(element);
    element = el;
  };
  const skipWs = () => {
    while (i < n && isWs(text.charCodeAt(i))) i++;
  };
  /** Moves past the string starting at `i` (its opening quote). */
  const skipString = () => {
    for (;;) {
      const q = text.indexOf('"', i + 1);
      if (q < 0) {
        i = n;
        return;
      }
      // escaped when an odd number of backslashes precede it
      let b = q - 1;
      while (text.charCodeAt(b) === 0x5c) b--;
      i = q;
      if ((q - 1 - b) % 2 === 0) {
        i = q + 1;
        return;
      }
    }
  };
  const addNode = (at: number, up: number, k: string, isElement: boolean): number => {
    if (size === start.length) grow();
    start[size] = at;
    end[size] = -1;
    parent[size] = up;
    element[size] = isElement ? 1 : 0;
    key.push(k);
    return size++;
  };

  // The open containers: node index, whether an array, elements seen so far.
  const stack: { node: number; array: boolean; count: number }[] = [];
  /** Reads the value at `i` for `node`: a container is opened, anything else is skipped. */
  const value = (node: number) => {
    const c = text.charCodeAt(i);
    if (c === 0x7b || c === 0x5b) {
      stack.push({ node, array: c === 0x5b, count: 0 });
      i++;
      return;
    }
    if (c === 0x22) skipString();
    else {
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d === 0x2c || d === 0x7d || d === 0x5d || isWs(d)) break;
        i++;
      }
    }
    end[node] = i;
  };

  skipWs();
  if (i < n) value(addNode(i, -1, "", false));
  while (stack.length > 0) {
    skipWs();
    if (i >= n) break;
    const top = stack[stack.length - 1]!;
    const c = text.charCodeAt(i);
    if (c === 0x7d || c === 0x5d) {
      i++;
      end[top.node] = i;
      stack.pop();
      continue;
    }
    if (c === 0x2c) {
      i++;
      continue;
    }
    if (size >= cap) {
      truncated = true;
      break;
    }
    const up = key[top.node]!;
    if (top.array) {
      const k = String(top.count++);
      value(addNode(i, top.node, up === "" ? k : `${up},${k}`, true));
      continue;
    }
    if (c !== 0x22) break; // not JSON: stop here
    const at = i;
    skipString();
    const raw = text.slice(at, i);
    let name = raw;
    // Escapes vary by encoder (Go writes < as \u003c): the key uses one spelling.
    if (raw.includes("\\")) {
      try {
        name = JSON.stringify(JSON.parse(raw) as string);
      } catch {
        break; // cut short inside the name
      }
    }
    skipWs();
    if (text.charCodeAt(i) !== 0x3a) break;
    i++;
    skipWs();
    if (i >= n) break;
    value(addNode(at, top.node, up === "" ? name : `${up},${name}`, false));
  }
  for (let k = 0; k < size; k++) if (end[k] === -1) end[k] = n;
  return {
    size,
    start: start.subarray(0, size),
    end: end.subarray(0, size),
    parent: parent.subarray(0, size),
    key,
    element: element.subarray(0, size),
    truncated,
  };
}

/** The innermost node whose text contains `offset` (a member's name included), or -1. */
export function nodeAt(index: JsonIndex, offset: number): number {
  // The last node starting at or before offset, then out to the first that still contains it.
  let lo = 0;
  let hi = index.size - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (index.start[mid]! <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  while (found >= 0 && index.end[found]! <= offset) found = index.parent[found]!;
  return found;
}

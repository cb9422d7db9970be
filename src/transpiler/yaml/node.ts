/**
 * The YAML tree the transpiler works on: the first document of the input, with the positions
 * yaml.v3 (Go) gives its nodes, and scalars resolved the way yaml.v3 resolves them.
 */

interface NodeBase {
  /** 1-based line, as yaml.v3 reports it. */
  line: number;
  /** 1-based column counted in Unicode code points (runes), as yaml.v3 reports it. */
  column: number;
  /** Anchor name when the node carries `&name`. */
  anchor?: string;
}

/** Tag of a resolved scalar, as yaml.v3 names it (`!!str`, `!!int`, …). Explicit custom tags are kept verbatim. */
export type ScalarTag = "!!null" | "!!bool" | "!!int" | "!!float" | "!!str" | "!!timestamp" | "!!binary" | string;

export interface YScalar extends NodeBase {
  kind: "scalar";
  /** The scalar's value text after unquoting/folding (yaml.v3 `Node.Value`). */
  value: string;
  /** Resolved tag (explicit tag if given, else yaml.v3's implicit resolution; quoted/block scalars are `!!str`). */
  tag: ScalarTag;
  style: "plain" | "single" | "double" | "literal" | "folded";
}

export interface YPair {
  key: YNode;
  value: YNode;
}

export interface YMap extends NodeBase {
  kind: "map";
  entries: YPair[];
  /** Explicit tag, if any (e.g. `!!map`). */
  tag?: string;
}

export interface YSeq extends NodeBase {
  kind: "seq";
  items: YNode[];
  tag?: string;
}

/** `*name`: the decoder expands it; the context tree treats it as a leaf. */
export interface YAlias extends NodeBase {
  kind: "alias";
  name: string;
  target: YNode;
}

export type YNode = YScalar | YMap | YSeq | YAlias;

export type YamlParseResult =
  /** `root` is null for an empty document (empty input, only comments). */
  | { ok: true; root: YNode | null }
  /**
   * The yaml.v3 error text, exactly as Go prints it, e.g.
   * `yaml: line 3: did not find expected node content` or
   * `yaml: unmarshal errors:\n  line 3: mapping key "version" already defined at line 2`.
   */
  | {
      ok: false;
      message: string;
      /** 1-based line of the problem, for editors (the line in `message` follows yaml.v3's own rules). */
      line?: number;
      /** 1-based column (in code points) of the problem, for editors. */
      column?: number;
    };

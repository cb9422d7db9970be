/**
 * Event parser with the behaviour of yaml.v3's libyaml port: an explicit state stack (no
 * recursion), the same event marks, and the same error texts and marks.
 */
import { YamlError, type Mark } from "./errors.ts";
import type { Scanner } from "./scanner.ts";
import type { ScalarStyle, Token, TokenType } from "./tokens.ts";

export type EventType =
  "STREAM-START" | "STREAM-END" | "DOCUMENT-START" | "DOCUMENT-END" | "ALIAS" | "SCALAR" | "SEQUENCE-START" | "SEQUENCE-END" | "MAPPING-START" | "MAPPING-END";

/** A parser event; every instance has the same fields. */
export class YamlEvent {
  type: EventType;
  start: Mark;
  /** ANCHOR name of a node, or the name an ALIAS refers to. */
  anchor: string | undefined;
  /** Resolved tag (`tag:yaml.org,2002:str`, `!foo`, …). */
  tag: string | undefined;
  value: string | undefined;
  style: ScalarStyle | undefined;
  /** Collection events: flow style. */
  flow: boolean;

  constructor(type: EventType, start: Mark, anchor?: string, tag?: string, value?: string, style?: ScalarStyle, flow = false) {
    this.type = type;
    this.start = start;
    this.anchor = anchor;
    this.tag = tag;
    this.value = value;
    this.style = style;
    this.flow = flow;
  }
}

type State =
  | "STREAM-START"
  | "IMPLICIT-DOCUMENT-START"
  | "DOCUMENT-START"
  | "DOCUMENT-CONTENT"
  | "DOCUMENT-END"
  | "BLOCK-NODE"
  | "BLOCK-SEQUENCE-FIRST-ENTRY"
  | "BLOCK-SEQUENCE-ENTRY"
  | "INDENTLESS-SEQUENCE-ENTRY"
  | "BLOCK-MAPPING-FIRST-KEY"
  | "BLOCK-MAPPING-KEY"
  | "BLOCK-MAPPING-VALUE"
  | "FLOW-SEQUENCE-FIRST-ENTRY"
  | "FLOW-SEQUENCE-ENTRY"
  | "FLOW-SEQUENCE-ENTRY-MAPPING-KEY"
  | "FLOW-SEQUENCE-ENTRY-MAPPING-VALUE"
  | "FLOW-SEQUENCE-ENTRY-MAPPING-END"
  | "FLOW-MAPPING-FIRST-KEY"
  | "FLOW-MAPPING-KEY"
  | "FLOW-MAPPING-VALUE"
  | "FLOW-MAPPING-EMPTY-VALUE"
  | "END";

interface TagDirective {
  handle: string;
  prefix: string;
}

const DEFAULT_TAG_DIRECTIVES: readonly TagDirective[] = [
  { handle: "!", prefix: "!" },
  { handle: "!!", prefix: "tag:yaml.org,2002:" },
];

export class EventParser {
  private state: State = "STREAM-START";
  private readonly states: State[] = [];
  /** Start marks of the open collections (the context of "did not find expected …" errors). */
  private readonly marks: Mark[] = [];
  private tagDirectives: TagDirective[] = [];
  private readonly scanner: Scanner;

  constructor(scanner: Scanner) {
    this.scanner = scanner;
  }

  /** The next event; throws a YamlError on malformed input. */
  next(): YamlEvent {
    if (this.scanner.pendingError) throw this.scanner.pendingError;
    if (this.state === "END") return new YamlEvent("STREAM-END", { index: 0, line: 0, column: 0 });
    return this.step();
  }

  private peek(): Token {
    return this.scanner.peekToken();
  }

  private skip(): void {
    this.scanner.skipToken();
  }

  private popState(): void {
    this.state = this.states.pop() as State;
  }

  private step(): YamlEvent {
    switch (this.state) {
      case "STREAM-START":
        return this.parseStreamStart();
      case "IMPLICIT-DOCUMENT-START":
        return this.parseDocumentStart(true);
      case "DOCUMENT-START":
        return this.parseDocumentStart(false);
      case "DOCUMENT-CONTENT":
        return this.parseDocumentContent();
      case "DOCUMENT-END":
        return this.parseDocumentEnd();
      case "BLOCK-NODE":
        return this.parseNode(true, false);
      case "BLOCK-SEQUENCE-FIRST-ENTRY":
        return this.parseBlockSequenceEntry(true);
      case "BLOCK-SEQUENCE-ENTRY":
        return this.parseBlockSequenceEntry(false);
      case "INDENTLESS-SEQUENCE-ENTRY":
        return this.parseIndentlessSequenceEntry();
      case "BLOCK-MAPPING-FIRST-KEY":
        return this.parseBlockMappingKey(true);
      case "BLOCK-MAPPING-KEY":
        return this.parseBlockMappingKey(false);
      case "BLOCK-MAPPING-VALUE":
        return this.parseBlockMappingValue();
      case "FLOW-SEQUENCE-FIRST-ENTRY":
        return this.parseFlowSequenceEntry(true);
      case "FLOW-SEQUENCE-ENTRY":
        return this.parseFlowSequenceEntry(false);
      case "FLOW-SEQUENCE-ENTRY-MAPPING-KEY":
        return this.parseFlowSequenceEntryMappingKey();
      case "FLOW-SEQUENCE-ENTRY-MAPPING-VALUE":
        return this.parseFlowSequenceEntryMappingValue();
      case "FLOW-SEQUENCE-ENTRY-MAPPING-END":
        return this.parseFlowSequenceEntryMappingEnd();
      case "FLOW-MAPPING-FIRST-KEY":
        return this.parseFlowMappingKey(true);
      case "FLOW-MAPPING-KEY":
        return this.parseFlowMappingKey(false);
      case "FLOW-MAPPING-VALUE":
        return this.parseFlowMappingValue(false);
      case "FLOW-MAPPING-EMPTY-VALUE":
        return this.parseFlowMappingValue(true);
      case "END":
        return new YamlEvent("STREAM-END", { index: 0, line: 0, column: 0 });
    }
  }

  private error(problem: string, problemMark: Mark): YamlError {
    return new YamlError("parser", problem, undefined, problemMark);
  }

  private errorWithContext(contextMark: Mark, problem: string, problemMark: Mark): YamlError {
    return new YamlError("parser", problem, contextMark, problemMark);
  }

  private emptyScalar(mark: Mark): YamlEvent {
    return new YamlEvent("SCALAR", mark, undefined, undefined, "", "plain");
  }

  private parseStreamStart(): YamlEvent {
    const token = this.peek();
    if (token.type !== "STREAM-START") throw this.error("did not find expected <stream-start>", token.start);
    this.state = "IMPLICIT-DOCUMENT-START";
    this.skip();
    return new YamlEvent("STREAM-START", token.start);
  }

  private parseDocumentStart(implicit: boolean): YamlEvent {
    let token = this.peek();
    if (!implicit) {
      while (token.type === "DOCUMENT-END") {
        this.skip();
        token = this.peek();
      }
    }
    if (implicit && token.type !== "VERSION-DIRECTIVE" && token.type !== "TAG-DIRECTIVE" && token.type !== "DOCUMENT-START" && token.type !== "STREAM-END") {
      this.processDirectives();
      this.states.push("DOCUMENT-END");
      this.state = "BLOCK-NODE";
      return new YamlEvent("DOCUMENT-START", token.start);
    }
    if (token.type !== "STREAM-END") {
      const start = token.start;
      this.processDirectives();
      token = this.peek();
      if (token.type !== "DOCUMENT-START") throw this.error("did not find expected <document start>", token.start);
      this.states.push("DOCUMENT-END");
      this.state = "DOCUMENT-CONTENT";
      this.skip();
      return new YamlEvent("DOCUMENT-START", start);
    }
    this.state = "END";
    this.skip();
    return new YamlEvent("STREAM-END", token.start);
  }

  private parseDocumentContent(): YamlEvent {
    const token = this.peek();
    if (
      token.type === "VERSION-DIRECTIVE" ||
      token.type === "TAG-DIRECTIVE" ||
      token.type === "DOCUMENT-START" ||
      token.type === "DOCUMENT-END" ||
      token.type === "STREAM-END"
    ) {
      this.popState();
      return this.emptyScalar(token.start);
    }
    return this.parseNode(true, false);
  }

  private parseDocumentEnd(): YamlEvent {
    const token = this.peek();
    if (token.type === "DOCUMENT-END") this.skip();
    this.tagDirectives = [];
    this.state = "DOCUMENT-START";
    return new YamlEvent("DOCUMENT-END", token.start);
  }

  private parseNode(block: boolean, indentlessSequence: boolean): YamlEvent {
    let token = this.peek();
    if (token.type === "ALIAS") {
      this.popState();
      this.skip();
      return new YamlEvent("ALIAS", token.start, token.value ?? "");
    }

    const start = token.start;
    let anchor: string | undefined;
    let tagToken: Token | undefined;
    if (token.type === "ANCHOR") {
      anchor = token.value ?? "";
      this.skip();
      token = this.peek();
      if (token.type === "TAG") {
        tagToken = token;
        this.skip();
        token = this.peek();
      }
    } else if (token.type === "TAG") {
      tagToken = token;
      this.skip();
      token = this.peek();
      if (token.type === "ANCHOR") {
        anchor = token.value ?? "";
        this.skip();
        token = this.peek();
      }
    }

    let tag: string | undefined;
    if (tagToken !== undefined) {
      const handle = tagToken.value ?? "";
      const suffix = tagToken.suffix ?? "";
      if (handle === "") {
        tag = suffix;
      } else {
        const directive = this.tagDirectives.find((d) => d.handle === handle);
        tag = directive ? directive.prefix + suffix : "";
        if (tag === "") {
          throw this.errorWithContext(start, "found undefined tag handle", tagToken.start);
        }
      }
      if (tag === "") tag = undefined;
    }

    if (indentlessSequence && token.type === "BLOCK-ENTRY") {
      this.state = "INDENTLESS-SEQUENCE-ENTRY";
      return this.collectionStart("SEQUENCE-START", start, anchor, tag, false);
    }
    switch (token.type) {
      case "SCALAR":
        this.popState();
        this.skip();
        return new YamlEvent("SCALAR", start, anchor, tag, token.value ?? "", token.style ?? "plain");
      case "FLOW-SEQUENCE-START":
        this.state = "FLOW-SEQUENCE-FIRST-ENTRY";
        return this.collectionStart("SEQUENCE-START", start, anchor, tag, true);
      case "FLOW-MAPPING-START":
        this.state = "FLOW-MAPPING-FIRST-KEY";
        return this.collectionStart("MAPPING-START", start, anchor, tag, true);
      case "BLOCK-SEQUENCE-START":
        if (!block) break;
        this.state = "BLOCK-SEQUENCE-FIRST-ENTRY";
        return this.collectionStart("SEQUENCE-START", start, anchor, tag, false);
      case "BLOCK-MAPPING-START":
        if (!block) break;
        this.state = "BLOCK-MAPPING-FIRST-KEY";
        return this.collectionStart("MAPPING-START", start, anchor, tag, false);
      default:
        break;
    }
    if (anchor !== undefined || tagToken !== undefined) {
      // Properties without content: an empty plain scalar.
      this.popState();
      return new YamlEvent("SCALAR", start, anchor, tag, "", "plain");
    }
    throw this.errorWithContext(start, "did not find expected node content", token.start);
  }

  private collectionStart(
    type: "SEQUENCE-START" | "MAPPING-START",
    start: Mark,
    anchor: string | undefined,
    tag: string | undefined,
    flow: boolean,
  ): YamlEvent {
    return new YamlEvent(type, start, anchor, tag, undefined, undefined, flow);
  }

  private parseBlockSequenceEntry(first: boolean): YamlEvent {
    if (first) {
      this.marks.push(this.peek().start);
      this.skip();
    }
    let token = this.peek();
    if (token.type === "BLOCK-ENTRY") {
      const mark = token.end;
      this.skip();
      token = this.peek();
      if (token.type !== "BLOCK-ENTRY" && token.type !== "BLOCK-END") {
        this.states.push("BLOCK-SEQUENCE-ENTRY");
        return this.parseNode(true, false);
      }
      this.state = "BLOCK-SEQUENCE-ENTRY";
      return this.emptyScalar(mark);
    }
    if (token.type === "BLOCK-END") {
      this.popState();
      this.marks.pop();
      this.skip();
      return new YamlEvent("SEQUENCE-END", token.start);
    }
    const contextMark = this.marks.pop() as Mark;
    throw this.errorWithContext(contextMark, "did not find expected '-' indicator", token.start);
  }

  private parseIndentlessSequenceEntry(): YamlEvent {
    let token = this.peek();
    if (token.type === "BLOCK-ENTRY") {
      const mark = token.end;
      this.skip();
      token = this.peek();
      if (!isOneOf(token.type, "BLOCK-ENTRY", "KEY", "VALUE", "BLOCK-END")) {
        this.states.push("INDENTLESS-SEQUENCE-ENTRY");
        return this.parseNode(true, false);
      }
      this.state = "INDENTLESS-SEQUENCE-ENTRY";
      return this.emptyScalar(mark);
    }
    this.popState();
    return new YamlEvent("SEQUENCE-END", token.start);
  }

  private parseBlockMappingKey(first: boolean): YamlEvent {
    if (first) {
      this.marks.push(this.peek().start);
      this.skip();
    }
    let token = this.peek();
    if (token.type === "KEY") {
      const mark = token.end;
      this.skip();
      token = this.peek();
      if (!isOneOf(token.type, "KEY", "VALUE", "BLOCK-END")) {
        this.states.push("BLOCK-MAPPING-VALUE");
        return this.parseNode(true, true);
      }
      this.state = "BLOCK-MAPPING-VALUE";
      return this.emptyScalar(mark);
    }
    if (token.type === "BLOCK-END") {
      this.popState();
      this.marks.pop();
      this.skip();
      return new YamlEvent("MAPPING-END", token.start);
    }
    const contextMark = this.marks.pop() as Mark;
    throw this.errorWithContext(contextMark, "did not find expected key", token.start);
  }

  private parseBlockMappingValue(): YamlEvent {
    let token = this.peek();
    if (token.type === "VALUE") {
      const mark = token.end;
      this.skip();
      token = this.peek();
      if (!isOneOf(token.type, "KEY", "VALUE", "BLOCK-END")) {
        this.states.push("BLOCK-MAPPING-KEY");
        return this.parseNode(true, true);
      }
      this.state = "BLOCK-MAPPING-KEY";
      return this.emptyScalar(mark);
    }
    this.state = "BLOCK-MAPPING-KEY";
    return this.emptyScalar(token.start);
  }

  private parseFlowSequenceEntry(first: boolean): YamlEvent {
    if (first) {
      this.marks.push(this.peek().start);
      this.skip();
    }
    let token = this.peek();
    if (token.type !== "FLOW-SEQUENCE-END") {
      if (!first) {
        if (token.type !== "FLOW-ENTRY") {
          const contextMark = this.marks.pop() as Mark;
          throw this.errorWithContext(contextMark, "did not find expected ',' or ']'", token.start);
        }
        this.skip();
        token = this.peek();
      }
      if (token.type === "KEY") {
        this.state = "FLOW-SEQUENCE-ENTRY-MAPPING-KEY";
        this.skip();
        return new YamlEvent("MAPPING-START", token.start, undefined, undefined, undefined, undefined, true);
      }
      if (token.type !== "FLOW-SEQUENCE-END") {
        this.states.push("FLOW-SEQUENCE-ENTRY");
        return this.parseNode(false, false);
      }
    }
    this.popState();
    this.marks.pop();
    this.skip();
    return new YamlEvent("SEQUENCE-END", token.start);
  }

  private parseFlowSequenceEntryMappingKey(): YamlEvent {
    const token = this.peek();
    if (!isOneOf(token.type, "VALUE", "FLOW-ENTRY", "FLOW-SEQUENCE-END")) {
      this.states.push("FLOW-SEQUENCE-ENTRY-MAPPING-VALUE");
      return this.parseNode(false, false);
    }
    // libyaml consumes the token here (even a ',' or ']').
    const mark = token.end;
    this.skip();
    this.state = "FLOW-SEQUENCE-ENTRY-MAPPING-VALUE";
    return this.emptyScalar(mark);
  }

  private parseFlowSequenceEntryMappingValue(): YamlEvent {
    const token = this.peek();
    if (token.type === "VALUE") {
      this.skip();
      const next = this.peek();
      if (next.type !== "FLOW-ENTRY" && next.type !== "FLOW-SEQUENCE-END") {
        this.states.push("FLOW-SEQUENCE-ENTRY-MAPPING-END");
        return this.parseNode(false, false);
      }
    }
    // The empty value sits at the ':' (yaml.v3 keeps the outer token here).
    this.state = "FLOW-SEQUENCE-ENTRY-MAPPING-END";
    return this.emptyScalar(token.start);
  }

  private parseFlowSequenceEntryMappingEnd(): YamlEvent {
    const token = this.peek();
    this.state = "FLOW-SEQUENCE-ENTRY";
    return new YamlEvent("MAPPING-END", token.start);
  }

  private parseFlowMappingKey(first: boolean): YamlEvent {
    if (first) {
      this.marks.push(this.peek().start);
      this.skip();
    }
    let token = this.peek();
    if (token.type !== "FLOW-MAPPING-END") {
      if (!first) {
        if (token.type !== "FLOW-ENTRY") {
          const contextMark = this.marks.pop() as Mark;
          throw this.errorWithContext(contextMark, "did not find expected ',' or '}'", token.start);
        }
        this.skip();
        token = this.peek();
      }
      if (token.type === "KEY") {
        this.skip();
        token = this.peek();
        if (!isOneOf(token.type, "VALUE", "FLOW-ENTRY", "FLOW-MAPPING-END")) {
          this.states.push("FLOW-MAPPING-VALUE");
          return this.parseNode(false, false);
        }
        this.state = "FLOW-MAPPING-VALUE";
        return this.emptyScalar(token.start);
      }
      if (token.type !== "FLOW-MAPPING-END") {
        this.states.push("FLOW-MAPPING-EMPTY-VALUE");
        return this.parseNode(false, false);
      }
    }
    this.popState();
    this.marks.pop();
    this.skip();
    return new YamlEvent("MAPPING-END", token.start);
  }

  private parseFlowMappingValue(empty: boolean): YamlEvent {
    let token = this.peek();
    if (empty) {
      this.state = "FLOW-MAPPING-KEY";
      return this.emptyScalar(token.start);
    }
    if (token.type === "VALUE") {
      this.skip();
      token = this.peek();
      if (token.type !== "FLOW-ENTRY" && token.type !== "FLOW-MAPPING-END") {
        this.states.push("FLOW-MAPPING-KEY");
        return this.parseNode(false, false);
      }
    }
    this.state = "FLOW-MAPPING-KEY";
    return this.emptyScalar(token.start);
  }

  private processDirectives(): void {
    let versionSeen = false;
    let token = this.peek();
    while (token.type === "VERSION-DIRECTIVE" || token.type === "TAG-DIRECTIVE") {
      if (token.type === "VERSION-DIRECTIVE") {
        if (versionSeen) throw this.error("found duplicate %YAML directive", token.start);
        if (token.major !== 1 || token.minor !== 1) throw this.error("found incompatible YAML document", token.start);
        versionSeen = true;
      } else {
        const handle = token.value ?? "";
        if (this.tagDirectives.some((d) => d.handle === handle)) {
          throw this.error("found duplicate %TAG directive", token.start);
        }
        this.tagDirectives.push({ handle, prefix: token.prefix ?? "" });
      }
      this.skip();
      token = this.peek();
    }
    for (const d of DEFAULT_TAG_DIRECTIVES) {
      if (!this.tagDirectives.some((t) => t.handle === d.handle)) this.tagDirectives.push({ ...d });
    }
  }
}

function isOneOf(type: TokenType, ...types: TokenType[]): boolean {
  return types.includes(type);
}

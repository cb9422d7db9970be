/**
 * Character-level reading for the scanner: position tracking the way libyaml counts (code points,
 * lines broken by CR, LF, CRLF, NEL, LS, PS), its lazy input checks, and yaml.v3's consumption of
 * comments.
 */
import { CR, C_HASH, C_RBRACE, C_RBRACKET, LF, NEL, SPACE, charOf, isBlank, isBlankZ, isBreak, isBreakZ } from "./chars.ts";
import { YamlError, type Mark } from "./errors.ts";
import { Input, type DecodedInput } from "./reader.ts";

/** How far yaml.v3's comment scanners look ahead for a `#`. */
const COMMENT_PEEK = 512;

export class Cursor {
  readonly input: Input;
  /** Current position: code point index, 0-based line and column. */
  pos = 0;
  line = 0;
  column = 0;
  /** Line breaks consumed since the last non-blank character (drives line-comment scanning). */
  newlines = 0;
  /** Scanner context the lexical scanners consult: current block indentation and flow nesting. */
  indent = -1;
  flowLevel = 0;
  /**
   * A reader error hit while peeking for comments: yaml.v3 notes it, finishes the current token and
   * reports it when the parser asks for the next event.
   */
  pendingError: YamlError | undefined;

  constructor(source: string | DecodedInput) {
    this.input = new Input(source);
  }

  mark(): Mark {
    return { index: this.pos, line: this.line, column: this.column };
  }

  get cur(): number {
    return this.input.at(this.pos);
  }

  at(k: number): number {
    return this.input.at(this.pos + k);
  }

  need(k: number): void {
    this.input.need(this.pos, k);
  }

  /** `need` for the comment peeks, where yaml.v3 swallows a reader error (see `pendingError`). */
  tryNeed(k: number): boolean {
    try {
      this.input.need(this.pos, k);
      return true;
    } catch (e) {
      if (!(e instanceof YamlError)) throw e;
      this.pendingError ??= e;
      return false;
    }
  }

  /**
   * `while ((stop === 0 || column < stop) && cur === SPACE) { skip(); need(1); }` without the
   * calls: a block scalar's indentation.
   */
  skipSpaces(stop: number): void {
    const input = this.input;
    while ((stop === 0 || this.column < stop) && input.at(this.pos) === SPACE) {
      this.pos++;
      this.column++;
      input.need(this.pos, 1);
    }
  }

  skip(): void {
    if (!isBlank(this.cur)) this.newlines = 0;
    this.pos++;
    this.column++;
  }

  /**
   * `while (!isBreakZ(cur)) { skip(); need(1); }` in one step: to the next line break or the end,
   * with the input checked as far as that loop would check it.
   */
  skipToBreak(): void {
    const from = this.pos;
    const to = this.input.nextBreak(from);
    if (to === from) return;
    this.input.need(from, to - from + 1);
    for (let i = from; i < to; i++) {
      if (!isBlank(this.input.at(i))) {
        this.newlines = 0;
        break;
      }
    }
    this.column += to - from;
    this.pos = to;
  }

  read(): string {
    const c = this.cur;
    this.skip();
    return charOf(c);
  }

  skipLine(): void {
    const c = this.cur;
    if (c === CR && this.at(1) === LF) {
      this.pos += 2;
    } else if (isBreak(c)) {
      this.pos++;
    } else {
      return;
    }
    this.column = 0;
    this.line++;
    this.newlines++;
  }

  /** Consume a line break, returning it normalised (`\n`, or LS/PS kept). */
  readLine(): string {
    const c = this.cur;
    let out: string;
    if (c === CR && this.at(1) === LF) {
      this.pos += 2;
      out = "\n";
    } else if (c === CR || c === LF || c === NEL) {
      this.pos++;
      out = "\n";
    } else if (isBreak(c)) {
      this.pos++;
      out = charOf(c);
    } else {
      return "";
    }
    this.column = 0;
    this.line++;
    this.newlines++;
    return out;
  }

  error(contextMark: Mark, problem: string): YamlError {
    return new YamlError("scanner", problem, contextMark, this.mark());
  }

  /** `---` or `...` followed by a blank or the end (the caller checks the column). */
  isDocumentIndicator(c: number): boolean {
    return this.cur === c && this.at(1) === c && this.at(2) === c && isBlankZ(this.at(3));
  }

  scanComments(): void {
    for (let peek = 0; peek < COMMENT_PEEK; peek++) {
      if (!this.tryNeed(peek + 1)) break;
      const c = this.at(peek);
      if (isBlank(c)) continue;
      const closeFlow = this.flowLevel > 0 && (c === C_RBRACKET || c === C_RBRACE);
      if (closeFlow || isBreakZ(c)) {
        if (!isBreak(c)) break;
        continue;
      }
      if (c !== C_HASH) break;
      this.consumeCommentAt(this.pos + peek);
      peek = 0;
    }
  }

  /** Consume a comment following the token just scanned on the same line. */
  scanLineComment(): void {
    if (this.newlines > 0) return;
    for (let peek = 0; peek < COMMENT_PEEK; peek++) {
      if (!this.tryNeed(peek + 1)) break;
      const c = this.at(peek);
      if (isBlank(c)) continue;
      if (c === C_HASH) this.consumeCommentAt(this.pos + peek);
      break;
    }
  }

  /** Skip up to the `#` at index `seen` (crossing line breaks) and then to the end of its line. */
  consumeCommentAt(seen: number): void {
    for (;;) {
      this.need(1);
      if (isBreakZ(this.cur)) {
        if (this.pos >= seen) break;
        this.need(2);
        this.skipLine();
      } else {
        this.skip();
      }
    }
  }
}

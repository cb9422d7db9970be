/**
 * Tokenizer with the behaviour of yaml.v3's scanner (its libyaml port): the same tokens, marks,
 * lookahead (three queued tokens, plus whatever it takes to settle a pending simple key) and error
 * texts. The lookahead matters: it decides which of several problems is reported first.
 *
 * Comments are consumed the way yaml.v3 consumes them (its comment scanner swallows tab-indented
 * comment lines after a comment, for instance) but their text is not kept.
 */
import {
  C_AMP,
  C_BANG,
  C_COLON,
  C_COMMA,
  C_DASH,
  C_DOT,
  C_DQUOTE,
  C_GT,
  C_HASH,
  C_LBRACE,
  C_LBRACKET,
  C_PERCENT,
  C_PIPE,
  C_QUESTION,
  C_RBRACE,
  C_RBRACKET,
  C_SQUOTE,
  C_STAR,
  NUL,
  SPACE,
  TAB,
  ch,
  isBlank,
  isBlankZ,
  isBreak,
} from "./chars.ts";
import { Cursor } from "./cursor.ts";
import type { Mark } from "./errors.ts";
import { scanAnchor, scanDirective, scanTag } from "./properties.ts";
import { scanBlockScalar, scanFlowScalar, scanPlainScalar } from "./scalars.ts";
import { Token, type TokenType } from "./tokens.ts";

/** yaml.v3's limit on both the flow level and the block indentation stack. */
export const MAX_NESTING = 10000;
/** An implicit key must end (`:`) within this many characters of its start. */
const MAX_SIMPLE_KEY_LENGTH = 1024;

/** Characters that cannot start a plain scalar (unless followed by a non-blank, for `-`, `?`, `:`). */
const INDICATORS = new Set([..."-?:,[]{}#&*!|>'\"%@`"].map(ch));

interface SimpleKey {
  possible: boolean;
  required: boolean;
  tokenNumber: number;
  mark: Mark;
}

export class Scanner extends Cursor {
  private tokens: Token[] = [];
  private head = 0;
  /** Number of tokens handed to the parser so far. */
  private tokensParsed = 0;
  private tokenAvailable = false;
  private streamStartProduced = false;

  private readonly indents: number[] = [];
  private simpleKeyAllowed = false;
  private readonly simpleKeys: SimpleKey[] = [];
  private simpleKeysByTok = new Map<number, number>();

  /** The next token, without consuming it. */
  peekToken(): Token {
    if (!this.tokenAvailable) this.fetchMoreTokens();
    return this.tokens[this.head] as Token;
  }

  /** Consume the token returned by `peekToken`. */
  skipToken(): void {
    this.tokenAvailable = false;
    // Only the head token's number is ever looked up, so its entry can go (yaml.v3 leaks it).
    this.simpleKeysByTok.delete(this.tokensParsed);
    this.tokensParsed++;
    this.head++;
    if (this.head > 256 && this.head * 2 > this.tokens.length) {
      this.tokens = this.tokens.slice(this.head);
      this.head = 0;
    }
  }
  // ---- token queue ------------------------------------------------------------------------------

  private append(type: TokenType, start: Mark, end: Mark): void {
    this.tokens.push(new Token(type, start, end));
  }

  /** Insert at a position relative to the queue head. */
  private insert(relative: number, token: Token): void {
    this.tokens.splice(this.head + relative, 0, token);
  }

  private fetchMoreTokens(): void {
    for (;;) {
      if (this.head < this.tokens.length - 2) {
        // Enough lookahead, unless the head token may still turn out to be a simple key.
        const idx = this.simpleKeysByTok.get(this.tokensParsed);
        if (idx === undefined) break;
        const key = this.simpleKeys[idx];
        if (key === undefined || !this.simpleKeyIsValid(key)) break;
      }
      this.fetchNextToken();
    }
    this.tokenAvailable = true;
  }

  private fetchNextToken(): void {
    this.need(1);
    if (!this.streamStartProduced) {
      this.fetchStreamStart();
      return;
    }
    const scanMark = this.mark();
    this.scanToNextToken();
    this.unrollIndent(this.column, scanMark);
    this.need(4);
    const c = this.cur;
    if (c === NUL) {
      this.fetchStreamEnd();
      return;
    }
    if (this.column === 0) {
      if (c === C_PERCENT) {
        this.fetchDirective();
        return;
      }
      if (this.isDocumentIndicator(C_DASH)) {
        this.fetchDocumentIndicator("DOCUMENT-START");
        return;
      }
      if (this.isDocumentIndicator(C_DOT)) {
        this.fetchDocumentIndicator("DOCUMENT-END");
        return;
      }
    }
    this.fetchContentToken(c);
    const last = this.tokens[this.tokens.length - 1];
    if (last !== undefined && last.type !== "BLOCK-ENTRY") this.scanLineComment();
  }

  private fetchContentToken(c: number): void {
    const next = this.at(1);
    switch (c) {
      case C_LBRACKET:
        return this.fetchFlowCollectionStart("FLOW-SEQUENCE-START");
      case C_LBRACE:
        return this.fetchFlowCollectionStart("FLOW-MAPPING-START");
      case C_RBRACKET:
        return this.fetchFlowCollectionEnd("FLOW-SEQUENCE-END");
      case C_RBRACE:
        return this.fetchFlowCollectionEnd("FLOW-MAPPING-END");
      case C_COMMA:
        return this.fetchFlowEntry();
    }
    if (c === C_DASH && isBlankZ(next)) return this.fetchBlockEntry();
    if (c === C_QUESTION && (this.flowLevel > 0 || isBlankZ(next))) return this.fetchKey();
    if (c === C_COLON && (this.flowLevel > 0 || isBlankZ(next))) return this.fetchValue();
    if (c === C_STAR) return this.fetchAnchor("ALIAS");
    if (c === C_AMP) return this.fetchAnchor("ANCHOR");
    if (c === C_BANG) return this.fetchTag();
    if (c === C_PIPE && this.flowLevel === 0) return this.fetchBlockScalar(true);
    if (c === C_GT && this.flowLevel === 0) return this.fetchBlockScalar(false);
    if (c === C_SQUOTE) return this.fetchFlowScalar(true);
    if (c === C_DQUOTE) return this.fetchFlowScalar(false);
    if (
      !(isBlankZ(c) || INDICATORS.has(c)) ||
      (c === C_DASH && !isBlank(next)) ||
      (this.flowLevel === 0 && (c === C_QUESTION || c === C_COLON) && !isBlankZ(next))
    ) {
      return this.fetchPlainScalar();
    }
    throw this.error(this.mark(), "found character that cannot start any token");
  }

  // ---- simple keys and indentation --------------------------------------------------------------

  private simpleKeyIsValid(key: SimpleKey): boolean {
    if (!key.possible) return false;
    if (key.mark.line < this.line || key.mark.index + MAX_SIMPLE_KEY_LENGTH < this.pos) {
      if (key.required) throw this.error(key.mark, "could not find expected ':'");
      key.possible = false;
      return false;
    }
    return true;
  }

  private saveSimpleKey(): void {
    const required = this.flowLevel === 0 && this.indent === this.column;
    if (!this.simpleKeyAllowed) return;
    const key: SimpleKey = {
      possible: true,
      required,
      tokenNumber: this.tokensParsed + (this.tokens.length - this.head),
      mark: this.mark(),
    };
    this.removeSimpleKey();
    const top = this.simpleKeys.length - 1;
    this.simpleKeys[top] = key;
    this.simpleKeysByTok.set(key.tokenNumber, top);
  }

  private removeSimpleKey(): void {
    const key = this.simpleKeys[this.simpleKeys.length - 1] as SimpleKey;
    if (key.possible) {
      if (key.required) throw this.error(key.mark, "could not find expected ':'");
      key.possible = false;
      this.simpleKeysByTok.delete(key.tokenNumber);
    }
  }

  private increaseFlowLevel(): void {
    this.simpleKeys.push({
      possible: false,
      required: false,
      tokenNumber: this.tokensParsed + (this.tokens.length - this.head),
      mark: this.mark(),
    });
    this.flowLevel++;
    if (this.flowLevel > MAX_NESTING) {
      const top = this.simpleKeys[this.simpleKeys.length - 1] as SimpleKey;
      throw this.error(top.mark, `exceeded max depth of ${MAX_NESTING}`);
    }
  }

  private decreaseFlowLevel(): void {
    if (this.flowLevel > 0) {
      this.flowLevel--;
      const key = this.simpleKeys.pop() as SimpleKey;
      this.simpleKeysByTok.delete(key.tokenNumber);
    }
  }

  /** Open a block collection at `column` if it is deeper than the current indentation. */
  private rollIndent(column: number, tokenNumber: number, type: TokenType, mark: Mark): void {
    if (this.flowLevel > 0) return;
    if (this.indent < column) {
      this.indents.push(this.indent);
      this.indent = column;
      if (this.indents.length > MAX_NESTING) {
        const top = this.simpleKeys[this.simpleKeys.length - 1] as SimpleKey;
        throw this.error(top.mark, `exceeded max depth of ${MAX_NESTING}`);
      }
      const token = new Token(type, mark, mark);
      if (tokenNumber > -1) this.insert(tokenNumber - this.tokensParsed, token);
      else this.tokens.push(token);
    }
  }

  /** Close block collections deeper than `column`. */
  private unrollIndent(column: number, scanMark: Mark): void {
    if (this.flowLevel > 0) return;
    const blockMark: Mark = { index: scanMark.index - 1, line: scanMark.line, column: scanMark.column };
    while (this.indent > column) {
      this.append("BLOCK-END", blockMark, blockMark);
      this.indent = this.indents.pop() as number;
    }
  }

  // ---- token fetchers ---------------------------------------------------------------------------

  private fetchStreamStart(): void {
    this.indent = -1;
    this.simpleKeys.push({ possible: false, required: false, tokenNumber: 0, mark: { index: 0, line: 0, column: 0 } });
    this.simpleKeysByTok = new Map();
    this.simpleKeyAllowed = true;
    this.streamStartProduced = true;
    const m = this.mark();
    this.append("STREAM-START", m, m);
  }

  private fetchStreamEnd(): void {
    if (this.column !== 0) {
      this.column = 0;
      this.line++;
    }
    this.unrollIndent(-1, this.mark());
    this.removeSimpleKey();
    this.simpleKeyAllowed = false;
    const m = this.mark();
    this.append("STREAM-END", m, m);
  }

  private fetchDirective(): void {
    this.unrollIndent(-1, this.mark());
    this.removeSimpleKey();
    this.simpleKeyAllowed = false;
    this.tokens.push(scanDirective(this));
  }

  private fetchDocumentIndicator(type: TokenType): void {
    this.unrollIndent(-1, this.mark());
    this.removeSimpleKey();
    this.simpleKeyAllowed = false;
    const start = this.mark();
    this.skip();
    this.skip();
    this.skip();
    this.append(type, start, this.mark());
  }

  private fetchFlowCollectionStart(type: TokenType): void {
    this.saveSimpleKey();
    this.increaseFlowLevel();
    this.simpleKeyAllowed = true;
    const start = this.mark();
    this.skip();
    this.append(type, start, this.mark());
  }

  private fetchFlowCollectionEnd(type: TokenType): void {
    this.removeSimpleKey();
    this.decreaseFlowLevel();
    this.simpleKeyAllowed = false;
    const start = this.mark();
    this.skip();
    this.append(type, start, this.mark());
  }

  private fetchFlowEntry(): void {
    this.removeSimpleKey();
    this.simpleKeyAllowed = true;
    const start = this.mark();
    this.skip();
    this.append("FLOW-ENTRY", start, this.mark());
  }

  private fetchBlockEntry(): void {
    if (this.flowLevel === 0) {
      if (!this.simpleKeyAllowed) {
        throw this.error(this.mark(), "block sequence entries are not allowed in this context");
      }
      this.rollIndent(this.column, -1, "BLOCK-SEQUENCE-START", this.mark());
    }
    // A '-' in the flow context is left for the parser to reject.
    this.removeSimpleKey();
    this.simpleKeyAllowed = true;
    const start = this.mark();
    this.skip();
    this.append("BLOCK-ENTRY", start, this.mark());
  }

  private fetchKey(): void {
    if (this.flowLevel === 0) {
      if (!this.simpleKeyAllowed) throw this.error(this.mark(), "mapping keys are not allowed in this context");
      this.rollIndent(this.column, -1, "BLOCK-MAPPING-START", this.mark());
    }
    this.removeSimpleKey();
    this.simpleKeyAllowed = this.flowLevel === 0;
    const start = this.mark();
    this.skip();
    this.append("KEY", start, this.mark());
  }

  private fetchValue(): void {
    const key = this.simpleKeys[this.simpleKeys.length - 1] as SimpleKey;
    if (this.simpleKeyIsValid(key)) {
      // The pending simple key is a key after all: insert KEY (and maybe BLOCK-MAPPING-START) before it.
      this.insert(key.tokenNumber - this.tokensParsed, new Token("KEY", key.mark, key.mark));
      this.rollIndent(key.mark.column, key.tokenNumber, "BLOCK-MAPPING-START", key.mark);
      key.possible = false;
      this.simpleKeysByTok.delete(key.tokenNumber);
      this.simpleKeyAllowed = false;
    } else {
      if (this.flowLevel === 0) {
        if (!this.simpleKeyAllowed) throw this.error(this.mark(), "mapping values are not allowed in this context");
        this.rollIndent(this.column, -1, "BLOCK-MAPPING-START", this.mark());
      }
      this.simpleKeyAllowed = this.flowLevel === 0;
    }
    const start = this.mark();
    this.skip();
    this.append("VALUE", start, this.mark());
  }

  private fetchAnchor(type: "ALIAS" | "ANCHOR"): void {
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    this.tokens.push(scanAnchor(this, type));
  }

  private fetchTag(): void {
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    this.tokens.push(scanTag(this));
  }

  private fetchBlockScalar(literal: boolean): void {
    this.removeSimpleKey();
    this.simpleKeyAllowed = true;
    this.tokens.push(scanBlockScalar(this, literal));
  }

  private fetchFlowScalar(single: boolean): void {
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    this.tokens.push(scanFlowScalar(this, single));
  }

  private fetchPlainScalar(): void {
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    const { token, multiline } = scanPlainScalar(this);
    // A simple key may start after a multi-line plain scalar.
    if (multiline) this.simpleKeyAllowed = true;
    this.tokens.push(token);
  }

  // ---- whitespace and comments ------------------------------------------------------------------

  private scanToNextToken(): void {
    for (;;) {
      this.need(1);
      // Tabs are whitespace only in the flow context, or in the block context where a simple key
      // is not allowed (i.e. not at the start of a line or after '-', '?', ':').
      while (this.cur === SPACE || ((this.flowLevel > 0 || !this.simpleKeyAllowed) && this.cur === TAB)) {
        this.skip();
        this.need(1);
      }
      if (this.cur === C_HASH) this.scanComments();
      if (!isBreak(this.cur)) break;
      this.need(2);
      this.skipLine();
      if (this.flowLevel === 0) this.simpleKeyAllowed = true;
    }
  }

  /** Consume a comment and the comment lines following it (with any blanks before them). */
}

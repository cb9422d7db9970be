/** Tokens produced by the scanner (libyaml's token set). */
import type { Mark } from "./errors.ts";

export type TokenType =
  | "STREAM-START"
  | "STREAM-END"
  | "VERSION-DIRECTIVE"
  | "TAG-DIRECTIVE"
  | "DOCUMENT-START"
  | "DOCUMENT-END"
  | "BLOCK-SEQUENCE-START"
  | "BLOCK-MAPPING-START"
  | "BLOCK-END"
  | "FLOW-SEQUENCE-START"
  | "FLOW-SEQUENCE-END"
  | "FLOW-MAPPING-START"
  | "FLOW-MAPPING-END"
  | "BLOCK-ENTRY"
  | "FLOW-ENTRY"
  | "KEY"
  | "VALUE"
  | "ALIAS"
  | "ANCHOR"
  | "TAG"
  | "SCALAR";

export type ScalarStyle = "plain" | "single" | "double" | "literal" | "folded";

/** A token; every instance has the same fields (one hidden class for the engine). */
export class Token {
  type: TokenType;
  start: Mark;
  end: Mark;
  /** SCALAR text, ALIAS/ANCHOR name, TAG/TAG-DIRECTIVE handle. */
  value: string | undefined;
  style: ScalarStyle | undefined;
  /** TAG suffix. */
  suffix: string | undefined = undefined;
  /** TAG-DIRECTIVE prefix. */
  prefix: string | undefined = undefined;
  major: number | undefined = undefined;
  minor: number | undefined = undefined;

  constructor(type: TokenType, start: Mark, end: Mark, value?: string, style?: ScalarStyle) {
    this.type = type;
    this.start = start;
    this.end = end;
    this.value = value;
    this.style = style;
  }
}

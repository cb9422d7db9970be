/** Errors raised while reading, scanning, parsing or composing, and yaml.v3's way of printing them. */

/** A position in the input: all 0-based; `index` and `column` count code points. */
export interface Mark {
  readonly index: number;
  readonly line: number;
  readonly column: number;
}

/** Which libyaml stage failed; it decides how yaml.v3 numbers the reported line. */
export type YamlErrorStage = "reader" | "scanner" | "parser" | "composer";

/** A failure with yaml.v3's wording; `message` is the full `yaml: …` text. */
export class YamlError extends Error {
  readonly stage: YamlErrorStage;
  readonly problem: string;
  readonly contextMark: Mark | undefined;
  readonly problemMark: Mark | undefined;
  /** Where the problem is, for editors (not part of the message). */
  readonly position: Mark | undefined;

  constructor(stage: YamlErrorStage, problem: string, contextMark?: Mark, problemMark?: Mark, position?: Mark) {
    super(formatYamlError(stage, problem, contextMark, problemMark));
    this.name = "YamlError";
    this.stage = stage;
    this.problem = problem;
    this.contextMark = contextMark;
    this.problemMark = problemMark;
    this.position = position ?? problemMark;
  }
}

/**
 * yaml.v3 prints the context mark's line when it is not the first line, else the problem mark's
 * line when that is not the first line, else no line at all. Marks are 0-based; yaml.v3 adds one
 * only for scanner errors, so parser errors show the 0-based line.
 */
export function formatYamlError(stage: YamlErrorStage, problem: string, contextMark: Mark | undefined, problemMark: Mark | undefined): string {
  let line = 0;
  if (contextMark !== undefined && contextMark.line !== 0) line = contextMark.line;
  else if (problemMark !== undefined && problemMark.line !== 0) line = problemMark.line;
  if (line !== 0 && stage === "scanner") line++;
  return line !== 0 ? `yaml: line ${line}: ${problem}` : `yaml: ${problem}`;
}

/** Line number printed in a yaml.v3 error message (`yaml: line 3: …`, `  line 3: mapping key …`), if any. */
export function yamlErrorLine(message: string): number | undefined {
  const m = /\bline (\d+):/.exec(message);
  return m ? Number(m[1]) : undefined;
}

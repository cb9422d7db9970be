/** How many redacted values (`REDACTED` from a share link) the config still has. */
import type { TranspileResult } from "../../transpiler/index.ts";

export const REDACTED_CODE = "placeholder-redacted";

export function redactedCount(result: Pick<TranspileResult, "findings"> | null): number {
  return result?.findings?.filter((f) => f.code === REDACTED_CODE).length ?? 0;
}

export const valuesText = (n: number) => (n === 1 ? "1 value" : `${n} values`);

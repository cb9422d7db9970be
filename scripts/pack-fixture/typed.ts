// Type-checked by scripts/pack-check.mjs against the installed package (tsc --noEmit).
import { transpile, listSpecs, renderReport, type Diagnostic, type TranspileResult } from "kindling";

const result: TranspileResult = transpile("variant: fcos\nversion: 1.6.0\n", { strict: true, pretty: true });
const diagnostics: Diagnostic[] = result.diagnostics;
const text: string = renderReport(diagnostics, { raw: false, source: "variant: fcos\n", filename: "a.bu" });
const variants: string[] = listSpecs().map((s) => s.variant);
// @ts-expect-error -- `strict` is a boolean
transpile("variant: fcos\nversion: 1.6.0\n", { strict: "yes" });
export { text, variants };

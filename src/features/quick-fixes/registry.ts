/**
 * Every fix kind, and the lookup from a problem to its fixes. A provider answers either for an
 * upstream message pattern or for a Kindling finding code, so new findings get fixes by adding
 * a provider here.
 */
import { lookupSpec } from "../../transpiler/spec/variants.ts";
import type { Problem } from "../../store/problems.ts";
import { bootLayout } from "./boot-layout.ts";
import { duplicateEntry } from "./duplicate-entry.ts";
import { installSection } from "./install-section.ts";
import { missingLocalFile } from "./local-file.ts";
import { octalMode } from "./octal-mode.ts";
import { openshiftMetadata } from "./openshift-metadata.ts";
import { emptyPasswordHash, exampleKey, plaintextPassword, redactedValue } from "./placeholders.ts";
import { relativePath } from "./relative-path.ts";
import { tabsToSpaces } from "./tabs.ts";
import type { FixContext, FixProvider, FixTarget, QuickFix } from "./types.ts";
import { unknownDirective, unknownQuadletKey } from "./unknown-directive.ts";
import { unknownKey } from "./unknown-key.ts";
import { unknownVersion } from "./unknown-version.ts";

export const providers: readonly FixProvider[] = [
  octalMode,
  relativePath,
  tabsToSpaces,
  unknownKey,
  unknownVersion,
  installSection,
  openshiftMetadata,
  missingLocalFile,
  bootLayout,
  duplicateEntry,
  redactedValue,
  exampleKey,
  emptyPasswordHash,
  plaintextPassword,
  unknownDirective,
  unknownQuadletKey,
];

/** The providers that answer for `target`: by finding code, by diagnostic code, else by message. */
export function providersFor(target: FixTarget): FixProvider[] {
  return providers.filter((p) => {
    if (target.finding) return p.code === target.finding.code;
    if (target.code !== undefined && p.diagnostic === target.code) return true;
    return p.message !== undefined && p.message.test(target.message);
  });
}

/** Whether some provider answers for `target` (cheap: no fix is computed). */
export const mayHaveFixes = (target: FixTarget): boolean => providersFor(target).length > 0;

/** The fixes for one problem, preferred first. A provider that cannot handle the text offers none. */
export function fixesFor(ctx: FixContext): QuickFix[] {
  const out: QuickFix[] = [];
  for (const p of providersFor(ctx.target)) {
    try {
      out.push(...p.fixes(ctx));
    } catch {
      // The edit layer refuses text it cannot read (a YAML error elsewhere): no fix, never a crash.
    }
  }
  return out.sort((a, b) => Number(b.kind === "edit" && b.preferred === true) - Number(a.kind === "edit" && a.preferred === true));
}

/** A Problems row as a fix target. */
export function targetOf(p: Problem): FixTarget {
  return {
    severity: p.severity,
    message: p.message,
    path: p.pathElems ?? p.finding?.path ?? [],
    ...(p.line !== undefined ? { line: p.line } : {}),
    ...(p.column !== undefined ? { column: p.column } : {}),
    failure: p.failure,
    ...(p.finding ? { finding: p.finding } : {}),
    ...(p.code !== undefined ? { code: p.code } : {}),
  };
}

/** The context for fixing `target` in `source`, with the spec of the config's variant/version. */
export function fixContext(source: string, target: FixTarget, variant?: string, version?: string, options?: FixContext["options"]): FixContext {
  const spec = variant && version ? lookupSpec(variant, version) : undefined;
  return { source, target, ...(variant ? { variant } : {}), ...(version ? { version } : {}), ...(spec ? { spec } : {}), ...(options ? { options } : {}) };
}

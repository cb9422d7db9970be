/**
 * Quick fixes in the editor: a code action provider (lightbulb and Ctrl+.) over the problems
 * that have markers on the lines asked about. Every action runs through one command, so an edit
 * lands like any other studio edit: one step on the editor's undo stack.
 */
import type { Problem } from "../store/problems.ts";
import type { QuickFix } from "../features/quick-fixes/types.ts";
import { monaco, SOURCE_URI } from "./monaco.ts";

const RUN_FIX = "kindling.runQuickFix";

/** The fixes load when first asked for. */
const fixes = () => import("../features/quick-fixes/run-fix.ts");

let registered: monaco.IDisposable | null = null;

/**
 * Registers the provider once; `rows` gives the problems the markers were made from, each with
 * the marker's line.
 */
export function registerQuickFixes(rows: () => readonly Problem[]): monaco.IDisposable {
  registered?.dispose();
  const command = monaco.editor.registerCommand(RUN_FIX, (_accessor: unknown, fix: QuickFix) => void fixes().then((m) => m.runFix(fix)));
  const provider = monaco.languages.registerCodeActionProvider(
    "yaml",
    {
      async provideCodeActions(model, range, context) {
        const here = rows().filter((p) => p.line !== undefined && p.line >= range.startLineNumber && p.line <= range.endLineNumber);
        if (String(model.uri) !== String(SOURCE_URI) || here.length === 0) return { actions: [], dispose() {} };
        const { fixesForProblem } = await fixes();
        const actions: monaco.languages.CodeAction[] = [];
        for (const p of here) {
          const markers = context.markers.filter((m) => m.startLineNumber === p.line && m.message.startsWith(p.message));
          for (const fix of fixesForProblem(p)) {
            // One fix can answer two problems (OpenShift's name and role): listed once, for both.
            const same = actions.find((a) => a.title === fix.title);
            if (same) {
              same.diagnostics = [...(same.diagnostics ?? []), ...markers];
              continue;
            }
            actions.push({
              title: fix.title,
              kind: "quickfix",
              diagnostics: markers,
              isPreferred: fix.kind === "edit" && fix.preferred === true,
              command: { id: RUN_FIX, title: fix.title, arguments: [fix] },
            });
          }
        }
        return { actions, dispose() {} };
      },
    },
    { providedCodeActionKinds: ["quickfix"] },
  );
  registered = {
    dispose() {
      command.dispose();
      provider.dispose();
      registered = null;
    },
  };
  return registered;
}

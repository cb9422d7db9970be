/**
 * Quick fixes in the editor: a code action provider (lightbulb and Ctrl+.) over the problems
 * that have markers on the lines asked about. Every action runs through one command, so an edit
 * lands like any other studio edit: one step on the editor's undo stack.
 */
import type { Problem } from "../store/problems.ts";
import type { QuickFix } from "../features/quick-fixes/types.ts";
import { Status, useStudioStore } from "../store/store.ts";
import { monaco } from "./monaco.ts";
import { activeSourceModel } from "./source-models.ts";

const RUN_FIX = "kindling.runQuickFix";

/** The fixes load when first asked for. */
const fixes = () => import("../features/quick-fixes/run-fix.ts");

let registered: monaco.IDisposable | null = null;

/**
 * Longest text (characters) for which the lightbulb works fixes out by itself, and for which
 * Ctrl+. does. A fix reads the whole config with the edit layer (and some re-check it by
 * transpiling): the lightbulb asks on every cursor move, so it stays within a frame's work; an
 * explicit Ctrl+. may take longer, not without end (a megabyte of nested brackets takes minutes).
 */
const MAX_SOURCE_FOR_LIGHTBULB = 32 * 1024;
const MAX_SOURCE_FOR_INVOKED = 256 * 1024;
/** Problems on the lines asked about whose fixes are worked out, at most. */
const MAX_ROWS = 20;

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
        const none = { actions: [], dispose() {} };
        if (model !== activeSourceModel()) return none;
        // The rows describe the text the last result came from: while a newer text is being
        // transpiled they may point anywhere in it.
        if (useStudioStore.getState().status !== Status.Ready) return none;
        const auto = context.trigger === monaco.languages.CodeActionTriggerType.Auto;
        if (model.getValueLength() > (auto ? MAX_SOURCE_FOR_LIGHTBULB : MAX_SOURCE_FOR_INVOKED)) return none;
        const here = rows()
          .filter((p) => p.line !== undefined && p.line >= range.startLineNumber && p.line <= range.endLineNumber)
          .slice(0, MAX_ROWS);
        if (here.length === 0) return none;
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

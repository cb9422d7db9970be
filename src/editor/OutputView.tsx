/**
 * A read-only Monaco view of the transpiler output (JSON, or YAML for a MachineConfig): the
 * store's last good output, followed as it changes. Lazy-loaded.
 */
import { useLayoutEffect, useRef } from "react";
import { baseOptions, monaco, withoutBracketPairs } from "./monaco.ts";
import { changedSpan } from "../lib/changed-span.ts";
import { onOutput } from "../store/output-feed.ts";
import { useStudioStore } from "../store/store.ts";
import { viewedPart } from "../features/output/viewed-part.ts";
import { originsFor } from "../store/project-origins.ts";
import type { GoodOutput } from "../store/store.ts";
import { attachOutputOrigins, type OutputOrigins } from "./output-origins.ts";

export interface OutputViewProps {
  /** The language of the output shown (a change of format re-renders the view). */
  language: "json" | "yaml";
  /** Accessible name of the view. */
  label: string;
}

/** Edits `model` (holding `old`) into `text` with one edit spanning its first to its last differing character. */
function replaceChangedMiddle(model: monaco.editor.ITextModel, old: string, text: string) {
  const { start, oldEnd, newEnd } = changedSpan(old, text);
  const range = monaco.Range.fromPositions(model.getPositionAt(start), model.getPositionAt(oldEnd));
  model.applyEdits([{ range, text: text.slice(start, newEnd) }]);
}

export default function OutputView({ language, label }: OutputViewProps) {
  const host = useRef<HTMLDivElement>(null);
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  // The text and options last given to the editor: an unchanged update costs nothing.
  const shown = useRef<{ text: string; wrap: boolean; label: string; language: "json" | "yaml" } | null>(null);
  // While a project is open: its origins on the output's lines (null otherwise, and costs nothing).
  const origins = useRef<OutputOrigins | null>(null);
  const inProject = useStudioStore((s) => s.project !== null);

  // Layout effects both, in this order: the editor exists before the text effect below runs.
  useLayoutEffect(() => {
    if (!host.current) return;
    const editor = monaco.editor.create(host.current, {
      ...baseOptions,
      model: null,
      readOnly: true,
      domReadOnly: true,
      readOnlyMessage: { value: "The output is generated from the config on the left." },
      folding: true,
      // Recomputed from the whole output after every update: the output changes at every keystroke.
      stickyScroll: { enabled: false },
      lineNumbersMinChars: 4,
      renderValidationDecorations: "off",
      occurrencesHighlight: "off",
      // Generated text: no link detection or unicode highlighting passes over it (both ask a
      // Monaco worker about the changed lines after every update).
      links: false,
      unicodeHighlight: { ambiguousCharacters: false, invisibleCharacters: false, nonBasicASCII: false },
    });
    editorRef.current = editor;
    return () => {
      editor.getModel()?.dispose();
      editor.dispose();
      editorRef.current = null;
      shown.current = null;
    };
  }, []);

  /** Shows `good`'s output (unchanged text and options cost nothing), and in a project its origins. */
  const show = (good: GoodOutput, language: "json" | "yaml", label: string) => {
    const editor = editorRef.current;
    if (!editor) return;
    // A very long output is shown in part (OutputPanel says so); the whole of it is one keystroke's cost too many.
    const text = viewedPart(good.output);
    // The same text can come with other origins (a comment added above a snippet's entry).
    if (origins.current) origins.current.update(text, language === "json" ? originsFor(good.config) : undefined);
    // Compact output (Pretty off) is one long line: wrap it instead of scrolling sideways.
    const wrap = !text.slice(0, -1).includes("\n");
    const prev = shown.current;
    if (prev?.text === text && prev.wrap === wrap && prev.label === label && prev.language === language) return;
    if (!prev || prev.wrap !== wrap || prev.label !== label) editor.updateOptions({ ariaLabel: label, wordWrap: wrap ? "on" : "off" });
    let model = editor.getModel();
    if (!model || model.getLanguageId() !== language) {
      model?.dispose();
      const uri = monaco.Uri.parse(language === "json" ? "file:///output.ign.json" : "file:///output.machineconfig.yaml");
      model = withoutBracketPairs(monaco.editor.createModel(text, language, uri));
      editor.setModel(model);
    } else if (!prev) {
      model.setValue(text);
    } else if (prev.text !== text) {
      // Replace only the changed middle (a keystroke usually changes one line): setValue would
      // re-tokenize, re-parse brackets, re-render every visible line and resend the whole text to
      // Monaco's workers. The scroll position stays where the reader left it.
      // The model is read-only, so it still holds what was shown last (no getValue needed).
      replaceChangedMiddle(model, prev.text, text);
    }
    shown.current = { text, wrap, label, language };
  };

  // The output, and new options, in the editor before the browser's next frame; then each new
  // output as it arrives from the worker, in that same task (outside React: Monaco draws it at the
  // next frame, and the rest of the studio reads the result after that frame; store/output-feed.ts).
  useLayoutEffect(() => {
    const current = useStudioStore.getState().lastGood;
    if (current?.outputFormat === language) show(current, language, label);
    const fromStore = useStudioStore.subscribe((s, prev) => {
      const good = s.lastGood;
      if (good && good !== prev.lastGood && good.outputFormat === language) show(good, language, label);
    });
    // A new output reaches the view here first, before the rest of the studio (output-feed.ts).
    const fromWorker = onOutput((good) => {
      if (good.outputFormat === language) show(good, language, label);
    });
    return () => {
      fromStore();
      fromWorker();
    };
  });

  // The origins come and go with the project (declared after the effect above: on opening, the
  // text is in the editor before its origins are placed).
  useLayoutEffect(() => {
    const editor = editorRef.current;
    if (!inProject || !editor) return;
    const attached = attachOutputOrigins(editor);
    origins.current = attached;
    editor.updateOptions({ ariaLabel: `${label}. F12 opens the project file and line the output line at the cursor comes from.` });
    const good = useStudioStore.getState().lastGood;
    const text = shown.current?.text;
    if (good && text !== undefined && good.outputFormat === "json") attached.update(text, originsFor(good.config));
    return () => {
      attached.dispose();
      origins.current = null;
      editor.updateOptions({ ariaLabel: label });
    };
  }, [inProject, label]);

  return <div ref={host} className="k-monaco-host" data-testid="output-view" />;
}

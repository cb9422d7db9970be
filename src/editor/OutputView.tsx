/** A read-only Monaco view of the transpiler output (JSON, or YAML for a MachineConfig). Lazy-loaded. */
import { useLayoutEffect, useRef } from "react";
import { baseOptions, monaco, withoutBracketPairs } from "./monaco.ts";
import { changedSpan } from "../lib/changed-span.ts";

export interface OutputViewProps {
  text: string;
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

export default function OutputView({ text, language, label }: OutputViewProps) {
  const host = useRef<HTMLDivElement>(null);
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  // The text and options last given to the editor: an unchanged update costs nothing.
  const shown = useRef<{ text: string; wrap: boolean; label: string } | null>(null);

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

  // A layout effect: the new text reaches the model in the same task as the result, before the
  // browser's next frame, instead of after a paint.
  useLayoutEffect(() => {
    const editor = editorRef.current;
    if (!editor) return;
    // Compact output (Pretty off) is one long line: wrap it instead of scrolling sideways.
    const wrap = !text.slice(0, -1).includes("\n");
    const prev = shown.current;
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
    shown.current = { text, wrap, label };
  }, [text, language, label]);

  return <div ref={host} className="monaco-host" data-testid="output-view" />;
}

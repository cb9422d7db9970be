/** A read-only Monaco view of the transpiler output (JSON, or YAML for a MachineConfig). Lazy-loaded. */
import { useEffect, useRef } from "react";
import { baseOptions, monaco } from "./monaco.ts";

export interface OutputViewProps {
  text: string;
  language: "json" | "yaml";
  /** Accessible name of the view. */
  label: string;
}

export default function OutputView({ text, language, label }: OutputViewProps) {
  const host = useRef<HTMLDivElement>(null);
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);

  useEffect(() => {
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
    });
    editorRef.current = editor;
    return () => {
      editor.getModel()?.dispose();
      editor.dispose();
      editorRef.current = null;
    };
  }, []);

  useEffect(() => {
    const editor = editorRef.current;
    if (!editor) return;
    // Compact output (Pretty off) is one long line: wrap it instead of scrolling sideways.
    const oneLine = !text.slice(0, -1).includes("\n");
    editor.updateOptions({ ariaLabel: label, wordWrap: oneLine ? "on" : "off" });
    let model = editor.getModel();
    if (!model || model.getLanguageId() !== language) {
      model?.dispose();
      const uri = monaco.Uri.parse(language === "json" ? "file:///output.ign.json" : "file:///output.machineconfig.yaml");
      model = monaco.editor.createModel(text, language, uri);
      editor.setModel(model);
    } else if (model.getValue() !== text) {
      // Keep the scroll position when the output changes under the reader.
      const view = editor.saveViewState();
      model.setValue(text);
      if (view) editor.restoreViewState(view);
    }
  }, [text, language, label]);

  return <div ref={host} className="monaco-host" data-testid="output-view" />;
}

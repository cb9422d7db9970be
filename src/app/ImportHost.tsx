/** Shows the import dialog for a file offered for import, wired to the document, the Files panel and the worker. */
import { lazy, Suspense } from "react";
import { addFiles, DEFAULT_MODE } from "../features/files/files.ts";
import { importInWorker } from "../features/import/import-client.ts";
import { closeImport, useImportStore } from "../features/import/import-store.ts";
import { downloadText } from "../lib/download-file.ts";
import { tooLargeForEditor } from "../lib/size-limits.ts";
import { notify, setTab, Tab } from "../store/store.ts";
import { replaceDocument } from "./actions.ts";

// Loaded when a file is first offered for import.
const ImportDialog = lazy(() => import("../features/import/ImportDialog.tsx").then((m) => ({ default: m.ImportDialog })));

/** `bootstrap.ign` → `bootstrap.bu`. */
function butaneName(name: string): string {
  return name.replace(/\.(ign|json|ya?ml|clc|cl)$/i, "") + ".bu";
}

export function ImportHost() {
  const pending = useImportStore((s) => s.pending);
  if (!pending) return null;
  const { name, text, sniffed, data } = pending;
  const isJson = text.trimStart().startsWith("{");
  const fallback = isJson
    ? {
        label: "Add to Files (for merge)",
        run: () => {
          addFiles([{ path: name, data, mode: DEFAULT_MODE }]);
          notify({
            id: "open-ign",
            kind: "info",
            text: `Added ${name} to the Files panel. Butane reads Ignition configs through a reference, e.g. ignition: { config: { merge: [ { local: ${name} } ] } }.`,
            actions: [{ label: "Show files", run: () => setTab(Tab.Files) }],
          });
        },
      }
    : { label: "Open as it is", run: () => replaceDocument(text, name) };
  return (
    <Suspense fallback={null}>
      <ImportDialog
        key={name + text.length}
        name={name}
        text={text}
        sniffed={sniffed}
        runImport={(options) => importInWorker(text, options)}
        openButane={(butane) => {
          if (tooLargeForEditor(butane.length)) return false;
          replaceDocument(butane, butaneName(name));
          return true;
        }}
        fallback={fallback}
        onDownload={(butane) => downloadText(butaneName(name), butane, "application/yaml")}
        onClose={closeImport}
      />
    </Suspense>
  );
}

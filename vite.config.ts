import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { defineConfig, type Plugin, type Rollup } from "vite";
import react from "@vitejs/plugin-react";

/**
 * The generated JSON Schemas (schemas/butane, schemas/ignition) in the build at the same paths,
 * so the studio serves them (the reference pages in public/docs link to them, and editors can
 * point at them). The dev server already serves them from the project root.
 */
function schemasInBuild(): Plugin {
  const root = fileURLToPath(new URL("./schemas/", import.meta.url));
  return {
    name: "kindling:schemas",
    apply: "build",
    generateBundle() {
      for (const dir of ["butane", "ignition"]) {
        for (const name of readdirSync(root + dir).filter((n) => n.endsWith(".json"))) {
          this.emitFile({ type: "asset", fileName: `schemas/${dir}/${name}`, source: readFileSync(`${root}${dir}/${name}`) });
        }
      }
    },
  };
}

/**
 * The source editor's chunks (Monaco) that the entry does not load, listed in index.html as
 * `<meta name="kindling:editor-chunks">`: after the first paint the app adds low-priority preload
 * links for them (src/app/preload-editor.ts), so they download and compile while the transpile
 * worker answers, and run only when EditorPane's lazy import asks (src/editor/load-gate.ts).
 * Static preload links would compete with the entry for the first paint.
 */
function listEditorChunks(): Plugin {
  return {
    name: "kindling:editor-chunks",
    apply: "build",
    transformIndexHtml: {
      order: "post",
      handler(_html, ctx) {
        const bundle = ctx.bundle;
        if (!bundle) return [];
        const chunks = Object.values(bundle).filter((c): c is Rollup.OutputChunk => c.type === "chunk");
        const byName = new Map(chunks.map((c) => [c.fileName, c]));
        const closure = (start: Rollup.OutputChunk[]) => {
          const seen = new Set<Rollup.OutputChunk>();
          const visit = (c: Rollup.OutputChunk | undefined) => {
            if (!c || seen.has(c)) return;
            seen.add(c);
            for (const f of c.imports) visit(byName.get(f));
          };
          start.forEach(visit);
          return seen;
        };
        const entry = closure(chunks.filter((c) => c.isEntry));
        const editor = chunks.find((c) => c.facadeModuleId?.endsWith("/src/editor/YamlEditor.tsx"));
        if (!editor) throw new Error("kindling:editor-chunks: no chunk for src/editor/YamlEditor.tsx");
        const files = [...closure([editor])].filter((c) => !entry.has(c)).flatMap((c) => [c.fileName, ...(c.viteMetadata?.importedCss ?? [])]);
        return [{ tag: "meta", attrs: { name: "kindling:editor-chunks", content: files.join(" ") }, injectTo: "head" }];
      },
    },
  };
}

export default defineConfig({
  plugins: [react(), schemasInBuild(), listEditorChunks()],
  worker: { format: "es" },
  optimizeDeps: { include: ["monaco-yaml > path-browserify"] },
  build: { target: "es2022", chunkSizeWarningLimit: 4000 },
  preview: { port: 4173, strictPort: true },
});

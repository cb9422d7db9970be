import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { defineConfig, type Plugin, type Rollup } from "vite";
import react from "@vitejs/plugin-react";
import { VitePWA } from "vite-plugin-pwa";

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

/**
 * Offline use: a web app manifest and a service worker that Workbox generates (vite-plugin-pwa's
 * generateSW) to precache the app: the entry, every lazy chunk (Monaco included), the workers,
 * the CSS and fonts, the icons, the Butane schemas the editor fetches and the reference pages
 * hover links to. No runtime caching: the precache holds everything the studio asks for. The
 * worker registers from our own module (src/app/service-worker.ts), never from an inline script
 * (the CSP forbids one); a new version waits until the user chooses to reload ("prompt"). Workbox's
 * runtime is bundled next to the worker (same origin). Not in dev (devOptions off).
 */
function offline(): Plugin[] {
  return VitePWA({
    strategies: "generateSW",
    registerType: "prompt",
    injectRegister: false,
    mode: "production",
    devOptions: { enabled: false },
    includeAssets: ["icons/apple-touch-icon.png"],
    manifest: {
      id: "/",
      name: "Kindling: Butane studio",
      short_name: "Kindling",
      description: "Write Butane configs and see the Ignition output live, in your browser. Works offline.",
      start_url: "/",
      scope: "/",
      display: "standalone",
      lang: "en",
      theme_color: "#1f2329",
      background_color: "#1f2329",
      // Drawn from public/favicon.svg by scripts/gen-icons.mjs.
      icons: [
        { src: "icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
        { src: "icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
        { src: "icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
        { src: "favicon.svg", sizes: "any", type: "image/svg+xml", purpose: "any" },
      ],
    },
    workbox: {
      // The manifest's icons are added by the plugin (includeManifestIcons), the rest here.
      globPatterns: ["index.html", "assets/**/*", "schemas/butane/*.json", "docs/spec/*.{html,css}"],
      // Monaco's chunk is about 3.3 MB.
      maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
      // Any page of the studio (a share link, a query) is the app; files that are not precached
      // (other schemas, templates) are not: they go to the network.
      navigateFallback: "index.html",
      navigateFallbackDenylist: [/^\/(docs|schemas|templates|icons)\//],
      cleanupOutdatedCaches: true,
      skipWaiting: false,
      clientsClaim: false,
      inlineWorkboxRuntime: false,
      sourcemap: false,
    },
  });
}

/**
 * Monaco's input-latency telemetry (vs/base/browser/performance.js) is replaced by
 * src/editor/no-input-latency.ts: per keystroke it sets performance marks and queues two timer
 * tasks, ahead of the transpile worker's answer, for measurements nothing in Kindling reads.
 */
function withoutInputLatencyTelemetry(): Plugin {
  const standIn = fileURLToPath(new URL("./src/editor/no-input-latency.ts", import.meta.url));
  return {
    name: "kindling:no-input-latency",
    enforce: "pre",
    resolveId(source, importer) {
      if (importer?.includes("/monaco-editor/esm/vs/") && source.endsWith("/base/browser/performance.js")) return standIn;
      return null;
    },
  };
}

export default defineConfig({
  plugins: [withoutInputLatencyTelemetry(), react(), schemasInBuild(), listEditorChunks(), offline()],
  worker: { format: "es" },
  optimizeDeps: { include: ["monaco-yaml > path-browserify"] },
  build: { target: "es2022", chunkSizeWarningLimit: 4000 },
  preview: { port: 4173, strictPort: true },
});

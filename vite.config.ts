import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { defineConfig, type Plugin } from "vite";
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
 * The production CSP (index.html) allows no connections at all: the app fetches nothing. The dev
 * server's hot reload talks over a same-origin WebSocket, so only `vite` (serve) adds
 * `connect-src 'self'` to the page it serves.
 */
function devConnectSrc(): Plugin {
  return {
    name: "kindling:dev-connect-src",
    apply: "serve",
    transformIndexHtml: (html) => html.replace("base-uri 'none';", "connect-src 'self'; base-uri 'none';"),
  };
}

export default defineConfig({
  plugins: [react(), schemasInBuild(), devConnectSrc()],
  worker: { format: "es" },
  optimizeDeps: { include: ["monaco-yaml > path-browserify"] },
  build: { target: "es2022", chunkSizeWarningLimit: 4000 },
  preview: { port: 4173, strictPort: true },
});

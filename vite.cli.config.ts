import { defineConfig } from "vite";

// Bundles the Node CLI (src/cli/main.ts), the pure transpiler library and Go's gzip port (for
// benchmarks and scripts) with every dependency inside, so bin/kindling.js runs without node_modules.
export default defineConfig({
  publicDir: false,
  build: {
    ssr: true,
    outDir: "dist-cli",
    target: "node20",
    emptyOutDir: true,
    minify: false,
    rollupOptions: {
      input: {
        kindling: "src/cli/main.ts",
        each: "src/cli/each-main.ts",
        index: "src/library/index.ts",
        transpiler: "src/transpiler/index.ts",
        gzip: "src/transpiler/go/gzip.ts",
        import: "src/import/index.ts",
        compose: "src/compose/index.ts",
      },
      output: { entryFileNames: "[name].js", chunkFileNames: "[name]-[hash].js" },
    },
  },
  ssr: { noExternal: true },
});

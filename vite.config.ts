import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

export default defineConfig({
  plugins: [react()],
  worker: { format: "es" },
  optimizeDeps: { include: ["monaco-yaml > path-browserify"] },
  build: { target: "es2022", chunkSizeWarningLimit: 4000 },
  preview: { port: 4173, strictPort: true },
});

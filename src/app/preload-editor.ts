/**
 * Starts downloading the source editor's chunks (Monaco, listed by the build in
 * `<meta name="kindling:editor-chunks">`, see vite.config.ts) with low-priority preload links:
 * called after the first paint, so they do not compete with it. Modules are fetched and compiled,
 * not run: they run when EditorPane's lazy import asks. Nothing to do in dev (no list).
 */
export function preloadEditorChunks(): void {
  const list = document.querySelector<HTMLMetaElement>('meta[name="kindling:editor-chunks"]')?.content ?? "";
  const base = import.meta.env.BASE_URL;
  for (const file of list.split(/\s+/).filter(Boolean)) {
    const link = document.createElement("link");
    const css = file.endsWith(".css");
    link.rel = css ? "preload" : "modulepreload";
    if (css) link.as = "style";
    // The same request mode as the import and stylesheet links Vite adds later, so they reuse it.
    link.crossOrigin = "";
    link.fetchPriority = "low";
    link.href = base + file;
    document.head.append(link);
  }
}

/**
 * Stands in for Monaco's input-latency telemetry (monaco-editor/esm/vs/base/browser/performance.js,
 * swapped in by vite.config.ts). Monaco records each keystroke's latency for VS Code's telemetry:
 * performance marks at keydown, input and render, and two timer tasks per keystroke to collect
 * them. Nothing in Kindling reads them, and those tasks run ahead of the transpile worker's answer
 * (npm run bench:ui), so here every hook does nothing.
 */
const nothing = (): void => undefined;

export const inputLatency = {
  onKeyDown: nothing,
  onBeforeInput: nothing,
  onInput: nothing,
  onKeyUp: nothing,
  onSelectionChange: nothing,
  onRenderStart: nothing,
  getAndClearMeasurements: (): undefined => undefined,
};

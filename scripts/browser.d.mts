// Types for browser.mjs (imported by scripts/browser.test.ts and playwright.shared.ts).

export const DEFAULT_SYSTEM_CHROMIUM: string;
export function systemChromiumPath(env: Readonly<Record<string, string | undefined>>): string;
export function isDebianLike(osRelease: string | null): boolean;
export function noBrowserMessage(systemPath: string): string;

export interface BrowserHost {
  exists(path: string): boolean;
  playwrightPath(): string | null;
  run(cmd: string, args: readonly string[]): number;
  isRoot: boolean;
  osRelease: string | null;
  env: Readonly<Record<string, string | undefined>>;
  log(line: string): void;
}
export type BrowserFound = { ok: true; kind: "system" | "playwright"; path: string } | { ok: false; message: string };
export function ensureBrowser(host: BrowserHost): BrowserFound;

/**
 * The target and platform the studio checks against, kept in this browser (localStorage) like the
 * other view preferences. Unknown stored ids (a table row that went away) are dropped.
 */
import { findTarget } from "../../transpiler/lint/targets.ts";
import { findPlatform } from "../../transpiler/lint/platforms.ts";
import { setOptions, useStudioStore } from "../../store/store.ts";

const TARGET_KEY = "kindling.target";
const PLATFORM_KEY = "kindling.platform";

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string | null): void {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // Blocked storage: the choice still holds for this page.
  }
}

/** Puts the stored choices into the store (before the first transpile). */
export function loadGuardrailPrefs(): void {
  const target = read(TARGET_KEY);
  const platform = read(PLATFORM_KEY);
  useStudioStore.setState({
    target: target !== null && findTarget(target) ? target : null,
    platform: platform !== null && findPlatform(platform) ? platform : null,
  });
}

export function chooseTarget(id: string | null): void {
  write(TARGET_KEY, id);
  setOptions({ target: id });
}

export function choosePlatform(id: string | null): void {
  write(PLATFORM_KEY, id);
  setOptions({ platform: id });
}

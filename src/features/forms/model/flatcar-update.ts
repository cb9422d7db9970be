/**
 * Flatcar's update settings, `/etc/flatcar/update.conf`: KEY=VALUE lines read by update_engine
 * (GROUP, SERVER) and locksmithd (REBOOT_STRATEGY, LOCKSMITHD_REBOOT_WINDOW_START/LENGTH).
 *
 * Sources: Flatcar docs "update.conf" (GROUP: stable, beta, alpha or lts, or a Nebraska group;
 * SERVER: the update server, `disabled` turns off downloads), "Switching release channels"
 * (GROUP=lts-2022 freezes an LTS stream), "Update and reboot strategies" (strategies
 * etcd-lock, reboot (the default), off; a reboot window written as in the example there, with
 * `overwrite: true`), and flatcar/locksmith's README and pkg/timeutil/periodic.go (window start
 * `[Day ]HH:MM` with a short day name, length a Go duration shorter than the period).
 *
 * Lines this form does not know (MACHINE_ALIAS, comments …) are kept as they are.
 */

export const UPDATE_CONF_PATH = "/etc/flatcar/update.conf";

/** The public channels (Flatcar docs, "update.conf" and "Switching release channels"). */
export const CHANNELS = ["stable", "beta", "alpha", "lts"] as const;
export const STRATEGIES = ["reboot", "etcd-lock", "off"] as const;
export type Strategy = (typeof STRATEGIES)[number];
export const WINDOW_DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] as const;

/** The keys this form edits ("" = not set: the image's default). */
export interface FlatcarUpdate {
  group: string;
  server: string;
  strategy: string;
  /** `HH:MM` or `Thu 04:00`. */
  windowStart: string;
  /** A Go duration, e.g. `1h`, `1h30m`. */
  windowLength: string;
}

export const KEYS = {
  group: "GROUP",
  server: "SERVER",
  strategy: "REBOOT_STRATEGY",
  windowStart: "LOCKSMITHD_REBOOT_WINDOW_START",
  windowLength: "LOCKSMITHD_REBOOT_WINDOW_LENGTH",
} as const satisfies Record<keyof FlatcarUpdate, string>;

/** locksmith also reads the window under these older names. */
const ALIASES: Readonly<Record<string, keyof FlatcarUpdate>> = { REBOOT_WINDOW_START: "windowStart", REBOOT_WINDOW_LENGTH: "windowLength" };

export const emptyUpdate: FlatcarUpdate = { group: "", server: "", strategy: "", windowStart: "", windowLength: "" };

const LINE = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/;

function unquote(v: string): string {
  const m = /^"(.*)"$/.exec(v) ?? /^'(.*)'$/.exec(v);
  return m ? (m[1] ?? "") : v;
}

function fieldOf(key: string): keyof FlatcarUpdate | undefined {
  for (const [k, name] of Object.entries(KEYS)) if (name === key) return k as keyof FlatcarUpdate;
  return Object.prototype.hasOwnProperty.call(ALIASES, key) ? ALIASES[key] : undefined;
}

/** The settings in an update.conf text (the last line for a key wins, as when a shell reads it). */
export function parseUpdateConf(text: string): FlatcarUpdate {
  const s = { ...emptyUpdate };
  for (const line of text.split("\n")) {
    const m = LINE.exec(line);
    const f = m ? fieldOf(m[1] ?? "") : undefined;
    if (m && f) s[f] = unquote(m[2] ?? "");
  }
  return s;
}

const quote = (v: string) => (/^[A-Za-z0-9_./:@+-]*$/.test(v) ? v : `"${v.replace(/(["\\$`])/g, "\\$1")}"`);

/**
 * `text` with the settings of `s`: a set key replaces its line (the first one; later duplicates
 * go), an unset key loses its lines, a new key is appended. Other lines stay as they are.
 */
export function writeUpdateConf(text: string, s: FlatcarUpdate): string {
  const lines = text === "" ? [] : text.replace(/\n$/, "").split("\n");
  const done = new Set<keyof FlatcarUpdate>();
  const out: string[] = [];
  for (const line of lines) {
    const m = LINE.exec(line);
    const f = m ? fieldOf(m[1] ?? "") : undefined;
    if (!f) {
      out.push(line);
      continue;
    }
    if (done.has(f) || s[f] === "") continue;
    done.add(f);
    // Keep the line as written when its value is unchanged (its quoting, its old key name).
    out.push(unquote(m?.[2] ?? "") === s[f] ? line : `${KEYS[f]}=${quote(s[f])}`);
  }
  for (const f of Object.keys(KEYS) as (keyof FlatcarUpdate)[]) {
    if (!done.has(f) && s[f] !== "") out.push(`${KEYS[f]}=${quote(s[f])}`);
  }
  return out.length === 0 ? "" : out.join("\n") + "\n";
}

const DURATION = /^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/;
const UNIT_SECONDS: Readonly<Record<string, number>> = { ns: 1e-9, us: 1e-6, µs: 1e-6, ms: 1e-3, s: 1, m: 60, h: 3600 };

/** Seconds in a Go duration (`1h30m`), or null when it is not one. */
export function durationSeconds(text: string): number | null {
  if (!DURATION.test(text)) return null;
  let total = 0;
  for (const m of text.matchAll(/(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g)) total += Number(m[1]) * (UNIT_SECONDS[m[2] ?? "s"] ?? 0);
  return total;
}

/** What locksmithd would refuse in the reboot window (it then ignores the window). */
export function windowProblems(s: FlatcarUpdate): string[] {
  if (s.windowStart === "" && s.windowLength === "") return [];
  const out: string[] = [];
  if (s.windowStart === "" || s.windowLength === "") out.push("A reboot window needs both a start and a length.");
  const start = /^(?:(\w+)\s+)?(\d{1,2}):(\d{1,2})$/.exec(s.windowStart.trim());
  const day = start?.[1];
  if (s.windowStart !== "") {
    if (!start) out.push('Start must be HH:MM, optionally after a day: "Thu 04:00".');
    else if (day !== undefined && !WINDOW_DAYS.some((d) => d.toLowerCase() === day.toLowerCase()))
      out.push(`Unknown day "${day}": use Mon, Tue, Wed, Thu, Fri, Sat or Sun.`);
    else if (Number(start[2]) > 23 || Number(start[3]) > 59) out.push("Start must be a time of day, 00:00 to 23:59.");
  }
  if (s.windowLength !== "") {
    const secs = durationSeconds(s.windowLength);
    const limit = day !== undefined ? 7 * 86400 : 86400;
    if (secs === null) out.push('Length must be a duration such as "1h", "30m" or "1h30m".');
    else if (secs >= limit) out.push(day !== undefined ? "A weekly window must be shorter than a week." : "A daily window must be shorter than a day.");
  }
  return out;
}

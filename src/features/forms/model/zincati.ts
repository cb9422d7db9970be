/**
 * Zincati's update strategy as a TOML drop-in, in the shape Fedora CoreOS's docs show
 * ("Auto-updates and manual rollbacks": `[updates] strategy = "periodic"` with
 * `[[updates.periodic.window]]` tables, or `[updates.fleet_lock] base_url = …`).
 */

export const ZINCATI_PATH = "/etc/zincati/config.d/55-updates-strategy.toml";
export const DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] as const;
export type Day = (typeof DAYS)[number];

export interface UpdateWindow {
  days: Day[];
  /** `HH:MM`, UTC. */
  start_time: string;
  length_minutes: number;
}

export interface UpdatesSettings {
  /** False writes `enabled = false` (no automatic updates at all). */
  enabled: boolean;
  strategy: "immediate" | "periodic" | "fleet_lock";
  windows: UpdateWindow[];
  base_url: string;
}

export const defaultUpdates: UpdatesSettings = { enabled: true, strategy: "immediate", windows: [], base_url: "" };

const q = (s: string) => JSON.stringify(s);

/** The drop-in's text. */
export function zincatiToml(s: UpdatesSettings): string {
  const lines = ["[updates]"];
  if (!s.enabled) lines.push("enabled = false");
  lines.push(`strategy = ${q(s.strategy)}`);
  if (s.strategy === "periodic") {
    for (const w of s.windows) {
      lines.push("", "[[updates.periodic.window]]");
      lines.push(`days = [ ${w.days.map(q).join(", ")} ]`);
      lines.push(`start_time = ${q(w.start_time)}`);
      lines.push(`length_minutes = ${w.length_minutes}`);
    }
  }
  if (s.strategy === "fleet_lock") lines.push("", "[updates.fleet_lock]", `base_url = ${q(s.base_url)}`);
  return lines.join("\n") + "\n";
}

/**
 * Reads a drop-in we (or a person following the docs) wrote; null when it has anything else,
 * so the form does not overwrite what it cannot show.
 */
export function parseZincatiToml(text: string): UpdatesSettings | null {
  const s: UpdatesSettings = { ...defaultUpdates, windows: [] };
  let table = "";
  let win: UpdateWindow | null = null;
  for (const raw of text.split("\n")) {
    const line = raw.replace(/#.*$/, "").trim();
    if (line === "") continue;
    const header = /^\[\[?\s*([\w.]+)\s*\]\]?$/.exec(line);
    if (header) {
      table = header[1] ?? "";
      if (line.startsWith("[[")) {
        if (table !== "updates.periodic.window") return null;
        win = { days: [], start_time: "", length_minutes: 0 };
        s.windows.push(win);
      } else if (table !== "updates" && table !== "updates.fleet_lock") return null;
      continue;
    }
    const kv = /^(\w+)\s*=\s*(.+)$/.exec(line);
    if (!kv) return null;
    const [, key, value = ""] = kv;
    const str = () => {
      const m = /^"([^"\\]*)"$/.exec(value) ?? /^'([^']*)'$/.exec(value);
      return m ? (m[1] ?? "") : null;
    };
    if (table === "updates" && key === "strategy") {
      const v = str();
      if (v !== "immediate" && v !== "periodic" && v !== "fleet_lock") return null;
      s.strategy = v;
    } else if (table === "updates" && key === "enabled" && (value === "true" || value === "false")) {
      s.enabled = value === "true";
    } else if (table === "updates.fleet_lock" && key === "base_url") {
      const v = str();
      if (v === null) return null;
      s.base_url = v;
    } else if (table === "updates.periodic.window" && win) {
      if (key === "days") {
        const m = /^\[(.*)\]$/.exec(value);
        if (!m) return null;
        const days = (m[1] ?? "")
          .split(",")
          .map((d) => d.trim().replace(/^["']|["']$/g, ""))
          .filter(Boolean);
        if (!days.every((d): d is Day => (DAYS as readonly string[]).includes(d))) return null;
        win.days = days;
      } else if (key === "start_time") {
        const v = str();
        if (v === null) return null;
        win.start_time = v;
      } else if (key === "length_minutes" && /^\d+$/.test(value)) {
        win.length_minutes = Number(value);
      } else return null;
    } else return null;
  }
  return s;
}

/** Problems of a window, for the form (Zincati refuses the whole config otherwise). */
export function windowProblems(w: UpdateWindow): string[] {
  const out: string[] = [];
  if (w.days.length === 0) out.push("Pick at least one day.");
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(w.start_time)) out.push("Start time must be HH:MM (24-hour, UTC).");
  if (!Number.isInteger(w.length_minutes) || w.length_minutes < 1) out.push("Length must be at least 1 minute.");
  return out;
}

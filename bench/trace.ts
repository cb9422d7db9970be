/** Reading Chrome traces (browser.startTracing) in the UI benchmarks. */

export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}
export type TraceFile = { traceEvents: TraceEvent[] } | TraceEvent[];

export const traceEvents = (trace: TraceFile): TraceEvent[] => (Array.isArray(trace) ? trace : trace.traceEvents);

/**
 * The top-level tasks (RunTask not nested in another) of each thread, with its process and name;
 * `keep` picks the tasks looked at (e.g. those that started before a mark).
 */
export function topLevelTasks(events: TraceEvent[], keep: (e: TraceEvent) => boolean = () => true) {
  const names = new Map(events.filter((e) => e.name === "thread_name").map((e) => [`${e.pid}:${e.tid}`, e.args?.name ?? ""]));
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    if (e.ph !== "X" || !/^(ThreadControllerImpl::)?RunTask$/.test(e.name) || !keep(e)) continue;
    const key = `${e.pid}:${e.tid}`;
    const list = byThread.get(key) ?? [];
    list.push(e);
    byThread.set(key, list);
  }
  return [...byThread].map(([key, tasks]) => {
    tasks.sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
    const top: TraceEvent[] = [];
    for (const t of tasks) {
      const last = top[top.length - 1];
      if (!last || t.ts >= last.ts + (last.dur ?? 0)) top.push(t);
    }
    return { pid: top[0]?.pid ?? 0, name: names.get(key) ?? key, tasks: top };
  });
}

/** CPU milliseconds of `tasks`. */
export const cpuMs = (tasks: TraceEvent[]): number => tasks.reduce((s, t) => s + (t.tdur ?? 0), 0) / 1000;

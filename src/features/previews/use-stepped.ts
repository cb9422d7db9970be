/** A stepped derivation (steps.ts) in a component: the first slice while rendering, the rest in tasks of their own. */
import { useEffect, useMemo, useState } from "react";
import { sliceOf, startJob, type Job, type Steps } from "./steps.ts";

/** The first slice shares its task with the panel's render, so it is the shorter one. */
const FIRST_SLICE_MS = 30;
const SLICE_MS = 50;

/**
 * The value `steps` derives from `input`: at once when the first slice finishes it (small
 * configs), else after a few more tasks, meanwhile the value of the previous input, or null when
 * there is none yet. `steps` and `fallback` must be stable (module-level).
 */
export function useStepped<T>(input: unknown, steps: (input: unknown) => Steps<T>, fallback: T): T | null {
  const started = useMemo(() => {
    const job = startJob(steps(input), fallback);
    return { job, first: job.run(sliceOf(FIRST_SLICE_MS)) };
  }, [input, steps, fallback]);
  const [finished, setFinished] = useState<{ job: Job<T>; value: T } | null>(null);
  useEffect(() => {
    if (started.first.done) return;
    const { job } = started;
    let timer: ReturnType<typeof setTimeout>;
    const slice = () => {
      const r = job.run(sliceOf(SLICE_MS));
      if (r.done) setFinished({ job, value: r.value });
      else timer = setTimeout(slice, 0);
    };
    timer = setTimeout(slice, 0);
    return () => clearTimeout(timer);
  }, [started]);
  const current = started.first.done ? started.first.value : finished?.job === started.job ? finished.value : null;
  // While a new input is derived, the last finished value stays shown.
  const [shown, setShown] = useState<T | null>(current);
  if (current !== null && current !== shown) setShown(current);
  return current ?? shown;
}

/**
 * Derivations spread over several tasks. A preview of tens of thousands of files takes a few
 * hundred milliseconds to derive; written as a generator that pauses (`yield`) every few hundred
 * entries, it runs in slices of a few dozen milliseconds with the page answering input in between
 * (issue #19: no main-thread task over 200 ms). Small configs finish within the first slice.
 */

/** A derivation that pauses with `yield` and returns its result. */
export type Steps<T> = Generator<void, T, void>;

/** Runs `steps` to the end; `fallback` if it throws (hostile objects: throwing getters, proxies). */
export function finish<T>(steps: Steps<T>, fallback: T): T {
  try {
    for (;;) {
      const r = steps.next();
      if (r.done === true) return r.value;
    }
  } catch {
    return fallback;
  }
}

/** A derivation under way; `run` advances it by one slice. */
export interface Job<T> {
  /** Advances until done or until `outOfTime()` says the slice is over (checked at each pause). Returns the value once done. */
  run(outOfTime: () => boolean): { done: true; value: T } | { done: false };
}

export function startJob<T>(steps: Steps<T>, fallback: T): Job<T> {
  let result: { done: true; value: T } | null = null;
  return {
    run(outOfTime) {
      if (result !== null) return result;
      try {
        do {
          const r = steps.next();
          if (r.done === true) return (result = { done: true, value: r.value });
        } while (!outOfTime());
      } catch {
        return (result = { done: true, value: fallback });
      }
      return { done: false };
    },
  };
}

/** A slice that ends `ms` milliseconds from now. */
export function sliceOf(ms: number): () => boolean {
  const end = performance.now() + ms;
  return () => performance.now() >= end;
}

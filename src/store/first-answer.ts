/**
 * Resolves once the transpile worker has answered for the first time (a result, a timeout or a
 * crash), or after `maxWaitMs`. Monaco's chunk waits for it before it runs: its evaluation is a
 * long main-thread task, and the first output should be on screen before it starts.
 */
import { Status, useStudioStore } from "./store.ts";

let answered: Promise<void> | null = null;

const hasAnswer = () => {
  const s = useStudioStore.getState();
  return s.result !== null || s.status === Status.Timeout || s.status === Status.Crash;
};

export function firstAnswer(maxWaitMs: number): Promise<void> {
  answered ??= new Promise<void>((resolve) => {
    if (hasAnswer()) return resolve();
    const stop = useStudioStore.subscribe(() => {
      if (!hasAnswer()) return;
      stop();
      resolve();
    });
  });
  return Promise.race([answered, new Promise<void>((resolve) => setTimeout(resolve, maxWaitMs))]);
}

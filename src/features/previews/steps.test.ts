import { describe, expect, it } from "vitest";
import { deriveFiles, emptyFilesView, filesSteps } from "./derive-files.ts";
import { finish, sliceOf, startJob, type Steps } from "./steps.ts";

function* count(to: number): Steps<number> {
  for (let i = 0; i < to; i++) yield;
  return to;
}

function* failing(): Steps<string> {
  yield;
  throw new Error("a throwing getter");
}

describe("stepped derivations", () => {
  it("finish runs to the end, or gives the fallback when the derivation throws", () => {
    expect(finish(count(5), -1)).toBe(5);
    expect(finish(failing(), "fallback")).toBe("fallback");
  });

  it("a job advances one slice per run, until done", () => {
    const job = startJob(count(3), -1);
    const always = () => true;
    const runs = [job.run(always), job.run(always), job.run(always), job.run(always)];
    expect(runs).toEqual([{ done: false }, { done: false }, { done: false }, { done: true, value: 3 }]);
    expect(job.run(always)).toEqual({ done: true, value: 3 });
    expect(startJob(count(1000), -1).run(() => false)).toEqual({ done: true, value: 1000 });
    const bad = startJob(failing(), "fallback");
    expect(bad.run(always)).toEqual({ done: false });
    expect(bad.run(always)).toEqual({ done: true, value: "fallback" });
  });

  it("a slice ends after its time", () => {
    expect(sliceOf(-1)()).toBe(true);
    expect(sliceOf(60_000)()).toBe(false);
  });

  it("derives tens of thousands of files in many steps, to the same view", () => {
    const config = { storage: { files: Array.from({ length: 20_000 }, (_, i) => ({ path: `/srv/d${i % 7}/f${i}` })), links: [{ path: "rel", target: "/x" }] } };
    const job = startJob(filesSteps(config), emptyFilesView);
    let slices = 1;
    let r = job.run(() => true);
    for (; !r.done; slices++) r = job.run(() => true);
    expect(slices).toBeGreaterThan(10);
    if (r.done) expect(r.value).toEqual(deriveFiles(config));
    expect(deriveFiles(config).rows).toBe(1 + 7 + 20_000);
  });

  it("pauses on entries without a place in the tree too", () => {
    const config = { storage: { links: Array.from({ length: 20_000 }, (_, i) => ({ path: `rel/${i}` })) } };
    const job = startJob(filesSteps(config), emptyFilesView);
    let slices = 1;
    while (!job.run(() => true).done) slices++;
    expect(slices).toBeGreaterThan(5);
    expect(deriveFiles(config).invalid).toHaveLength(20_000);
  });
});

/** Request/answer messaging over the shared worker link: crashes, unreadable messages and the watchdog. */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { FakePort } from "./fake-port.test-helpers.ts";
import { workerRpc } from "./worker-rpc.ts";

type To = { id: number; q: string };
type From = { id: number; a: string };

class FakeWorker extends FakePort<To, From> {
  answer(id: number, a: string) {
    this.reply({ id, a });
  }
}

describe("worker rpc", () => {
  let ports: FakeWorker[];
  const make = (timeoutMs?: number) =>
    workerRpc<To, From>({
      spawn: () => {
        const p = new FakeWorker();
        ports.push(p);
        return p;
      },
      onCrash: (id, message) => ({ id, a: `failed: ${message}` }),
      texts: { crashed: "crashed", unreadable: "unreadable" },
      ...(timeoutMs !== undefined ? { timeoutMs } : {}),
    });
  beforeEach(() => {
    ports = [];
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  it("answers each request by its id, from one worker started on first use", async () => {
    const rpc = make();
    expect(ports).toHaveLength(0);
    const a = rpc.send({ id: 1, q: "a" });
    const b = rpc.send({ id: 2, q: "b" });
    ports[0]!.answer(2, "B");
    ports[0]!.answer(1, "A");
    await expect(a).resolves.toEqual({ id: 1, a: "A" });
    await expect(b).resolves.toEqual({ id: 2, a: "B" });
    expect(ports).toHaveLength(1);
  });

  it("an unreadable message fails what is pending, and the next request starts a new worker", async () => {
    const rpc = make();
    const a = rpc.send({ id: 1, q: "a" });
    ports[0]!.onmessageerror?.({} as MessageEvent);
    await expect(a).resolves.toEqual({ id: 1, a: "failed: unreadable" });
    expect(ports[0]!.terminated).toBe(true);
    const b = rpc.send({ id: 2, q: "b" });
    expect(ports).toHaveLength(2);
    ports[1]!.answer(2, "B");
    await expect(b).resolves.toEqual({ id: 2, a: "B" });
  });

  it("a crash fails what is pending with the error's message", async () => {
    const rpc = make();
    const a = rpc.send({ id: 1, q: "a" });
    ports[0]!.onerror?.({ message: "boom" } as ErrorEvent);
    await expect(a).resolves.toEqual({ id: 1, a: "failed: boom" });
  });

  it("the watchdog stops a worker that does not answer in time", async () => {
    const rpc = make(1000);
    const a = rpc.send({ id: 1, q: "a" });
    vi.advanceTimersByTime(999);
    expect(ports[0]!.terminated).toBe(false);
    vi.advanceTimersByTime(1);
    expect(ports[0]!.terminated).toBe(true);
    await expect(a).resolves.toEqual({ id: 1, a: "failed: no answer after 1 s" });
    // an answered request disarms its watchdog
    const b = rpc.send({ id: 2, q: "b" });
    ports[1]!.answer(2, "B");
    vi.advanceTimersByTime(5000);
    expect(ports[1]!.terminated).toBe(false);
    await expect(b).resolves.toEqual({ id: 2, a: "B" });
  });
});

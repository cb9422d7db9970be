/** A stand-in for a Worker in unit tests: records what is posted and whether it was terminated. */
import type { Port } from "./worker-link.ts";

export class FakePort<To, From> implements Port<To, From> {
  sent: To[] = [];
  terminated = false;
  onmessage: ((ev: MessageEvent<From>) => void) | null = null;
  onerror: ((ev: ErrorEvent) => void) | null = null;
  onmessageerror: ((ev: MessageEvent) => void) | null = null;
  postMessage(msg: To) {
    this.sent.push(msg);
  }
  terminate() {
    this.terminated = true;
  }
  /** Delivers `msg` as if the worker had posted it. */
  reply(msg: From) {
    this.onmessage?.({ data: msg } as MessageEvent<From>);
  }
}

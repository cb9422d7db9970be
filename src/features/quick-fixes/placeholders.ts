/**
 * Fixes for Kindling's placeholder and secret findings: fill in a redacted value (set a password,
 * paste a key), replace an example key, hash a plain-text password.
 */
import type { Finding } from "../../transpiler/index.ts";
import { offsetAt } from "./text.ts";
import type { FillTarget, FillWhat, FixContext, FixProvider, QuickFix } from "./types.ts";

const TITLES: Record<FillWhat, string> = {
  "password-hash": "Set a password…",
  "ssh-key": "Paste a public key…",
  "private-key": "Paste the private key…",
  secret: "Fill in the value…",
};

/** Where a fill goes: the whole value at the finding's path, or exactly the marked characters. */
function targetOf(source: string, f: Finding, whole: boolean): FillTarget | null {
  if (whole && f.path.length > 0) return { kind: "value", path: f.path };
  if (f.line === undefined || f.column === undefined || f.endColumn === undefined) return null;
  const start = offsetAt(source, f.line, f.column);
  const end = offsetAt(source, f.endLine ?? f.line, f.endColumn);
  const lineStart = source.lastIndexOf("\n", start - 1) + 1;
  const indent = /^[ \t]*/.exec(source.slice(lineStart))?.[0] ?? "";
  return { kind: "range", start, end, was: source.slice(start, end), indent };
}

function fill(ctx: FixContext, what: FillWhat, whole: boolean): QuickFix[] {
  const f = ctx.target.finding;
  const target = f ? targetOf(ctx.source, f, whole) : null;
  return target ? [{ kind: "fill", title: TITLES[what], what, target }] : [];
}

const KINDS: readonly FillWhat[] = ["password-hash", "ssh-key", "private-key", "secret"];

export const redactedValue: FixProvider = {
  id: "fill-redacted",
  code: "placeholder-redacted",
  fixes(ctx) {
    const data = ctx.target.finding?.data ?? {};
    const kind = KINDS.find((k) => k === data.kind) ?? "secret";
    // A redacted SSH key (`ssh-ed25519 REDACTED me@host`) is replaced whole by the pasted key.
    const whole = data.whole === true || ((kind === "ssh-key" || kind === "password-hash") && ctx.target.path.length > 0);
    return fill(ctx, kind, whole);
  },
};

export const exampleKey: FixProvider = {
  id: "fill-example-key",
  code: "placeholder-example-key",
  fixes: (ctx) => fill(ctx, "ssh-key", ctx.target.finding?.data?.whole === true),
};

export const emptyPasswordHash: FixProvider = { id: "fill-empty-hash", code: "empty-password-hash", fixes: (ctx) => fill(ctx, "password-hash", true) };
export const plaintextPassword: FixProvider = { id: "fill-plaintext", code: "plaintext-password", fixes: (ctx) => fill(ctx, "password-hash", true) };

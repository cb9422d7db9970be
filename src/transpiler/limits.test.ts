/**
 * Limits on hostile input, through the public transpile(): alias bombs are refused with yaml.v3's
 * message, deep nesting gets a diagnostic (yaml.v3's above 10,000 levels, ours above 2,000), and
 * a 10 MB config is transpiled, all quickly and without a stack overflow.
 */
import { describe, expect, it } from "vitest";
import { transpile } from "./index.ts";
import { allowedAliasRatio, EXCESSIVE_ALIASING } from "./yaml/aliasing.ts";
import { DEFAULT_MAX_DEPTH, parseYaml } from "./yaml/parse.ts";

const HEAD = "variant: fcos\nversion: 1.5.0\n";
const UNMARSHAL = "Error translating config: Error unmarshaling yaml: ";

/** Transpiles and returns the result with the time it took. */
function timed(source: string) {
  const t = performance.now();
  const result = transpile(source, { pretty: true });
  return { result, ms: performance.now() - t };
}

const list = (n: number, item: string) => `[${Array<string>(n).fill(item).join(", ")}]`;

describe("alias bombs", () => {
  it("yaml.v3's allowed alias ratio (decode.go)", () => {
    expect(allowedAliasRatio(1000)).toBe(0.99);
    expect(allowedAliasRatio(400_000)).toBe(0.99);
    expect(allowedAliasRatio(2_200_000)).toBeCloseTo(0.545, 6);
    expect(allowedAliasRatio(4_000_000)).toBe(0.1);
  });

  it("billion laughs (10^9 strings from 10 lines) is refused at once", () => {
    let src = HEAD + `a0: &a0 ${list(10, "lol")}\n`;
    for (let i = 1; i < 10; i++) src += `a${i}: &a${i} ${list(10, `*a${i - 1}`)}\n`;
    const { result, ms } = timed(src);
    expect(result.failure).toBe(UNMARSHAL + EXCESSIVE_ALIASING);
    expect(result.output).toBeNull();
    expect(ms).toBeLessThan(1000);
  });

  it("a bomb through typed fields (files → append → http_headers, 10^6 headers from 1 KB) is refused", () => {
    // Before the limit this input kept the transpiler busy for ~45 s at n = 100.
    const n = 100;
    const src =
      HEAD +
      `x: &h {name: a, value: b}\n` +
      `y: &a {source: "http://x", http_headers: ${list(n, "*h")}}\n` +
      `z: &f {path: /a, append: ${list(n, "*a")}}\n` +
      `storage:\n  files: ${list(n, "*f")}\n`;
    const { result, ms } = timed(src);
    expect(result.failure).toBe(UNMARSHAL + EXCESSIVE_ALIASING);
    expect(ms).toBeLessThan(1000);
  });

  it("the parse result points the editor at the alias that tipped the balance", () => {
    let src = `a0: &a0 ${list(10, "x")}\n`;
    for (let i = 1; i < 6; i++) src += `a${i}: &a${i} ${list(10, `*a${i - 1}`)}\n`;
    const r = parseYaml(src);
    expect(r).toMatchObject({ ok: false, message: EXCESSIVE_ALIASING });
    expect(!r.ok && r.line).toBeGreaterThan(1);
  });

  it("ordinary reuse of anchors still transpiles", () => {
    const units = Array.from({ length: 50 }, (_, i) => `    - name: u${i}.service\n      <<: *common\n`).join("");
    const src = `variant: fcos\nversion: 1.5.0\nx: &common {enabled: true, contents: "[Unit]\\nDescription=x\\n"}\nsystemd:\n  units:\n${units}`;
    const { result } = timed(src);
    expect(result.failure).toBeUndefined();
    expect((result.config as { systemd: { units: unknown[] } }).systemd.units).toHaveLength(50);
  });

  it("a hundredfold expansion below yaml.v3's limit is decoded", () => {
    // 100 users × 100 keys: 10,000 strings through aliases, as upstream accepts.
    const src = `${HEAD}x: &k ${list(100, "ssh-ed25519 AAAA")}\ny: &u {name: a, ssh_authorized_keys: *k}\npasswd:\n  users: ${list(100, "*u")}\n`;
    expect(parseYaml(src).ok).toBe(true);
    expect(timed(src).result.failure).not.toContain("aliasing");
  });

  it("an alias to its own ancestor is not counted forever", () => {
    const { result, ms } = timed(`${HEAD}a: &x [1, *x]\n`);
    expect(result.failure ?? "").not.toContain("aliasing");
    expect(ms).toBeLessThan(1000);
  });
});

describe("deep nesting: a diagnostic, no stack overflow", () => {
  const cases: [string, (n: number) => string][] = [
    ["block sequences", (n) => `${HEAD}x:\n${"- ".repeat(n)}x\n`],
    ["flow sequences", (n) => `${HEAD}x: ${"[".repeat(n)}${"]".repeat(n)}\n`],
    ["flow mappings", (n) => `${HEAD}x: ${"{a: ".repeat(n)}1${"}".repeat(n)}\n`],
    ["mixed flow", (n) => `${HEAD}x: ${"[{a: ".repeat(n / 2)}1${"}]".repeat(n / 2)}\n`],
  ];

  it.each(cases)("10,000 levels of %s: Kindling's depth limit", (_name, make) => {
    const { result, ms } = timed(make(10_000));
    expect(result.failure).toBe(`${UNMARSHAL}yaml: exceeded max depth of ${DEFAULT_MAX_DEPTH}`);
    expect(ms).toBeLessThan(2000);
  });

  it("block mappings one space deeper per level (2,100 levels, 2.2 MB)", () => {
    const src = HEAD + Array.from({ length: 2100 }, (_, i) => `${" ".repeat(i)}a:`).join("\n") + " 1\n";
    const { result, ms } = timed(src);
    expect(result.failure).toBe(`${UNMARSHAL}yaml: exceeded max depth of ${DEFAULT_MAX_DEPTH}`);
    expect(ms).toBeLessThan(5000);
  });

  it.each(cases.slice(0, 3))("10,001 levels of %s: yaml.v3's own limit and message", (_name, make) => {
    const { result } = timed(make(10_002));
    expect(result.failure).toMatch(new RegExp(`^${UNMARSHAL}yaml: (line \\d+: )?exceeded max depth of 10000$`));
  });

  it(`${DEFAULT_MAX_DEPTH} levels under an unknown key still transpile (with a warning)`, () => {
    const { result } = timed(`${HEAD}x: ${"[".repeat(DEFAULT_MAX_DEPTH - 1)}${"]".repeat(DEFAULT_MAX_DEPTH - 1)}\n`);
    expect(result.failure).toBeUndefined();
    expect(result.diagnostics.map((d) => d.message)).toEqual(["unused key x"]);
  });
});

describe("big input", () => {
  it("a 10 MB config is transpiled", () => {
    const line = "          hello world, this is a line of a big file\n";
    const head = `${HEAD}storage:\n  files:\n    - path: /var/big\n      contents:\n        inline: |\n`;
    const src = head + line.repeat(Math.ceil((10e6 - head.length) / line.length));
    expect(src.length).toBeGreaterThanOrEqual(10e6);
    const { result, ms } = timed(src);
    expect(result.failure).toBeUndefined();
    expect(result.output).toContain('"path": "/var/big"');
    expect(ms).toBeLessThan(20_000);
  }, 60_000);
});

/** The user-data size meter (each platform's measure) and the remedies' builders. */
import { createHash } from "node:crypto";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { transpile } from "../index.ts";
import { gzipBestCompression as gzip } from "../go/gzip.ts";
import { validateIgnition } from "../ignition/validate.ts";
import { PLATFORMS } from "./platforms.ts";
import { embeddedFiles, measureUserData } from "./size-meter.ts";
import { buildPointerConfig, remoteContentsYaml, remoteUrlProblem } from "./pointer-config.ts";

/** A config with an `n`-character file embedded as a data URL (the output grows by exactly `n`). */
const bigConfig = (n: number) => {
  let s = "";
  let x = 12345;
  while (s.length < n) {
    x = (x * 1103515245 + 12345) % 2147483648;
    s += x.toString(36);
  }
  return `variant: fcos\nversion: 1.6.0\nstorage:\n  files:\n    - path: /opt/blob\n      contents:\n        source: "data:,${s.slice(0, n)}"\n    - path: /etc/motd\n      contents:\n        inline: hi\n`;
};

describe("measuring the output as each platform counts it", () => {
  const output = transpile(bigConfig(3000)).output!;
  const raw = Buffer.byteLength(output);
  const b64 = Buffer.from(output).toString("base64").length;
  it.each(PLATFORMS.map((p) => [p.id, p] as const))("%s", (id, p) => {
    const m = measureUserData(output, id)!;
    expect(m.limit).toBe(p.limit);
    for (const e of p.encodings) {
      if (e === "raw") expect(m.forms.raw).toBe(raw);
      if (e === "base64") expect(m.forms.base64).toBe(b64);
      if (e === "gzip+base64") {
        const gz = gzip(Buffer.from(output));
        expect(gunzipSync(gz).toString()).toBe(output);
        expect(m.forms["gzip+base64"]).toBe(Buffer.from(gz).toString("base64").length);
      }
    }
    expect(Object.keys(m.forms).sort()).toEqual([...p.encodings].sort());
    expect(m.bytes).toBe(Math.min(...p.encodings.map((e) => m.forms[e]!)));
  });
});

describe("the size finding", () => {
  const at = (n: number, platform = "aws") => transpile(bigConfig(n), { lint: { platform } });
  it("turns on just over AWS's 16 KiB (raw), with the largest embedded file", () => {
    // An input whose output is exactly at the limit, then one byte over.
    const n = 16384 - Buffer.byteLength(at(0).output!);
    const exact = at(n);
    expect(Buffer.byteLength(exact.output!)).toBe(16384);
    expect(exact.userDataSize).toMatchObject({ bytes: 16384, limit: 16384, over: false });
    expect(exact.findings?.map((f) => f.code)).toEqual(["size-near-limit"]);
    const over = at(n + 1);
    expect(over.userDataSize?.over).toBe(true);
    const f = over.findings?.find((x) => x.code === "size-over-limit");
    expect(f?.severity).toBe("error");
    expect(f?.data).toMatchObject({ platform: "aws", bytes: 16385, limit: 16384, largestFile: "/opt/blob", largestFileIndex: 0 });
  });
  it("nothing without a platform, and none for a platform without a documented limit", () => {
    expect(transpile(bigConfig(20000), { lint: true }).findings).toEqual([]);
    expect(at(20000, "qemu").findings).toEqual([]);
    expect(at(20000, "qemu").userDataSize?.limit).toBeNull();
  });
  it("VMware counts the smallest encoding it accepts (gzip+base64 for text)", () => {
    const r = transpile(`variant: fcos\nversion: 1.6.0\nstorage:\n  files:\n    - path: /a\n      contents:\n        inline: ${"abc ".repeat(30000)}\n`, {
      lint: { platform: "vmware" },
    });
    // Butane compresses big inline text already; the meter still picks the smallest form.
    expect(r.userDataSize?.encoding).toBeDefined();
    expect(r.userDataSize!.bytes).toBe(Math.min(...Object.values(r.userDataSize!.forms)));
  });
  it("lists embedded files largest first", () => {
    const cfg = JSON.parse(transpile(bigConfig(2000)).output!);
    expect(embeddedFiles(cfg).map((f) => f.path)).toEqual(["/opt/blob", "/etc/motd"]);
  });
});

describe("the pointer config", () => {
  const full = transpile(bigConfig(20000)).output!;
  const digest = createHash("sha512").update(full).digest("hex");
  it("carries the full config's SHA-512", () => {
    const r = buildPointerConfig({ url: "https://example.com/full.ign", ignitionVersion: "3.5.0", sha512Hex: digest });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const pointer = JSON.parse(r.text);
    expect(pointer).toEqual({
      ignition: {
        config: { replace: { source: "https://example.com/full.ign", verification: { hash: `sha512-${createHash("sha512").update(full).digest("hex")}` } } },
        version: "3.5.0",
      },
    });
    expect(validateIgnition(pointer, "3.5.0")).toEqual([]);
    expect(Buffer.byteLength(r.text)).toBeLessThan(400);
  });
  it("refuses URLs Ignition cannot fetch and malformed hashes", () => {
    expect(buildPointerConfig({ url: "ftp://x/y", ignitionVersion: "3.5.0", sha512Hex: digest }).ok).toBe(false);
    expect(buildPointerConfig({ url: "https://x/y", ignitionVersion: "3.5.0", sha512Hex: "abc" }).ok).toBe(false);
    expect(remoteUrlProblem("not a url")).not.toBeNull();
    expect(remoteUrlProblem("s3://bucket/key")).toBeNull();
    expect(remoteUrlProblem("arn:aws:s3:::bucket/key")).toBeNull();
  });
  it("a file moved to a remote source transpiles with its hash", () => {
    const r = remoteContentsYaml("https://example.com/blob", digest);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const src = `variant: fcos\nversion: 1.6.0\nstorage:\n  files:\n    - path: /opt/blob\n${r.text}`;
    const out = JSON.parse(transpile(src).output!);
    expect(out.storage.files[0].contents).toEqual({ source: "https://example.com/blob", verification: { hash: `sha512-${digest}` } });
  });
});

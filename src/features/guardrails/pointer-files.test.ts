/** The pointer-config remedy's files: hashes equal Node's, the pointer points at the full config. */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { transpile } from "../../transpiler/index.ts";
import { pointerFiles, remoteFileContents, sha512Hex } from "./pointer-files.ts";

describe("pointer files", () => {
  const full = transpile(
    `variant: fcos\nversion: 1.6.0\nstorage:\n  files:\n    - path: /opt/é\n      contents:\n        inline: ${"ünïcödé ".repeat(500)}\n`,
    { pretty: true },
  ).output!;
  it("hash the exact UTF-8 bytes of the full config, as Node's crypto does", () => {
    expect(sha512Hex(full)).toBe(createHash("sha512").update(full, "utf8").digest("hex"));
    expect(sha512Hex("")).toBe(createHash("sha512").update("").digest("hex"));
  });
  it("name both files and embed the hash and the URL in the pointer", () => {
    const r = pointerFiles(full, "https://configs.example.com/node-1.ign", "3.5.0", "node-1.ign", true);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.files.full).toEqual({ name: "node-1.ign", text: full });
    expect(r.files.pointer.name).toBe("node-1.pointer.ign");
    const pointer = JSON.parse(r.files.pointer.text);
    expect(pointer.ignition.config.replace).toEqual({
      source: "https://configs.example.com/node-1.ign",
      verification: { hash: `sha512-${createHash("sha512").update(full).digest("hex")}` },
    });
    expect(pointer.ignition.version).toBe("3.5.0");
  });
  it("report a URL Ignition cannot fetch", () => {
    expect(pointerFiles(full, "configs.example.com/x", "3.5.0", "config.ign", false)).toEqual({ ok: false, error: expect.stringMatching(/full URL/) });
  });
  it("a remote file's contents carry the SHA-512 of its bytes", () => {
    const bytes = new Uint8Array([0, 1, 2, 250]);
    const r = remoteFileContents(bytes, "https://example.com/blob");
    expect(r.ok && r.yaml).toContain(`hash: sha512-${createHash("sha512").update(bytes).digest("hex")}`);
  });
});

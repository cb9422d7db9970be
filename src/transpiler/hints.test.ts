/** Hints are keyed by the diagnostics' stable codes, which come from the producers' own messages. */
import { describe, expect, it } from "vitest";
import { transpile } from "./index.ts";

const bu = (body: string) => `variant: fcos\nversion: 1.6.0\n${body}`;
const entry = (source: string) => transpile(bu(source)).diagnostics[0];

describe("diagnostic codes and hints", () => {
  it.each([
    ["storage:\n  files:\n    - path: /etc/x\n      mode: 644\n", "mode-decimal", /octal/],
    ["storage:\n  filez: []\n", "unused-key", /spelling/],
    ["storage:\n  files:\n    - path: etc/x\n", "path-relative", /start with \//],
    ["storage:\n  files:\n    - path: /etc//x\n", "path-unclean", /double slashes/],
    ['systemd:\n  units:\n    - name: a.service\n      enabled: true\n      contents: "[Unit]\\n"\n', "unit-enabled-without-install", /\[Install\]/],
    ["systemd:\n  units:\n    - name: a.bad\n", "unit-extension", /\.service/],
    ["storage:\n  files:\n    - path: /etc/x\n      contents:\n        inline: a\n        source: data:,b\n", "only-one-of", /exactly one/],
    ["storage:\n  files:\n    - path: /etc/x\n      contents:\n        local: x\n", "files-dir-missing", /Files panel/],
  ])("%s → %s", (source, code, hint) => {
    const d = entry(source);
    expect(d).toMatchObject({ code });
    expect(d?.hint).toMatch(hint);
  });

  it("a diagnostic Kindling has nothing for carries neither", () => {
    const d = entry("storage:\n  files:\n    - path: /etc/x\n    - path: /etc/x\n");
    expect(d).toMatchObject({ message: "duplicate entry defined", code: "duplicate-entry" });
    expect(d?.hint).toBeUndefined();
    const plain = transpile(bu("storage:\n  links:\n    - path: /etc/l\n")).diagnostics[0];
    expect(plain?.message).toBeTruthy();
    expect(plain?.code).toBeUndefined();
    expect(plain?.hint).toBeUndefined();
  });
});

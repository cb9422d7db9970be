import { describe, expect, it } from "vitest";
import { compose } from "../../compose/index.ts";
import { originAtOffset, originText, placeOrigins } from "./output-origins.ts";

const HEAD = "variant: fcos\nversion: 1.5.0\n";
const MAIN = {
  name: "main.bu",
  source: `${HEAD}passwd:\n  users:\n    - name: core\n      ssh_authorized_keys:\n        - ssh-ed25519 AAAA main\nstorage:\n  files:\n    - path: /etc/motd\n      mode: 0644\n`,
};
const NTP = {
  name: "snippets/ntp.bu",
  source: `${HEAD}passwd:\n  users:\n    - name: core\n      ssh_authorized_keys:\n        - ssh-ed25519 BBBB ntp\nstorage:\n  files:\n    - path: /etc/chrony.conf\n      contents:\n        inline: server ntp\n`,
};

describe.each([
  { name: "pretty", pretty: true },
  { name: "compact", pretty: false },
])("origins placed on $name output", ({ pretty }) => {
  const r = compose(MAIN, [NTP], { origins: true, pretty });
  const text = r.output!;
  const placed = placeOrigins(text, r.origins!);
  /** The origin of what sits at the first occurrence of `needle`. */
  const at = (needle: string) => {
    const o = originAtOffset(placed, text.indexOf(needle));
    return o && originText(o);
  };

  it("finds the file and line of whatever sits at an offset", () => {
    expect(at("/etc/chrony.conf")).toBe("snippets/ntp.bu:10");
    expect(at("/etc/motd")).toBe("main.bu:10");
    expect(at("BBBB")).toBe("snippets/ntp.bu:7");
    expect(at("AAAA")).toBe("main.bu:7");
    // a value's origin is its own field's (`mode:` on line 11)
    expect(at("420")).toBe("main.bu:11");
  });

  it("labels entries, and a nested entry only when another file gave it", () => {
    expect(placed.labels.map((l) => originText(l.origin))).toEqual([
      "snippets/ntp.bu:2", // ignition.version: the last file merged sets it (its `version:` line)
      "snippets/ntp.bu:5", // passwd.users[core]: both files have it, the snippet's merged last
      "main.bu:7", // the user's first key, from main (the second, from the snippet's own file, has none)
      "main.bu:10", // storage.files[/etc/motd]
      "snippets/ntp.bu:10", // storage.files[/etc/chrony.conf]
    ]);
    // each label's span is its entry's text
    for (const l of placed.labels) expect(() => JSON.parse(text.slice(l.start, l.end).replace(/^"[^"]*":/, "")) as unknown).not.toThrow();
  });

  it("draws at most maxLabels labels", () => {
    expect(placeOrigins(text, r.origins!, 2).labels).toHaveLength(2);
  });
});

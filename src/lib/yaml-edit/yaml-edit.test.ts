import { describe, expect, it } from "vitest";
import { lineDiff } from "./line-diff.ts";
import { appendIn, applyEdit, insertAfterEdit, readYaml, renameKeyEdit, setIn, writeConfig } from "./yaml-edit.ts";

const js = (text: string) => {
  const r = readYaml(text);
  if (!r.ok) throw new Error(r.message);
  return r.value;
};

const base = `# My machine
variant: fcos   # the distro
version: 1.6.0
passwd:
  users:
    # the default user
    - name: core
      ssh_authorized_keys:
        - "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIB core@laptop"  # laptop
storage:
  files:
    - path: /etc/hostname
      mode: 0644
      contents:
        inline: |
          node1
    - path: '/etc/motd'
      contents: {inline: "hi"}
systemd:
  units:
    - name: a.service
      enabled: true
    - name: b.service
      mask: true
`;

describe("minimal YAML edits", () => {
  it("adds a user to an existing passwd.users list: only new lines, comments kept", () => {
    const out = appendIn(base, ["passwd", "users"], { name: "alice", groups: ["wheel"] });
    expect(lineDiff(base, out)).toEqual({
      removed: [],
      added: ["    - name: alice", "      groups:", "        - wheel"],
      at: 10,
    });
    expect((js(out) as { passwd: { users: unknown[] } }).passwd.users[1]).toEqual({ name: "alice", groups: ["wheel"] });
  });

  it("adds the first user when passwd is missing: appended at the end, nothing else moves", () => {
    const text = "variant: fcos\nversion: 1.6.0 # pinned\nstorage:\n  files: []\n";
    const out = appendIn(text, ["passwd", "users"], { name: "core" });
    expect(out).toBe(text + "passwd:\n  users:\n    - name: core\n");
  });

  it("adds under an empty key with a comment after it", () => {
    const text = "variant: fcos\nversion: 1.6.0\npasswd:  # users go here\nstorage: {}\n";
    const out = appendIn(text, ["passwd", "users"], { name: "core" });
    expect(out).toBe("variant: fcos\nversion: 1.6.0\npasswd:  # users go here\n  users:\n    - name: core\nstorage: {}\n");
  });

  it("follows the document's own indentation (4 spaces, unindented lists)", () => {
    const text = "variant: fcos\nversion: 1.6.0\npasswd:\n    users:\n    - name: core\n";
    const out = appendIn(text, ["passwd", "users"], { name: "bob", groups: ["a"] });
    expect(out).toBe(text + "    - name: bob\n      groups:\n      - a\n");
  });

  it("changes a mode in place, written in octal", () => {
    const out = setIn(base, ["storage", "files", 0, "mode"], 0o600);
    expect(lineDiff(base, out)).toEqual({ removed: ["      mode: 0644"], added: ["      mode: 0600"], at: 13 });
  });

  it("keeps a scalar's quoting style", () => {
    const out = setIn(base, ["storage", "files", 1, "path"], "/etc/issue");
    expect(lineDiff(base, out).added).toEqual(["    - path: '/etc/issue'"]);
    const out2 = setIn(base, ["storage", "files", 1, "contents", "inline"], "hello");
    expect(lineDiff(base, out2).added).toEqual(['      contents: {inline: "hello"}']);
  });

  it("edits a block literal in place", () => {
    const out = setIn(base, ["storage", "files", 0, "contents", "inline"], "node2\nmore\n");
    expect(lineDiff(base, out)).toEqual({ removed: ["          node1"], added: ["          node2", "          more"], at: 16 });
  });

  it("a plain value that needs quotes gets them", () => {
    const out = setIn(base, ["systemd", "units", 0, "name"], "x: y.service");
    expect(lineDiff(base, out).added).toEqual(['    - name: "x: y.service"']);
    expect(js(out)).toMatchObject({ systemd: { units: [{ name: "x: y.service" }, { name: "b.service" }] } });
  });

  it("adds a key to a flow map and an item to a flow list", () => {
    const out = setIn(base, ["storage", "files", 1, "contents", "compression"], "gzip");
    expect(lineDiff(base, out).added).toEqual(['      contents: {inline: "hi", compression: gzip}']);
    const text = "variant: fcos\nversion: 1.6.0\npasswd:\n  users:\n    - name: a\n      groups: [wheel] # admins\n";
    const out2 = appendIn(text, ["passwd", "users", 0, "groups"], "docker");
    expect(lineDiff(text, out2).added).toEqual(["      groups: [wheel, docker] # admins"]);
  });

  it("removes an item: only its lines, comments above the list kept", () => {
    const out = setIn(base, ["systemd", "units", 0], undefined);
    expect(lineDiff(base, out)).toEqual({ removed: ["    - name: a.service", "      enabled: true"], added: [], at: 21 });
  });

  it("removes the first key of a list item: the next key moves onto the dash line", () => {
    const out = setIn(base, ["systemd", "units", 1, "name"], undefined);
    expect(lineDiff(base, out)).toEqual({ removed: ["    - name: b.service", "      mask: true"], added: ["    - mask: true"], at: 23 });
  });

  it("removing the only item removes the now empty list key too", () => {
    const out = setIn(base, ["passwd", "users", 0], undefined);
    expect(out).not.toContain("passwd:");
    expect(out).toContain("# My machine\nvariant: fcos   # the distro\nversion: 1.6.0\nstorage:");
  });

  it("writeConfig moves the text to a new config with the fewest changed lines", () => {
    const cfg = js(base) as { systemd: { units: Record<string, unknown>[] } };
    const next = structuredClone(cfg);
    next.systemd.units[1] = { name: "b.service", enabled: false };
    const out = writeConfig(base, next);
    expect(lineDiff(base, out)).toEqual({ removed: ["      mask: true"], added: ["      enabled: false"], at: 24 });
    expect(writeConfig(base, js(base))).toBe(base);
  });

  it("writes new multi-line text as a block literal that reads back exactly", () => {
    const contents = "[Unit]\nDescription=x\n\n[Service]\nExecStart=/bin/true\n";
    const out = appendIn(base, ["systemd", "units"], { name: "c.service", contents });
    expect(lineDiff(base, out).added).toEqual([
      "    - name: c.service",
      "      contents: |",
      "        [Unit]",
      "        Description=x",
      "",
      "        [Service]",
      "        ExecStart=/bin/true",
    ]);
    expect((js(out) as { systemd: { units: { contents?: string }[] } }).systemd.units[2]?.contents).toBe(contents);
    for (const text of ["no final newline", "two\n\n", "  leading spaces\nx\n", "tab\there\n"]) {
      const o = appendIn(base, ["systemd", "units"], { name: "d", contents: text });
      expect((js(o) as { systemd: { units: { contents?: string }[] } }).systemd.units[2]?.contents).toBe(text);
    }
  });

  it.each(["node2", "a\nb", "  indented\n", "x\n\n\n", "quote ' and \" # not a comment", "", "true", "0644", "- dash", "key: value"])(
    "any string set in place reads back exactly: %j",
    (v) => {
      for (const path of [
        ["storage", "files", 0, "contents", "inline"],
        ["storage", "files", 1, "path"],
        ["storage", "files", 1, "contents", "inline"],
        ["passwd", "users", 0, "ssh_authorized_keys", 0],
      ]) {
        const out = setIn(base, path, v);
        let cur: unknown = js(out);
        for (const k of path) cur = (cur as Record<string | number, unknown>)[k];
        expect(cur).toBe(v);
        expect(out.split("\n").filter((l) => l.includes("#")).length).toBeGreaterThanOrEqual(4);
      }
    },
  );

  it("turns a scalar into a block and an empty value into a list", () => {
    const text = "a:\nb: 1\n";
    expect(setIn(text, ["a"], ["x", "y"])).toBe("a:\n  - x\n  - y\nb: 1\n");
    expect(setIn(text, ["b"], { c: 2 })).toBe("a:\nb:\n  c: 2\n");
  });

  it("renames a key in place, keeping its quotes, its value and the comments", () => {
    const edit = renameKeyEdit(base, ["storage", "files", 0, "mode"], "file_mode");
    expect(edit && lineDiff(base, applyEdit(base, edit))).toEqual({ removed: ["      mode: 0644"], added: ["      file_mode: 0644"], at: 13 });
    const quoted = "a:\n  'b c': 1 # note\n";
    const e2 = renameKeyEdit(quoted, ["a", "b c"], "d e");
    expect(e2 && applyEdit(quoted, e2)).toBe("a:\n  'd e': 1 # note\n");
    expect(renameKeyEdit(base, ["storage", "nope"], "x")).toBeNull();
  });

  it("inserts a key after a named one, in the block's style", () => {
    const text = "variant: openshift\nversion: 4.16.0 # pinned\n# files\nstorage: {}\n";
    const e = insertAfterEdit(text, [], "version", "metadata", { name: "n", labels: { "a.b/c": "w" } });
    expect(e && applyEdit(text, e)).toBe("variant: openshift\nversion: 4.16.0 # pinned\nmetadata:\n  name: n\n  labels:\n    a.b/c: w\n# files\nstorage: {}\n");
    // A key that is there already is not added twice.
    expect(insertAfterEdit(text, [], "variant", "version", "1")).toBeNull();
  });
});

/** Inserting a template keeps the user's text (comments included) and adds only the template's settings. */
import { describe, expect, it } from "vitest";
import { lineDiff } from "../../lib/yaml-edit/line-diff.ts";
import { transpile } from "../../transpiler/index.ts";
import { insertTemplate } from "./insert.ts";
import { templates } from "./templates.ts";

const mine = `# My web server
variant: fcos
version: 1.7.0 # newest stable
passwd:
  users:
    - name: core # the default user
      ssh_authorized_keys:
        - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI... me@laptop
storage:
  files:
    # greeting
    - path: /etc/motd
      contents:
        inline: hello
`;

/** Whether every line of `before` is still in `after`, in order (lines were only added). */
function onlyAdded(before: string, after: string): boolean {
  const rest = after.split("\n");
  let i = 0;
  for (const line of before.split("\n")) {
    while (i < rest.length && rest[i] !== line) i++;
    if (i === rest.length) return false;
    i++;
  }
  return true;
}

const byId = (id: string) => {
  const t = templates.find((x) => x.id === id);
  if (!t) throw new Error(id);
  return t;
};

describe("insert a template into the user's config", () => {
  it("adds the template's file after the user's, keeping every line and comment of theirs", () => {
    const r = insertTemplate(mine, byId("time-zone").source);
    if (!r.ok) throw new Error(r.reason);
    expect(r.from).toBeNull();
    const d = lineDiff(mine, r.text);
    expect(d.removed).toEqual([]);
    expect(d.added).toEqual(["  links:", "    - path: /etc/localtime", "      target: ../usr/share/zoneinfo/Europe/Berlin"]);
    expect(transpile(r.text).diagnostics).toEqual([]);
  });

  it("merges into the user's own entry (the core user) instead of duplicating it", () => {
    const r = insertTemplate(mine, byId("ssh-key-hostname").source);
    if (!r.ok) throw new Error(r.reason);
    expect(r.text).toContain("    - name: core # the default user");
    expect(r.text.match(/- name: core/g)).toHaveLength(1);
    expect(r.text).toContain("        - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI... me@laptop\n        - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI... user@example\n");
    expect(onlyAdded(mine, r.text)).toBe(true);
    expect(r.text.split("\n").length - mine.split("\n").length).toBe(5);
    for (const c of ["# My web server", "# newest stable", "# the default user", "# greeting"]) expect(r.text).toContain(c);
  });

  it("refuses, naming them, when the template would change values the user set", () => {
    const r = insertTemplate(mine.replace("/etc/motd", "/etc/hostname"), byId("ssh-key-hostname").source);
    expect(r).toEqual({
      ok: false,
      reason:
        "Not inserted: your config already sets storage.files[/etc/hostname].contents.inline to something else. Change it in your config, or start a new draft from the template.",
    });
  });

  it("keeps the user's variant and version and reports the template's when they differ", () => {
    const r = insertTemplate(mine, byId("flatcar-static-ip").source);
    if (!r.ok) throw new Error(r.reason);
    expect(r.from).toEqual({ variant: "flatcar", version: "1.1.0" });
    expect(r.text).toContain("variant: fcos\nversion: 1.7.0 # newest stable\n");
    expect(r.text).toContain("/etc/systemd/network/00-static.network");
    expect(onlyAdded(mine, r.text)).toBe(true);
  });

  it("an empty or comment-only text gets the template as it is", () => {
    expect(insertTemplate("", byId("time-zone").source)).toEqual({ ok: true, text: byId("time-zone").source, from: null });
    const r = insertTemplate("# notes\n", byId("time-zone").source);
    expect(r).toMatchObject({ ok: true, text: "# notes\n" + byId("time-zone").source });
  });

  it("says why it cannot merge into unreadable YAML", () => {
    expect(insertTemplate("a: [\n", byId("time-zone").source)).toMatchObject({ ok: false, reason: expect.stringContaining("cannot be merged") });
    expect(insertTemplate("- a\n- b\n", byId("time-zone").source)).toMatchObject({ ok: false, reason: expect.stringContaining("not a mapping") });
  });

  it.each(templates.filter((t) => !t.version.includes("experimental")))("$id inserts into a config of its own variant with zero diagnostics", (t) => {
    const base =
      `# keep me\nvariant: ${t.variant}\nversion: ${t.version}\n` +
      (t.variant === "openshift" ? "metadata:\n  name: 99-worker-mine # mine\n  labels:\n    machineconfiguration.openshift.io/role: worker\n" : "");
    const r = insertTemplate(base, t.source);
    if (!r.ok) throw new Error(r.reason);
    expect(r.text.startsWith(base)).toBe(true);
    expect(transpile(r.text).diagnostics).toEqual([]);
  });
});

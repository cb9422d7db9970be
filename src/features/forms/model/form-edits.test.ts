/** Edits through the form model change only the lines they must; comments and unknown keys stay. */
import { describe, expect, it } from "vitest";
import { lineDiff } from "../../../lib/yaml-edit/line-diff.ts";
import { capabilitiesOf } from "./capabilities.ts";
import { appendIn, getIn, loadConfig, saveConfig, setIn, type Config } from "./config.ts";
import { specFor } from "./spec-walk.ts";
import { checkSshKey } from "./ssh-key.ts";
import { parseZincatiToml, windowProblems, ZINCATI_PATH, zincatiToml, type UpdatesSettings } from "./zincati.ts";

const load = (text: string): Config => {
  const r = loadConfig(text);
  if (!r.ok) throw new Error(r.message);
  return r.config;
};
const edit = (text: string, fn: (c: Config) => Config) => saveConfig(text, fn(load(text)));

const doc = `# Web server
variant: fcos
version: 1.6.0
x-notes: keep me      # an unknown key
passwd:
  users:
    - name: core
      ssh_authorized_keys:
        - ssh-ed25519 AAAA core@laptop   # laptop
storage:
  files:
    # Zincati settings
    - path: ${ZINCATI_PATH}
      mode: 0644
      contents:
        inline: |
          [updates]
          strategy = "periodic"

          [[updates.periodic.window]]
          days = [ "Sat" ]
          start_time = "23:00"
          length_minutes = 30
    - path: /etc/motd
      mode: 0644
      contents:
        inline: Hello
`;

describe("form edits", () => {
  it("add a user to an existing passwd.users list", () => {
    const out = edit(doc, (c) => appendIn(c, ["passwd", "users"], { name: "alice", groups: ["wheel"] }));
    expect(lineDiff(doc, out)).toEqual({ removed: [], added: ["    - name: alice", "      groups:", "        - wheel"], at: 10 });
  });

  it("add the first user when passwd is missing", () => {
    const text = "# minimal\nvariant: fcos\nversion: 1.6.0\n";
    const out = edit(text, (c) => appendIn(c, ["passwd", "users"], { name: "core", ssh_authorized_keys: ["ssh-ed25519 AAAA a@b"] }));
    expect(out).toBe(`${text}passwd:\n  users:\n    - name: core\n      ssh_authorized_keys:\n        - ssh-ed25519 AAAA a@b\n`);
  });

  it("change a mode", () => {
    const out = edit(doc, (c) => setIn(c, ["storage", "files", 1, "mode"], 0o600));
    expect(lineDiff(doc, out)).toEqual({ removed: ["      mode: 0644"], added: ["      mode: 0600"], at: 25 });
  });

  it("add a maintenance window: only the new TOML lines inside the block", () => {
    const cfg = load(doc);
    const toml = getIn(cfg, ["storage", "files", 0, "contents", "inline"]) as string;
    const s = parseZincatiToml(toml) as UpdatesSettings;
    expect(s.windows).toEqual([{ days: ["Sat"], start_time: "23:00", length_minutes: 30 }]);
    const next = { ...s, windows: [...s.windows, { days: ["Sun" as const], start_time: "02:00", length_minutes: 60 }] };
    const out = saveConfig(doc, setIn(cfg, ["storage", "files", 0, "contents", "inline"], zincatiToml(next)));
    expect(lineDiff(doc, out)).toEqual({
      removed: [],
      added: ["", "          [[updates.periodic.window]]", '          days = [ "Sun" ]', '          start_time = "02:00"', "          length_minutes = 60"],
      at: 24,
    });
  });

  it("remove an item: its lines only; comments and unknown keys kept", () => {
    const out = edit(doc, (c) => setIn(c, ["storage", "files", 1], undefined));
    expect(lineDiff(doc, out)).toEqual({
      removed: ["    - path: /etc/motd", "      mode: 0644", "      contents:", "        inline: Hello"],
      added: [],
      at: 24,
    });
    expect(out).toContain("x-notes: keep me      # an unknown key");
  });

  it("removing the last user removes the empty passwd too", () => {
    const out = edit(doc, (c) => setIn(c, ["passwd", "users", 0], undefined));
    expect(out).not.toContain("passwd");
    expect(load(out)).toEqual({ ...load(doc), passwd: undefined });
  });
});

describe("Zincati TOML", () => {
  it("writes the Fedora CoreOS docs' shapes and reads them back", () => {
    const periodic: UpdatesSettings = {
      enabled: true,
      strategy: "periodic",
      base_url: "",
      windows: [{ days: ["Sat", "Sun"], start_time: "22:30", length_minutes: 60 }],
    };
    expect(zincatiToml(periodic)).toBe(
      '[updates]\nstrategy = "periodic"\n\n[[updates.periodic.window]]\ndays = [ "Sat", "Sun" ]\nstart_time = "22:30"\nlength_minutes = 60\n',
    );
    const fleet: UpdatesSettings = { enabled: true, strategy: "fleet_lock", base_url: "http://lock:8080/", windows: [] };
    expect(zincatiToml(fleet)).toBe('[updates]\nstrategy = "fleet_lock"\n\n[updates.fleet_lock]\nbase_url = "http://lock:8080/"\n');
    for (const s of [periodic, fleet]) expect(parseZincatiToml(zincatiToml(s))).toEqual(s);
    expect(parseZincatiToml("[updates]\nenabled = false\n")).toMatchObject({ enabled: false });
  });
  it("refuses what it cannot show, and checks windows", () => {
    expect(parseZincatiToml("[identity]\nrollout_wariness = 0.5\n")).toBeNull();
    expect(windowProblems({ days: [], start_time: "25:00", length_minutes: 0 })).toHaveLength(3);
    expect(windowProblems({ days: ["Mon"], start_time: "04:15", length_minutes: 30 })).toEqual([]);
  });
});

describe("SSH keys", () => {
  const ed = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAII33GjcZ2dIDf2uRw4YbUAsanGfV//NWHTsK3OP/qV0i alice@laptop";
  it("accepts a real key and shows type and comment", () => {
    expect(checkSshKey(ed)).toEqual({ ok: true, type: "ssh-ed25519", comment: "alice@laptop", error: null });
    expect(checkSshKey(`no-pty,from="10.0.0.0/8" ${ed}`).ok).toBe(true);
  });
  it.each([
    ["ssh-ed25519 not-base64!!", "The key data is not valid base64."],
    ["ssh-rsa AAAAC3NzaC1lZDI1NTE5AAAAII33GjcZ2dIDf2uRw4YbUAsanGfV//NWHTsK3OP/qV0i", "The key data is a ssh-ed25519 key, not ssh-rsa."],
    ["hello world", 'Unknown key type "hello": expected e.g. ssh-ed25519 or ssh-rsa.'],
    ["-----BEGIN OPENSSH PRIVATE KEY-----", "This is a private key. Paste the public key (the .pub file)."],
    ["ssh-ed25519", "The key data is missing after the type."],
  ])("rejects %s", (line, error) => {
    expect(checkSshKey(line)).toMatchObject({ ok: false, error });
  });
});

describe("sections per variant/version", () => {
  const caps = (v: string, ver: string) => capabilitiesOf(specFor(v, ver)!);
  it("offers only what the spec supports", () => {
    expect(caps("fcos", "1.6.0").sections).toEqual(["users", "files", "units", "storage", "boot", "kargs", "updates", "telemetry"]);
    expect(caps("fcos", "1.2.0").sections).toEqual(["users", "files", "units", "storage", "updates", "telemetry"]);
    expect(caps("r4e", "1.1.0").sections).toEqual(["users", "files", "units"]);
    expect(caps("fiot", "1.0.0").sections).toEqual(["users", "files", "units"]);
    expect(caps("flatcar", "1.1.0")).toMatchObject({ sections: ["users", "files", "units", "storage", "kargs", "updates"], clevis: false, updates: "flatcar" });
    expect(caps("openshift", "4.16.0")).toMatchObject({
      sections: ["openshift", "users", "files", "units", "storage", "boot", "kargs"],
      kargs: "openshift",
      coreUserOnly: true,
      links: false,
      updates: null,
    });
    expect(caps("openshift", "4.8.0").sections).toEqual(["openshift", "users", "files", "units", "storage", "boot", "kargs"]);
    expect(caps("fcos", "1.6.0").updates).toBe("zincati");
  });
});

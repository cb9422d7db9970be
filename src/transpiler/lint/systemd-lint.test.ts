/** systemd and Quadlet lint: what systemd/Quadlet would ignore or refuse, found in the config. */
import { describe, expect, it } from "vitest";
import { transpile, type Finding } from "../index.ts";
import { SYSTEMD_SECTION_KEYS } from "./systemd-directives.gen.ts";
import { QUADLET_TYPES } from "./quadlet-keys.gen.ts";
import { editDistance, suggest } from "./suggest.ts";

const unitConfig = (name: string, contents: string, extra = "") =>
  `variant: fcos\nversion: 1.6.0\nsystemd:\n  units:\n    - name: ${name}\n${extra}      contents: |\n${contents
    .split("\n")
    .map((l) => (l === "" ? "" : `        ${l}`))
    .join("\n")}\n`;

const findings = (source: string, lint: boolean | { target?: string; platform?: string } = true): Finding[] => transpile(source, { lint }).findings ?? [];
const codes = (source: string) => findings(source).map((f) => f.code);

describe("generated directive tables", () => {
  it("come from systemd's loader tables (spot checks of each section)", () => {
    expect(SYSTEMD_SECTION_KEYS.Service).toEqual(
      expect.arrayContaining(["ExecStart", "Type", "Restart", "RemainAfterExit", "ProtectSystem", "CPUQuota", "KillMode"]),
    );
    expect(SYSTEMD_SECTION_KEYS.Unit).toEqual(expect.arrayContaining(["Description", "After", "Wants", "ConditionPathExists", "StartLimitBurst"]));
    expect(SYSTEMD_SECTION_KEYS.Install).toEqual(["Alias", "Also", "DefaultInstance", "RequiredBy", "UpheldBy", "WantedBy"]);
    expect(SYSTEMD_SECTION_KEYS.Timer).toEqual(expect.arrayContaining(["OnCalendar", "Persistent", "RandomizedDelaySec"]));
    expect(SYSTEMD_SECTION_KEYS.Service).not.toContain("OnCalendar");
    expect(QUADLET_TYPES.container?.keys).toEqual(expect.arrayContaining(["Image", "PublishPort", "Volume", "Environment"]));
    expect(QUADLET_TYPES.container?.required).toEqual([["Image", "Rootfs"]]);
  });
});

describe("suggestions", () => {
  it("edit distance counts a swap of two letters as one edit", () => {
    expect(editDistance("ExecStrat", "ExecStart")).toBe(1);
    expect(editDistance("kitten", "sitting")).toBe(3);
  });
  it("prefers a case-only difference", () => {
    expect(suggest("wantedby", ["WantedBy", "WantedBX"])[0]).toBe("WantedBy");
  });
});

/** [section, what is written, the directive systemd knows that should be suggested]. */
const MISSPELLED: readonly (readonly [string, string, string])[] = [
  ["Service", "ExecStrat", "ExecStart"],
  ["Service", "ExecStat", "ExecStart"],
  ["Service", "Execstart", "ExecStart"],
  ["Service", "ExecStartpre", "ExecStartPre"],
  ["Service", "ExecStartPots", "ExecStartPost"],
  ["Service", "ExecStopp", "ExecStop"],
  ["Service", "ExecRelaod", "ExecReload"],
  ["Service", "Restrat", "Restart"],
  ["Service", "RestartSecs", "RestartSec"],
  ["Service", "Typ", "Type"],
  ["Service", "RemainAfterExits", "RemainAfterExit"],
  ["Service", "RemainAfterExist", "RemainAfterExit"],
  ["Service", "Enviroment", "Environment"],
  ["Service", "EnvironmentFiles", "EnvironmentFile"],
  ["Service", "WorkingDirectroy", "WorkingDirectory"],
  ["Service", "Usr", "User"],
  ["Service", "Gruop", "Group"],
  ["Service", "TimeoutStartSecs", "TimeoutStartSec"],
  ["Service", "TimeoutSec", "TimeoutSec"],
  ["Service", "StandardOuput", "StandardOutput"],
  ["Service", "StandardErorr", "StandardError"],
  ["Service", "KillMod", "KillMode"],
  ["Service", "LimitNOFIEL", "LimitNOFILE"],
  ["Service", "ProtectSytem", "ProtectSystem"],
  ["Service", "PrivateTmpp", "PrivateTmp"],
  ["Service", "NoNewPrivilege", "NoNewPrivileges"],
  ["Service", "SyslogIdentifer", "SyslogIdentifier"],
  ["Service", "MemoryMaxx", "MemoryMax"],
  ["Service", "CPUQouta", "CPUQuota"],
  ["Service", "PIDFIle", "PIDFile"],
  ["Unit", "Descripton", "Description"],
  ["Unit", "Documantation", "Documentation"],
  ["Unit", "Afer", "After"],
  ["Unit", "Befor", "Before"],
  ["Unit", "Want", "Wants"],
  ["Unit", "Require", "Requires"],
  ["Unit", "ConditionPathExist", "ConditionPathExists"],
  ["Unit", "StartLimitBurts", "StartLimitBurst"],
  ["Unit", "ConditionFirstboot", "ConditionFirstBoot"],
  ["Install", "WantedBY", "WantedBy"],
  ["Install", "WanteBy", "WantedBy"],
  ["Install", "RequiredBY", "RequiredBy"],
  ["Install", "Alais", "Alias"],
];

describe("unknown directives", () => {
  // `TimeoutSec` is real: the row checks that a known directive is not reported.
  it.each(MISSPELLED.filter(([, wrote, want]) => wrote !== want))("[%s] %s= → %s=", (section, wrote, want) => {
    const body = section === "Service" ? `[Service]\n${wrote}=x\nExecStart=/bin/true` : `[${section}]\n${wrote}=x\n[Service]\nExecStart=/bin/true`;
    const src = unitConfig("demo.service", body);
    const f = findings(src).find((x) => x.code === "systemd-unknown-directive");
    expect(f, `${wrote} not reported`).toBeDefined();
    expect((f!.data?.suggestions as readonly string[] | undefined)?.[0]).toBe(want);
    expect(f!.data?.section).toBe(section);
    // The marker covers exactly the key.
    const line = src.split("\n")[f!.line! - 1]!;
    expect(line.slice(f!.column! - 1, f!.endColumn! - 1)).toBe(wrote);
  });
  it("the table has at least 40 misspellings", () => {
    expect(MISSPELLED.filter(([, wrote, want]) => wrote !== want).length).toBeGreaterThanOrEqual(40);
  });
  it("a correctly spelled directive is not reported", () => {
    expect(codes(unitConfig("demo.service", "[Service]\nTimeoutSec=5\nExecStart=/bin/true"))).toEqual([]);
  });
  it("X- keys and X- sections are yours", () => {
    expect(codes(unitConfig("demo.service", "[Unit]\nX-Mine=1\n[X-Stuff]\nAnything=1\n[Service]\nExecStart=/bin/true"))).toEqual([]);
  });
});

/** [unit, section written in, directive, code, section it belongs in]. */
const MISPLACED: readonly (readonly [string, string, string, string, string])[] = [
  ["demo.service", "Unit", "ExecStart", "systemd-directive-wrong-section", "Service"],
  ["demo.service", "Unit", "Restart", "systemd-directive-wrong-section", "Service"],
  ["demo.service", "Service", "After", "systemd-directive-wrong-section", "Unit"],
  ["demo.service", "Service", "Description", "systemd-directive-wrong-section", "Unit"],
  ["demo.service", "Service", "WantedBy", "systemd-wantedby-outside-install", "Install"],
  ["demo.service", "Unit", "WantedBy", "systemd-wantedby-outside-install", "Install"],
  ["demo.service", "Service", "RequiredBy", "systemd-wantedby-outside-install", "Install"],
  ["demo.service", "Service", "Alias", "systemd-wantedby-outside-install", "Install"],
  ["demo.timer", "Unit", "OnCalendar", "systemd-directive-wrong-section", "Timer"],
  ["demo.mount", "Unit", "Where", "systemd-directive-wrong-section", "Mount"],
];

describe("misplaced directives", () => {
  it.each(MISPLACED)("%s [%s] %s= → %s", (unit, section, key, code, target) => {
    const service = unit.endsWith(".service") && section !== "Service" ? "\n[Service]\nExecStart=/bin/true" : "";
    const own = unit.endsWith(".timer") ? "\n[Timer]\nOnActiveSec=1" : unit.endsWith(".mount") ? "\n[Mount]\nWhat=/dev/x" : "";
    const body = section === "Service" ? `[Service]\nExecStart=/bin/true\n${key}=x` : `[${section}]\n${key}=x${service}${own}`;
    const f = findings(unitConfig(unit, body)).find((x) => x.code === code);
    expect(f, JSON.stringify(findings(unitConfig(unit, body)))).toBeDefined();
    expect(f!.data?.section).toBe(target);
    expect(f!.data?.currentSection).toBe(section);
  });
  it("a directive of another unit type is unknown, and says where it belongs", () => {
    const f = findings(unitConfig("demo.service", "[Service]\nExecStart=/bin/true\nOnCalendar=daily")).find((x) => x.code === "systemd-unknown-directive");
    expect(f?.message).toMatch(/OnCalendar= is a directive of \[Timer\]/);
  });
  it("an unknown section: nearest name, or the unit types that read it", () => {
    const a = findings(unitConfig("demo.service", "[Servce]\nExecStart=/bin/true\n[Service]\nExecStart=/bin/true"));
    expect(a.find((f) => f.code === "systemd-unknown-section")?.data?.suggestions).toEqual(["Service"]);
    const b = findings(unitConfig("demo.service", "[Timer]\nOnCalendar=daily\n[Service]\nExecStart=/bin/true"));
    expect(b.find((f) => f.code === "systemd-unknown-section")?.message).toMatch(/belongs in \.timer units/);
    // Its lines are ignored with it: no directive findings for them.
    expect(b.map((f) => f.code)).toEqual(["systemd-unknown-section"]);
  });
});

describe("services systemd refuses to load", () => {
  const cases: readonly (readonly [string, string, boolean])[] = [
    ["no ExecStart (simple)", "[Service]\nType=simple", true],
    ["only Type=oneshot", "[Service]\nType=oneshot", true],
    ["oneshot with ExecStop but no RemainAfterExit", "[Service]\nType=oneshot\nExecStop=/bin/true", true],
    ["oneshot with ExecStop and RemainAfterExit", "[Service]\nType=oneshot\nRemainAfterExit=yes\nExecStop=/bin/true", false],
    ["implicit oneshot, ExecStop, RemainAfterExit", "[Service]\nRemainAfterExit=true\nExecStop=/bin/true", false],
    ["SuccessAction alone", "[Unit]\nSuccessAction=reboot\n[Service]\nType=oneshot", false],
    ["notify without ExecStart", "[Service]\nType=notify\nExecStop=/bin/true", true],
    ["two ExecStart in a simple service", "[Service]\nExecStart=/bin/a\nExecStart=/bin/b", true],
    ["two ExecStart in a oneshot", "[Service]\nType=oneshot\nExecStart=/bin/a\nExecStart=/bin/b", false],
    ["ExecStart reset then set", "[Service]\nExecStart=/bin/a\nExecStart=\nExecStart=/bin/b", false],
    ["a plain service", "[Service]\nExecStart=/bin/true", false],
  ];
  it.each(cases)("%s", (_name, body, fires) => {
    expect(codes(unitConfig("demo.service", body)).includes("systemd-missing-exec-start")).toBe(fires);
  });
  it("a drop-in that provides ExecStart= completes the unit; one that only resets it breaks it", () => {
    const dropin = (text: string) =>
      `variant: fcos\nversion: 1.6.0\nsystemd:\n  units:\n    - name: demo.service\n      contents: |\n        [Service]\n        Type=simple\n      dropins:\n        - name: 10-start.conf\n          contents: |\n            [Service]\n            ${text}\n`;
    expect(codes(dropin("ExecStart=/bin/true"))).not.toContain("systemd-missing-exec-start");
    const reset = `variant: fcos\nversion: 1.6.0\nsystemd:\n  units:\n    - name: demo.service\n      contents: |\n        [Service]\n        ExecStart=/bin/a\n      dropins:\n        - name: 10-reset.conf\n          contents: |\n            [Service]\n            ExecStart=\n`;
    expect(codes(reset)).toContain("systemd-missing-exec-start");
  });
  it("drop-ins alone (a vendor unit) are not checked for ExecStart=, and masked units are not", () => {
    const onlyDropin = `variant: fcos\nversion: 1.6.0\nsystemd:\n  units:\n    - name: zincati.service\n      dropins:\n        - name: 10-x.conf\n          contents: |\n            [Service]\n            Environment=A=1\n`;
    expect(codes(onlyDropin)).toEqual([]);
    expect(codes(unitConfig("demo.service", "[Service]\nType=simple", "      mask: true\n"))).toEqual([]);
  });
});

describe("templates", () => {
  it("enabling foo@.service without DefaultInstance= is flagged, with an instance to use", () => {
    const f = findings(unitConfig("web@.service", "[Service]\nExecStart=/bin/true\n[Install]\nWantedBy=multi-user.target", "      enabled: true\n")).find(
      (x) => x.code === "systemd-template-without-instance",
    );
    expect(f?.data?.suggestion).toBe("web@instance.service");
    expect(f?.path).toEqual(["systemd", "units", 0, "enabled"]);
    expect(f?.line).toBe(6);
  });
  it("DefaultInstance= makes enabling the template fine", () => {
    const src = unitConfig("web@.service", "[Service]\nExecStart=/bin/true\n[Install]\nWantedBy=multi-user.target\nDefaultInstance=a", "      enabled: true\n");
    expect(codes(src)).toEqual([]);
  });
});

describe("storage files and drop-in directories", () => {
  it("unit files written as storage files are checked too", () => {
    const src = `variant: fcos\nversion: 1.6.0\nstorage:\n  files:\n    - path: /etc/systemd/system/x.service.d/10-a.conf\n      contents:\n        inline: |\n          [Service]\n          Enviroment=A=1\n`;
    const f = findings(src).find((x) => x.code === "systemd-unknown-directive");
    expect(f?.path).toEqual(["storage", "files", 0, "contents", "inline"]);
    expect(f?.line).toBe(9);
    expect(f?.column).toBe(11);
  });
  it("double-quoted contents mark the string's start", () => {
    const src = `variant: fcos\nversion: 1.6.0\nsystemd:\n  units:\n    - name: a.service\n      contents: "[Service]\\nExecStrat=/bin/true\\n"\n`;
    const f = findings(src).find((x) => x.code === "systemd-unknown-directive");
    expect([f?.line, f?.column, f?.endColumn]).toEqual([6, 17, undefined]);
  });
  it("contents Ignition's unit parser rejects are left to upstream's error", () => {
    const src = `variant: fcos\nversion: 1.6.0\nsystemd:\n  units:\n    - name: a.service\n      contents: |\n        [Service]\n        NoEquals\n`;
    const r = transpile(src, { lint: true });
    expect(r.diagnostics.some((d) => d.message.includes("invalid unit content"))).toBe(true);
    expect(r.findings?.map((f) => f.code)).toEqual([]);
  });
});

describe("Quadlet", () => {
  const quadletFile = (path: string, body: string) =>
    `variant: fcos\nversion: 1.6.0\nstorage:\n  files:\n    - path: ${path}\n      contents:\n        inline: |\n${body
      .split("\n")
      .map((l) => `          ${l}`)
      .join("\n")}\n`;
  it("an unknown [Container] key makes Quadlet refuse the file", () => {
    const f = findings(quadletFile("/etc/containers/systemd/web.container", "[Container]\nImage=quay.io/x\nPublishPorts=80:80")).find(
      (x) => x.code === "quadlet-unknown-key",
    );
    expect(f?.severity).toBe("error");
    expect(f?.data?.suggestions).toEqual(["PublishPort"]);
  });
  it(".container without Image= (or Rootfs=)", () => {
    expect(codes(quadletFile("/etc/containers/systemd/web.container", "[Container]\nPublishPort=80:80"))).toContain("quadlet-missing-image");
    expect(codes(quadletFile("/etc/containers/systemd/web.container", "[Container]\nRootfs=/srv/root"))).not.toContain("quadlet-missing-image");
  });
  it(".kube without Yaml= uses the general missing-key code", () => {
    const f = findings(quadletFile("/etc/containers/systemd/app.kube", "[Kube]\nNetwork=host")).find((x) => x.code === "quadlet-missing-key");
    expect(f?.data?.keys).toEqual(["Yaml"]);
  });
  it("the systemd sections of a Quadlet file are checked as systemd's", () => {
    const c = codes(
      quadletFile("/etc/containers/systemd/web.container", "[Container]\nImage=x\n[Service]\nRestrat=always\nUser=web\n[Install]\nWantedBy=default.target"),
    );
    expect(c).toEqual(["systemd-unknown-directive", "quadlet-unsupported-service-key"]);
  });
  it("a section no Quadlet type reads, and one of another type", () => {
    expect(codes(quadletFile("/etc/containers/systemd/web.container", "[Container]\nImage=x\n[Volume]\nDriver=local"))).toEqual(["quadlet-unknown-section"]);
  });
  it("a drop-in may provide Image= for the whole unit; drop-ins alone are not checked for it", () => {
    const src = `variant: fcos\nversion: 1.6.0\nstorage:\n  files:\n    - path: /etc/containers/systemd/web.container\n      contents:\n        inline: |\n          [Container]\n          PublishPort=80:80\n    - path: /etc/containers/systemd/web.container.d/10-image.conf\n      contents:\n        inline: |\n          [Container]\n          Image=quay.io/x\n`;
    expect(codes(src)).toEqual([]);
  });
  it("Butane's quadlet sugar (fcos 1.8.0-experimental) is checked", () => {
    const src = `variant: fcos\nversion: 1.8.0-experimental\nsystemd:\n  quadlets:\n    - name: web.container\n      contents: |\n        [Container]\n        Imgae=quay.io/x\n`;
    const c = findings(src);
    expect(c.map((f) => f.code)).toEqual(["quadlet-missing-image", "quadlet-unknown-key"]);
    expect(c[1]?.data?.suggestions).toEqual(["Image"]);
  });
});

describe("bounded work", () => {
  it("a unit of thousands of unknown keys is reported up to a cap, which it says", () => {
    const lines = Array.from({ length: 5000 }, (_, i) => `Abcdefghij${i}=1`).join("\n");
    const f = findings(unitConfig("demo.service", `[Service]\nExecStart=/bin/true\n${lines}`));
    expect(f.filter((x) => x.code === "systemd-unknown-directive")).toHaveLength(500);
    expect(f.at(-1)).toMatchObject({ code: "lint-truncated", message: expect.stringContaining("after 500 findings") });
  });
});

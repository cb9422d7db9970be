import { describe, expect, it } from "vitest";
import { createFilesProvider } from "./files-provider.ts";
import { buildProject, type ProjectRequest } from "./project-build.ts";

const head = "variant: fcos\nversion: 1.5.0\n";
const main = { name: "main.bu", text: `${head}storage:\n  files:\n    - path: /etc/motd\n      contents:\n        local: motd.txt\n` };
const snippet = { name: "snippets/host.bu", text: `${head}storage:\n  files:\n    - path: /etc/hostname\n      contents:\n        inline: \${HOSTNAME}\n` };
const hosts = { name: "hosts.yaml", text: "a:\n  HOSTNAME: alpha\nb:\n  HOSTNAME: beta\nc: {}\n" };
const files = createFilesProvider([{ path: "motd.txt", data: new TextEncoder().encode("hello"), mode: 0o644 }]);
const req = (over: Partial<ProjectRequest> = {}): ProjectRequest => ({
  main,
  snippets: [snippet],
  hosts,
  host: null,
  strict: false,
  pretty: false,
  mode: "one",
  ...over,
});

describe("buildProject", () => {
  it("builds the chosen host with origins naming the file and line of each merged entry", () => {
    const b = buildProject(req({ host: "b" }), files);
    expect(b.hosts).toEqual(["a", "b", "c"]);
    expect(b.host).toBe("b");
    const config = JSON.parse(b.result!.output!);
    expect(config.storage.files.map((f: { path: string }) => f.path)).toEqual(["/etc/motd", "/etc/hostname"]);
    expect(config.storage.files[1].contents.source).toBe("data:,beta");
    const origin = b.result!.origins!.find((o) => o.path.join(".") === "storage.files.1");
    expect(origin).toMatchObject({ file: "snippets/host.bu", line: 5 });
  });

  it("the first host when none is chosen; placeholder problems name host, file and line", () => {
    expect(buildProject(req(), files).host).toBe("a");
    const c = buildProject(req({ host: "c" }), files);
    expect(c.result).toBeUndefined();
    expect(c.hostProblems).toEqual([expect.objectContaining({ host: "c", file: "snippets/host.bu", line: 7 })]);
  });

  it("all hosts: one output per host, problems for the host that cannot be built", () => {
    const b = buildProject(req({ mode: "all" }), files);
    expect(b.all!.map((h) => [h.host, h.output !== null, h.problems.length])).toEqual([
      ["a", true, 0],
      ["b", true, 0],
      ["c", false, 1],
    ]);
  });

  it("without a hosts table the files are composed as they are; all gives one output named after the main file", () => {
    const plain = { ...snippet, text: snippet.text.replace("${HOSTNAME}", "plain") };
    expect(JSON.parse(buildProject(req({ hosts: null, snippets: [plain] }), files).result!.output!).storage.files).toHaveLength(2);
    expect(buildProject(req({ hosts: null, snippets: [plain], mode: "all" }), files).all!.map((h) => h.host)).toEqual(["main"]);
  });

  it("a broken hosts table is reported and nothing is built", () => {
    const b = buildProject(req({ hosts: { name: "hosts.csv", text: "name,X\n" } }), files);
    expect(b.result).toBeUndefined();
    expect(b.hostsProblems[0]).toMatchObject({ file: "hosts.csv", line: 1 });
  });

  it("the studio's view of one host runs Kindling's checks: each file's, and the size of that host's merged output", () => {
    const unit = {
      name: "snippets/unit.bu",
      text: `${head}systemd:\n  units:\n    - name: a.service\n      contents: |\n        [Service]\n        ExecStrat=/bin/true\n`,
    };
    const b = buildProject(req({ host: "b", snippets: [snippet, unit], target: "rhcos-4.8", platform: "aws" }), files);
    const r = b.result!;
    expect(r.userDataSize).toMatchObject({ platform: "aws", bytes: new TextEncoder().encode(r.output!).length, over: false });
    // fcos 1.5.0 is Ignition 3.4.0; OpenShift 4.8 reads up to 3.2.0: every file says so on its version: line
    expect(r.findings.filter((f) => f.code === "target-spec-too-new").map((f) => [f.file, f.line])).toEqual([
      ["main.bu", 2],
      ["snippets/host.bu", 2],
      ["snippets/unit.bu", 2],
    ]);
    expect(r.findings.filter((f) => f.code === "systemd-unknown-directive").map((f) => [f.file, f.line])).toEqual([["snippets/unit.bu", 8]]);
    // Download all builds outputs only
    const all = buildProject(req({ mode: "all", target: "rhcos-4.8", platform: "aws" }), files);
    expect(all.all!.map((h) => h.output !== null)).toEqual([true, true, false]);
  });
});

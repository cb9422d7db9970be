import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ComposeOutcome } from "../worker/client.ts";
import { createFilesProvider } from "../worker/files-provider.ts";
import { buildProject, type ProjectRequest } from "../worker/project-build.ts";
import { buildAllHosts, startEffects } from "./effects.ts";
import { closeProject, moveSnippet, openProject, openProjectFile, removeProjectFile, selectHost } from "./project.ts";
import { projectOutputSource, projectProblems, resultForFile, withSnippetMoved, type Project } from "./project-model.ts";
import { problemsOf } from "./problems.ts";
import { initialState, setSource, Status, Tab, useStudioStore } from "./store.ts";

const head = "variant: fcos\nversion: 1.5.0\n";
const file = (path: string, line: string) => `${head}storage:\n  files:\n    - path: ${path}\n      contents:\n        inline: ${line}\n`;
const project = (): Project => ({
  main: { name: "main.bu", text: file("/etc/motd", "hi") },
  snippets: [
    { name: "snippets/a.bu", text: file("/etc/a", "${NAME}") },
    { name: "snippets/b.bu", text: `${head}passwd:\n  users:\n    - name: core\n` },
  ],
  hosts: { name: "hosts.yaml", text: "one:\n  NAME: first\ntwo:\n  NAME: second\nthree: {}\n" },
  active: "main.bu",
  host: null,
  origin: "demo",
  manifest: false,
});

beforeEach(() => useStudioStore.setState(initialState(), true));

describe("project model", () => {
  it("moves snippets in the merge order, clamped at both ends", () => {
    const p = project();
    expect(withSnippetMoved(p, "snippets/b.bu", -1).snippets.map((s) => s.name)).toEqual(["snippets/b.bu", "snippets/a.bu"]);
    expect(withSnippetMoved(p, "snippets/b.bu", 1)).toBe(p);
  });

  it("the edited file's report is the result's diagnostics; another file's failure is named without its line numbers", () => {
    const p = { ...project(), snippets: [{ name: "snippets/a.bu", text: `${head}storage: [\n` }] };
    const build = buildProject(
      { main: p.main, snippets: p.snippets, hosts: null, host: null, strict: false, pretty: false, mode: "one" },
      createFilesProvider([]),
    );
    const onMain = resultForFile(build, "main.bu");
    expect(onMain.output).toBeNull();
    expect(onMain.failure).toBe("snippets/a.bu has errors (see Problems).");
    expect(problemsOf(onMain).every((r) => r.line === undefined)).toBe(true);
    const onSnippet = resultForFile(build, "snippets/a.bu");
    expect(problemsOf(onSnippet).some((r) => r.line !== undefined)).toBe(true);
    const rows = projectProblems(build);
    expect(rows.some((r) => r.file === "snippets/a.bu" && r.report && r.line !== undefined)).toBe(true);
  });

  it("placeholder problems name host, file and line", () => {
    const p = project();
    const req: ProjectRequest = { main: p.main, snippets: p.snippets, hosts: p.hosts, host: "three", strict: false, pretty: false, mode: "one" };
    const rows = projectProblems(buildProject(req, createFilesProvider([])));
    expect(rows).toEqual([expect.objectContaining({ host: "three", file: "snippets/a.bu", line: 7, severity: "error" })]);
  });
});

describe("project actions", () => {
  it("opening puts the active file in the editor; typing edits that file; switching files keeps each file's text", () => {
    openProject(project());
    expect(useStudioStore.getState().source).toBe(project().main.text);
    setSource("edited main", "editor");
    openProjectFile("snippets/a.bu", 5, 2);
    const s = useStudioStore.getState();
    expect(s.project!.main.text).toBe("edited main");
    expect(s.source).toBe(project().snippets[0]!.text);
    expect(s.fileName).toBe("snippets/a.bu");
    expect(s.reveal).toMatchObject({ line: 5, column: 2 });
    setSource("edited a", "editor");
    expect(useStudioStore.getState().project!.snippets[0]!.text).toBe("edited a");
    expect(useStudioStore.getState().project!.main.text).toBe("edited main");
  });

  it("removing the active snippet goes back to the main config; closing leaves the single-file studio", () => {
    openProject(project());
    openProjectFile("snippets/b.bu");
    removeProjectFile("snippets/b.bu");
    expect(useStudioStore.getState().project!.snippets.map((x) => x.name)).toEqual(["snippets/a.bu"]);
    expect(useStudioStore.getState().project!.active).toBe("main.bu");
    useStudioStore.setState({ tab: Tab.Project });
    closeProject();
    const s = useStudioStore.getState();
    expect(s.project).toBeNull();
    expect(s.tab).toBe(Tab.Ignition);
    expect(s.source).toBe(project().main.text);
  });
});

describe("project effects", () => {
  const wire = createFilesProvider([]);
  let saved: (Project | null)[];
  let drafts: string[];
  let composed: ProjectRequest[];
  const client = {
    transpile: vi.fn(async () => ({ kind: "superseded" }) as const),
    compose: vi.fn(async (req: ProjectRequest): Promise<ComposeOutcome> => {
      composed.push(req);
      return { kind: "composed", build: buildProject(req, wire), ms: 1 };
    }),
    setFiles: vi.fn(),
  };
  const autosave = { save: (source: string) => void drafts.push(source), pause: () => {} };
  let stop = () => {};
  beforeEach(() => {
    saved = [];
    drafts = [];
    composed = [];
    client.transpile.mockClear();
  });
  afterEach(() => stop());

  it("a project is saved on every change (not as a draft), composed in the worker, and its output shown", async () => {
    stop = startEffects({ client, autosave, project: { save: (p) => void saved.push(p) } });
    await vi.waitFor(() => expect(client.transpile).toHaveBeenCalledTimes(1));
    openProject(project());
    setSource(file("/etc/motd", "typed"), "editor");
    expect(saved.at(-1)!.main.text).toContain("typed");
    expect(drafts).toEqual([]);
    await vi.waitFor(() => expect(useStudioStore.getState().status).toBe(Status.Ready));
    const s = useStudioStore.getState();
    expect(s.projectBuild!.host).toBe("one");
    expect(JSON.parse(s.result!.output!).storage.files.map((f: { contents: { source: string } }) => f.contents.source)).toEqual(["data:,typed", "data:,first"]);
    selectHost("two");
    await vi.waitFor(() => expect(useStudioStore.getState().projectBuild!.host).toBe("two"));
    expect(composed.at(-1)!.host).toBe("two");
    moveSnippet("snippets/b.bu", -1);
    await vi.waitFor(() => expect(composed.at(-1)!.snippets[0]!.name).toBe("snippets/b.bu"));
    expect(saved.at(-1)!.snippets[0]!.name).toBe("snippets/b.bu");
    const all = await buildAllHosts();
    expect(all.kind === "composed" && all.build.all!.map((h) => [h.host, h.output !== null])).toEqual([
      ["one", true],
      ["two", true],
      ["three", false],
    ]);
    closeProject();
    expect(saved.at(-1)).toBeNull();
    setSource("single again", "editor");
    expect(drafts).toEqual(["single again"]);
  });
});

describe("the project's output download name", () => {
  it("is the built host's, else the main config's base name: never a snippet path", () => {
    const p = { ...project(), active: "snippets/a.bu" };
    expect(projectOutputSource(p, "two")).toBe("two");
    expect(projectOutputSource({ ...p, host: "three" })).toBe("three");
    expect(projectOutputSource({ ...p, hosts: null, host: "three" }, undefined)).toBe("main.bu");
    expect(projectOutputSource({ ...p, hosts: null, main: { name: "sub/server.bu", text: "" } })).toBe("server.bu");
    expect(projectOutputSource(p, "a/b")).toBe("a-b");
  });
});

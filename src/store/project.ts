/**
 * Actions on the open project. While a project is open the editor edits its active file
 * (`source` is that file's text), and the effects build the whole project in the worker.
 */
import type { ProjectBuild } from "../worker/project-build.ts";
import { projectFile, resultForFile, withSnippetMoved, type Project } from "./project-model.ts";
import { rememberOrigins } from "./project-origins.ts";
import { applyResult, revealInEditor, setSource, setTab, Status, Tab, useStudioStore } from "./store.ts";

const set = useStudioStore.setState;
const get = useStudioStore.getState;

let session = 0;

/**
 * Which opening of a project the open one is: it changes each time a project is opened, so the
 * editor drops what it kept for the files of the one before (their undo histories), even where a
 * new project has files of the same names.
 */
export function projectSession(): number {
  return session;
}

/** Opens `project` (replacing an open one); its active file goes into the editor. */
export function openProject(project: Project): void {
  session++;
  const active = projectFile(project, project.active) ?? project.main;
  const p = { ...project, active: active.name };
  set((s) => ({ project: p, projectBuild: null, fileName: active.name, rev: s.rev + 1, status: Status.Pending }));
  setSource(active.text, "external", active.name);
}

/** Puts project file `name` in the editor, with the cursor at `line` when given. */
export function openProjectFile(name: string, line?: number, column?: number): void {
  const p = get().project;
  const f = p && projectFile(p, name);
  if (!p || !f) return;
  if (p.active !== name) {
    // The project first (so the new text lands in the new file), then the text.
    set((s) => ({ project: { ...p, active: name }, fileName: name, rev: s.rev + 1, status: Status.Pending }));
    setSource(f.text, "external", name);
  }
  if (line !== undefined) revealInEditor(line, column ?? 1);
}

export function moveSnippet(name: string, delta: number): void {
  updateProject((p) => withSnippetMoved(p, name, delta));
}

export function selectHost(host: string): void {
  updateProject((p) => (p.host === host ? p : { ...p, host }));
}

/** Adds a snippet (or the hosts table) with `text`; false when the name is taken. */
export function addProjectFile(kind: "snippet" | "hosts", name: string, text: string): boolean {
  const p = get().project;
  if (!p || projectFile(p, name) || (kind === "hosts" && p.hosts)) return false;
  updateProject((q) => (kind === "hosts" ? { ...q, hosts: { name, text } } : { ...q, snippets: [...q.snippets, { name, text }] }));
  openProjectFile(name);
  return true;
}

/** Removes a snippet or the hosts table (the main config stays). */
export function removeProjectFile(name: string): void {
  const p = get().project;
  if (!p || name === p.main.name) return;
  if (p.active === name) openProjectFile(p.main.name);
  updateProject((q) => ({ ...q, snippets: q.snippets.filter((s) => s.name !== name), hosts: q.hosts?.name === name ? null : q.hosts }));
}

/** Marks where the project is kept now (after a save to a folder or a zip export). */
export function setProjectOrigin(origin: string): void {
  updateProject((p) => (p.origin === origin ? p : { ...p, origin }));
}

/** Closes the project; the editor keeps the text it shows, as a single file. */
export function closeProject(): void {
  if (!get().project) return;
  set((s) => ({ project: null, projectBuild: null, rev: s.rev + 1, status: Status.Pending, tab: s.tab === Tab.Project ? Tab.Ignition : s.tab }));
}

/** Records the worker's build of revision `forRev`; the output views show it. */
export function applyProjectBuild(build: ProjectBuild, forRev = get().rev): void {
  const p = get().project;
  if (!p) return;
  rememberOrigins(build);
  set({ projectBuild: build });
  applyResult(resultForFile(build, p.active, projectFile(p, p.active)?.text), forRev);
}

export function showProject(): void {
  setTab(Tab.Project);
}

function updateProject(change: (p: Project) => Project): void {
  const p = get().project;
  if (!p) return;
  const next = change(p);
  if (next !== p) set((s) => ({ project: next, rev: s.rev + 1, status: Status.Pending }));
}

/**
 * A project build as the transpile worker runs it: the main config and its snippets composed
 * (src/compose/), for one host of the hosts table or for every host. Pure: the worker, the tests
 * and a future caller run the same code.
 */
import {
  buildHost,
  buildHosts,
  compose,
  parseHosts,
  type ComposeOptions,
  type ComposeProblem,
  type ComposeResult,
  type FileResult,
  type Host,
} from "../compose/index.ts";
import type { FilesProvider } from "../transpiler/index.ts";

/** One text file of a project, named by its path in the project folder. */
export interface WireProjectFile {
  name: string;
  text: string;
}

export interface ProjectRequest {
  main: WireProjectFile;
  snippets: WireProjectFile[];
  hosts: WireProjectFile | null;
  /** The host to build (the first host when absent or unknown); ignored without a hosts table. */
  host: string | null;
  strict: boolean;
  pretty: boolean;
  /** `one`: the chosen host, with origins; `all`: every host's output (Download all). */
  mode: "one" | "all";
  /**
   * Kindling's checks (mode `one`, which always runs each file's own checks, as a single-file
   * transpile does): the target guard's target id, the size meter's platform id.
   */
  target?: string | null;
  platform?: string | null;
}

/** The output (or what stopped it) of one host, for Download all. */
export interface HostOutput {
  host: string;
  output: string | null;
  /** Placeholder problems, or the build's failure line. */
  problems: ComposeProblem[];
  failure?: string;
}

export interface ProjectBuild {
  /** Host names of the hosts table, in its order (empty without a table). */
  hosts: string[];
  /** Problems reading the hosts table (no host is built then). */
  hostsProblems: ComposeProblem[];
  /** The host that was built (mode `one` with a hosts table). */
  host?: string;
  /** That host's placeholder problems (then there is no `result`). */
  hostProblems: ComposeProblem[];
  /** The composed project (mode `one`). */
  result?: ComposeResult;
  /** Mode `all`: one entry per host (one entry named after the main file without a hosts table). */
  all?: HostOutput[];
}

const toCompose = (f: WireProjectFile) => ({ name: f.name, source: f.text });

/** Builds `req` with `files` as the files directory; never throws on bad input. */
export function buildProject(req: ProjectRequest, files: FilesProvider, cache?: Map<string, FileResult>): ProjectBuild {
  const options: ComposeOptions = { files, strict: req.strict, pretty: req.pretty, ...(cache ? { cache } : {}) };
  const project = { main: toCompose(req.main), snippets: req.snippets.map(toCompose) };
  let hosts: Host[] = [];
  const out: ProjectBuild = { hosts: [], hostsProblems: [], hostProblems: [] };
  if (req.hosts) {
    const parsed = parseHosts(req.hosts.text, req.hosts.name);
    if (!parsed.ok) return { ...out, hostsProblems: parsed.problems };
    hosts = parsed.hosts;
    out.hosts = hosts.map((h) => h.name);
  }
  if (req.mode === "all") {
    if (!req.hosts) {
      const r = compose(project.main, project.snippets, options);
      const name = req.main.name.replace(/^.*\//, "").replace(/\.[^.]*$/, "") || "config";
      return { ...out, all: [{ host: name, output: r.output, problems: [], ...(r.failure !== undefined ? { failure: r.failure } : {}) }] };
    }
    out.all = buildHosts(project, hosts, options).map((b) => ({
      host: b.host,
      output: b.result?.output ?? null,
      problems: b.problems,
      ...(b.result?.failure !== undefined ? { failure: b.result.failure } : {}),
    }));
    return out;
  }
  // The studio's view of one host: origins, and Kindling's checks on each file and on the merged output.
  const lint = { ...(req.target ? { target: req.target } : {}), ...(req.platform ? { platform: req.platform } : {}) };
  const withOrigins: ComposeOptions = { ...options, origins: true, lint };
  if (!req.hosts) return { ...out, result: compose(project.main, project.snippets, withOrigins) };
  const host = hosts.find((h) => h.name === req.host) ?? hosts[0];
  if (!host) return { ...out, hostsProblems: [{ message: "the hosts table lists no host", file: req.hosts.name, line: 1 }] };
  const b = buildHost(project, host, withOrigins);
  return { ...out, host: host.name, hostProblems: b.problems, ...(b.result ? { result: b.result } : {}) };
}

/** A project built for one host, or for every host of a hosts table. */
import { compose, type ComposeFile, type ComposeOptions, type ComposeResult, type FileResult } from "./merge.ts";
import { substitute, type ComposeProblem, type Host } from "./hosts.ts";
import { decodeInput } from "../transpiler/yaml/reader.ts";
import { goString } from "../transpiler/go/utf8.ts";

/** A main config and its snippets (merged in this order). */
export interface Project {
  main: ComposeFile;
  snippets: readonly ComposeFile[];
}

/** One host's build: the merged config, or the placeholder problems that stopped it. */
export interface HostBuild {
  host: string;
  /** Absent when a placeholder could not be filled. */
  result?: ComposeResult;
  problems: ComposeProblem[];
  /** Each file's text with the host's values in (what the reports' lines point into). */
  texts: ReadonlyMap<string, string>;
}

/** A file's text, read as the transpiler reads bytes (UTF-8 or UTF-16 with a byte order mark). */
function textOf(source: string | Uint8Array): string {
  if (typeof source === "string") return source;
  const d = decodeInput(source);
  return d.failure ? goString(source) : d.text;
}

/** Builds `project` for `host`: its values substituted into every file, then composed. */
export function buildHost(project: Project, host: Host, options: ComposeOptions = {}): HostBuild {
  const problems: ComposeProblem[] = [];
  const texts = new Map<string, string>();
  const fill = (f: ComposeFile): ComposeFile => {
    const r = substitute(textOf(f.source), host, f.name);
    if (!r.ok) problems.push(...r.problems);
    texts.set(f.name, r.ok ? r.text : "");
    return { name: f.name, source: r.ok ? r.text : "" };
  };
  const main = fill(project.main);
  const snippets = project.snippets.map(fill);
  if (problems.length > 0) return { host: host.name, problems, texts };
  return { host: host.name, result: compose(main, snippets, options), problems, texts };
}

/**
 * Builds `project` once per host. Files whose text is the same for several hosts (no
 * placeholder, or the same values) are transpiled once.
 */
export function buildHosts(project: Project, hosts: readonly Host[], options: ComposeOptions = {}): HostBuild[] {
  const cache = options.cache ?? new Map<string, FileResult>();
  return hosts.map((h) => buildHost(project, h, { ...options, cache }));
}

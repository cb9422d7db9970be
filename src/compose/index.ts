/**
 * Compose: a project of several Butane files built into Ignition, for the CLI (`kindling build`,
 * `kindling bundle`) and the studio. Pure like the transpiler: no DOM, no Node APIs; local files
 * come in through a `FilesProvider`, file texts as strings or bytes. Never throws on bad input.
 *
 *   compose(main, snippets, { files, strict, pretty, origins, cache, lint }) → ComposeResult
 *     Transpiles every file (openshift as with --raw) and merges each snippet's Ignition over the
 *     result so far, in order, by Ignition's child-config merge rules. `output` is the merged
 *     Ignition as Butane prints it; `reports[i]` each file's own Butane report (diagnostics with
 *     line/column in that file, `failure`); `failure` why there is no output; `findings` the
 *     `compose-conflict`s between snippets (each with `file`, line, and `data.otherFile/otherLine`);
 *     with `origins: true`, `origins` lists each merged node's path → file, Butane path, line.
 *     With `lint: { target?, platform? }`, Kindling's checks: each file's own findings (the target
 *     guard on its `version:`), and the merged output's `userDataSize` with `size-over-limit` /
 *     `size-near-limit` on the entry that added the largest embedded file (else the main file).
 *
 *   parseHosts(text, fileName) → { ok, hosts: Host[] } | { ok: false, problems }
 *     A hosts table: CSV when the name ends in .csv, else YAML. `Host.vars` maps NAME → value.
 *   substitute(text, host, fileName) → { ok, text } | { ok: false, problems }
 *     `${NAME}`, `${NAME:-default}`, `$${` → `${`; problems name host, file, line, column.
 *   buildHost(project, host, options) / buildHosts(project, hosts, options) → HostBuild[]
 *     substitute + compose per host; `result` absent when a placeholder failed (`problems`);
 *     `texts` the substituted files (what the reports' lines point into). Files whose text is
 *     the same for several hosts are transpiled once (`options.cache`, one per set of options).
 *
 *   bundle(source, files, { strict }) → { ok, text, problems, inlined }
 *     The Butane text with every files-directory reference inlined, comments kept, checked to
 *     transpile to the same output without a files directory.
 *
 * All results are plain data (structured-clone friendly) except `FileResult` in a cache.
 */
export {
  compose,
  type ComposeFile,
  type ComposeFinding,
  type ComposeOptions,
  type ComposeResult,
  type EntryOrigin,
  type FileReport,
  type FileResult,
} from "./merge.ts";
export { parseHosts, parseHostsCsv, parseHostsYaml, substitute, hasPlaceholders, type ComposeProblem, type Host, type HostsParse } from "./hosts.ts";
export { buildHost, buildHosts, type HostBuild, type Project } from "./build.ts";
export { bundle, type BundleOptions, type BundleProblem, type BundleResult } from "./bundle.ts";

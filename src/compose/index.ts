/**
 * Compose: a project of several Butane files built into Ignition, for the CLI (`kindling build`,
 * `kindling bundle`) and the studio. Pure like the transpiler: no DOM, no Node APIs; local files
 * come in through a `FilesProvider`.
 *
 *   compose(main, snippets, options) → ComposeResult
 *     Transpiles every file (openshift as with --raw) and merges each snippet's Ignition over the
 *     main config's, in order, by Ignition's child-config merge rules. `reports` holds each
 *     file's own Butane report; `origins` (with `origins: true`) the file/line of every merged
 *     node; `findings` the `compose-conflict`s between snippets.
 */
export { compose, type ComposeFile, type ComposeFinding, type ComposeOptions, type ComposeResult, type EntryOrigin, type FileReport, type FileResult } from "./merge.ts";
export { parseHosts, parseHostsCsv, parseHostsYaml, substitute, hasPlaceholders, type ComposeProblem, type Host, type HostsParse } from "./hosts.ts";
export { buildHost, buildHosts, type HostBuild, type Project } from "./build.ts";
export { bundle, type BundleOptions, type BundleProblem, type BundleResult } from "./bundle.ts";

/**
 * A Container Linux Config → flatcar Butane: ct's conversion to Ignition 2.3 (convert.ts), the
 * spec 2 → 3 rules of Flatcar's Ignition (../spec2), then the spec 3 import, verified against
 * that conversion, with the CLC's comments carried over.
 */
import { parseDocument } from "yaml";
import type { FilesProvider } from "../../transpiler/index.ts";
import { utf8 } from "../../transpiler/util/bytes.ts";
import type { CommentMap } from "../emit.ts";
import { importIgnition3, type ButaneBuild } from "../from-ignition.ts";
import { convertSpec2 } from "../spec2/convert.ts";
import { normalizeSpec2, targetSpec } from "../spec2/index.ts";
import { ImportError, isObj, type Finding, type ImportOptions, type Json } from "../types.ts";
import { attachComments, readComments } from "./comments.ts";
import { convertClc } from "./convert.ts";

/** ct reads `0644` as an octal integer (go-yaml's YAML 1.1 habit), as Butane does. */
const LEGACY_OCTAL = {
  tag: "tag:yaml.org,2002:int",
  identify: (v: unknown) => typeof v === "number",
  default: true,
  test: /^0[0-7]+$/,
  resolve: (s: string) => parseInt(s, 8),
};

const GENERATED: readonly [string[], string][] = [
  [["etcd"], "etcd-member.service drop-in"],
  [["flannel"], "flanneld.service drop-in"],
  [["docker"], "docker.service drop-in"],
  [["update", "locksmith"], "update.conf"],
];

const SECTIONS = ["version", "ignition", "storage", "systemd", "networkd", "passwd", "etcd", "flannel", "update", "docker", "locksmith"];

export function importClc(text: string, options: ImportOptions): ButaneBuild {
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false, customTags: (tags) => [LEGACY_OCTAL, ...tags] });
  if (doc.errors.length > 0) throw new ImportError(`the Container Linux Config is not valid YAML: ${doc.errors[0]!.message.split("\n")[0]}`);
  const clc = doc.toJS({ maxAliasCount: 1000 }) as unknown;
  if (clc === null || clc === undefined) throw new ImportError("the Container Linux Config is empty");
  if (!isObj(clc)) throw new ImportError("a Container Linux Config is a YAML mapping (storage, systemd, passwd, …)");
  const findings: Finding[] = [];
  for (const k of Object.keys(clc)) {
    if (!SECTIONS.includes(k))
      findings.push({
        code: "import-clc-unknown-key",
        severity: "warning",
        path: [k],
        message: `${k} is not a Container Linux Config section; ct ignores it, so it was left out`,
      });
  }
  if (!Object.keys(clc).some((k) => SECTIONS.includes(k)))
    throw new ImportError(
      "this is not a Container Linux Config: it has none of ignition, storage, systemd, networkd, passwd, etcd, flannel, update, docker, locksmith",
    );

  const vs = targetSpec(options, "flatcar");
  const ct = convertClc(clc, options.platform !== undefined ? { platform: options.platform } : {});
  const spec2Findings: Finding[] = [];
  const normalized = normalizeSpec2(ct.config, spec2Findings);
  const converted = convertSpec2(normalized, {
    version: vs.ignition,
    flatcar: true,
    ...(options.filesystemPaths ? { filesystemPaths: options.filesystemPaths } : {}),
  });

  const { comments, header, footer } = readComments(doc);
  const commentMap: CommentMap = new WeakMap();
  let placed = 0;
  const swapped = new Set<string>();
  const placeholders = new Map([...ct.locals].map(([path, url]) => [url, path]));
  const decorate = (butane: Json) => {
    // contents.local: the placeholder data URL back to the file it names
    const files = isObj(butane.storage) && Array.isArray(butane.storage.files) ? butane.storage.files : [];
    files.forEach((f, i) => {
      if (!isObj(f) || !isObj(f.contents) || typeof f.contents.source !== "string") return;
      const local = placeholders.get(f.contents.source);
      if (local === undefined) return;
      f.contents = { local };
      swapped.add(`storage.files.${i}.contents.source`);
    });
    // say where ct's generated units and files come from (above the config's own comments)
    const notes = GENERATED.map(([sections, what]) => [sections.filter((sec) => isObj(clc[sec])), what] as const)
      .filter(([present]) => present.length > 0)
      .map(([present, what]) => ({
        path: [present[0]!],
        where: "before" as const,
        text: ` ${what}, from the Container Linux Config's ${present.join(" and ")} section${present.length > 1 ? "s" : ""} (as ct generated it)`,
      }));
    attachComments(clc, butane, notes, commentMap);
    placed = attachComments(clc, butane, comments, commentMap).placed;
  };
  const files: FilesProvider | undefined = ct.locals.size > 0 ? localFiles(ct.locals) : undefined;
  const headerText = [header, footer].filter(Boolean).join("\n") || undefined;
  const result = importIgnition3(converted.config, [vs], {
    expected: converted.config,
    comments: commentMap,
    decorate,
    ...(headerText ? { header: headerText } : {}),
    ...(files ? { files } : {}),
  });
  result.findings = result.findings.filter((f) => !(f.code === "import-data-url-kept" && swapped.has(f.path.join("."))));
  result.stats.clcSections = ct.sections.length;
  result.stats.comments = placed + (header ? 1 : 0) + (footer ? 1 : 0);
  result.findings.unshift(
    {
      code: "import-clc",
      severity: "info",
      path: [],
      message: `Container Linux Config converted by ct's rules to Ignition 2.3, then to spec ${vs.ignition} by Flatcar's`,
    },
    ...ct.sections.map((s) => ({ code: "import-clc-section", severity: "info" as const, path: [s.split(":")[0]!], message: s })),
    ...(swapped.size > 0
      ? [
          {
            code: "import-clc-local",
            severity: "info" as const,
            path: [],
            message: `${swapped.size} contents.local file(s) stay local: transpile with --files-dir (or add them in the Files panel)`,
          },
        ]
      : []),
    ...(result.stats.comments > 0
      ? [{ code: "import-clc-comments", severity: "info" as const, path: [], message: `${result.stats.comments} comment(s) carried over` }]
      : []),
  );
  result.findings.push(...findings, ...ct.findings, ...spec2Findings, ...converted.findings);
  return result;
}

/** A files directory holding just the placeholders standing in for `contents.local` files. */
function localFiles(locals: Map<string, string>): FilesProvider {
  const byPath = new Map([...locals.keys()].map((p) => [p.replace(/^\.?\/+/, ""), utf8(`\u0000kindling-local:${p}`)]));
  return {
    root: "files",
    read: (rel) => {
      const data = byPath.get(rel);
      return data ? { ok: true, data } : { ok: false, error: "not-found" };
    },
    lstat: (rel) => (byPath.has(rel) ? { ok: true, stat: { kind: "file", mode: 0o644 } } : { ok: false, error: "not-found" }),
    readdir: () => ({ ok: false, error: "not-found" }),
  };
}

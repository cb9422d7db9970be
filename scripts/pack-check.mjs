#!/usr/bin/env node
/**
 * `npm run test:pack`: the package as a user gets it. Packs the repository (`npm pack`, which
 * builds dist-cli/ and dist-types/), installs the tarball into an empty directory with an empty
 * npm cache and `--offline` (so any runtime dependency would fail the install), then checks
 * `npx kindling` (help, a transpile, a failing config and their exit statuses), runs the
 * pre-commit hook's entry on good and bad files, imports the library from a Node script, and
 * type-checks a TypeScript fixture (typed configs accepted, wrong fields rejected) against the
 * installed types. Prints the packed size and the installed footprint.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const fixtures = join(root, "scripts/pack-fixture");
const work = mkdtempSync(join(tmpdir(), "kindling-pack-"));
const app = join(work, "app");
const cache = join(work, "cache");
const started = Date.now();
let failures = 0;

/** Runs a command; returns its status and streams. */
function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: "utf8", ...opts });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function check(name, ok, detail = "") {
  console.log(`${ok ? "ok  " : "FAIL"} ${name}${ok || !detail ? "" : `\n${detail}`}`);
  if (!ok) failures++;
}

function duBytes(dir) {
  let total = 0;
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) total += statSync(join(e.parentPath, e.name)).size;
  }
  return total;
}

const kib = (n) => `${(n / 1024).toFixed(0)} KiB`;

try {
  // 1. Pack (prepack builds the declarations, prepare the bundles).
  // npm prints the lifecycle scripts' output before the JSON on stdout.
  const packOut = execFileSync("npm", ["pack", "--json", "--pack-destination", work], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  const packed = JSON.parse(packOut.slice(packOut.search(/^\[/m)));
  const info = packed[0];
  const tarball = join(work, info.filename);
  console.log(`packed ${info.filename}: ${kib(info.size)} (unpacked ${kib(info.unpackedSize)}, ${info.entryCount} files)`);

  // 2. Install offline, with an empty cache: the registry is never asked for anything.
  cpSync(fixtures, app, { recursive: true });
  writeFileSync(join(app, "package.json"), JSON.stringify({ name: "pack-check", private: true, type: "module" }) + "\n");
  const env = {
    ...process.env,
    npm_config_cache: cache,
    npm_config_offline: "true",
    npm_config_audit: "false",
    npm_config_fund: "false",
    npm_config_update_notifier: "false",
  };
  delete env.npm_config_prefix;
  const install = run("npm", ["install", "--offline", "--no-audit", "--no-fund", tarball], { cwd: app, env });
  check("npm install --offline <tarball> into an empty directory", install.status === 0, install.stderr);
  if (install.status !== 0) throw new Error("install failed");
  const installed = join(app, "node_modules");
  const others = readdirSync(installed).filter((n) => !n.startsWith(".") && n !== "kindling");
  check("installs no other package", others.length === 0, others.join(", "));
  console.log(`installed footprint: ${kib(duBytes(installed))}`);

  // 3. The CLI through npx, with today's flags and exit codes.
  const npx = (args, input) => run("npx", ["--offline", "kindling", ...args], { cwd: app, env, input });
  const help = npx(["--help"]);
  check("npx kindling --help", help.status === 0 && help.stdout.includes("--files-dir") && help.stdout.includes("--strict"), help.stdout + help.stderr);
  writeFileSync(join(app, "good.bu"), "variant: fcos\nversion: 1.6.0\npasswd:\n  users:\n    - name: core\n");
  writeFileSync(join(app, "bad.bu"), "variant: fcos\nversion: 1.6.0\nstorage:\n  files:\n    - path: rel\n");
  writeFileSync(join(app, "warn.bu"), "variant: fcos\nversion: 1.6.0\nfoo: 1\n");
  const good = npx(["good.bu"]);
  check(
    "npx kindling good.bu: exit 0, Ignition on stdout",
    good.status === 0 && JSON.parse(good.stdout).ignition?.version === "3.5.0",
    good.stdout + good.stderr,
  );
  const stdin = npx(["--pretty"], "variant: flatcar\nversion: 1.1.0\n");
  check("npx kindling --pretty < stdin", stdin.status === 0 && stdin.stdout.startsWith('{\n  "ignition"'), stdin.stdout + stdin.stderr);
  const bad = npx(["bad.bu"]);
  check(
    "npx kindling bad.bu: exit 1 with upstream's error",
    bad.status === 1 &&
      bad.stdout === "" &&
      bad.stderr.includes("path not absolute") &&
      bad.stderr.endsWith("Error translating config: config generated was invalid\n"),
    bad.stderr,
  );
  const strict = npx(["--check", "--strict", "warn.bu"]);
  check("npx kindling --check --strict warn.bu: exit 1", strict.status === 1 && strict.stderr.includes("--strict was specified"), strict.stderr);
  const usage = npx(["--bogus"]);
  check("npx kindling --bogus: exit 2 with usage", usage.status === 2 && usage.stderr.includes("unknown flag: --bogus"), usage.stderr);

  // 4. The pre-commit hook's entry, run as pre-commit runs it: entry + the staged files as arguments.
  const hookText = readFileSync(join(root, ".pre-commit-hooks.yaml"), "utf8");
  const entry = /^\s*entry:\s*(.+)$/m.exec(hookText)?.[1]?.trim().split(/\s+/) ?? [];
  const hookRun = (files) => run("npx", ["--offline", ...entry, ...files], { cwd: app, env });
  const hookGood = hookRun(["good.bu"]);
  check(`pre-commit entry (${entry.join(" ")}) passes good.bu`, hookGood.status === 0, hookGood.stderr);
  const hookBad = hookRun(["good.bu", "bad.bu", "warn.bu"]);
  check(
    "pre-commit entry fails on bad.bu and warn.bu, naming them",
    hookBad.status === 1 && hookBad.stderr.includes("bad.bu:5:13") && hookBad.stderr.includes("warn.bu:3:1"),
    hookBad.stderr,
  );

  // 5. The library from Node, and its types from TypeScript.
  const lib = run(process.execPath, ["use-library.mjs"], { cwd: app });
  check(
    'import { transpile, listSpecs, renderReport, compose, buildHosts, parseHosts, bundle } from "kindling"',
    lib.status === 0 && lib.stdout.includes("bundle ok"),
    lib.stdout + lib.stderr,
  );
  const tsc = run(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.json"], { cwd: app });
  check("tsc --noEmit on the typed fixture", tsc.status === 0, tsc.stdout + tsc.stderr);
} catch (e) {
  check("pack check", false, String(e?.stack ?? e));
} finally {
  rmSync(work, { recursive: true, force: true });
}
console.log(`pack check: ${failures === 0 ? "passed" : `${failures} failed`} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exitCode = failures === 0 ? 0 : 1;

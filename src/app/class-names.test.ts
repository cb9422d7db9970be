/**
 * The app's class names carry a prefix (k- for the shell, kp- previews, ff- forms, kt- templates;
 * is- only as a modifier next to a prefixed class), so no app rule can hit the DOM of Monaco,
 * which uses generic names of its own (.main, .toggle, .title …). Checks every stylesheet and every
 * `className` written in src/.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = join(import.meta.dirname, "..");
const PREFIXED = /^(k|kp|ff|kt)-/;
const MODIFIER = /^is-/;

function files(dir: string, ext: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(ext))
    .map((e) => join(e.parentPath, e.name));
}

const TOKEN = /^[a-zA-Z][\w-]*$/;

/**
 * Class tokens in the string literals of an expression (template literals' static parts, and the
 * literals inside their interpolations); literals compared with === or !== are values, not classes.
 */
function classTokens(expression: string): string[] {
  const out: string[] = [];
  const code = expression.replace(/(?:===|!==)\s*(?:"[^"]*"|'[^']*')|(?:"[^"]*"|'[^']*')\s*(?:===|!==)/g, " ");
  for (const lit of code.matchAll(/"([^"]*)"|'([^']*)'|`([^`]*)`/g)) {
    if (lit[3] === undefined) {
      out.push(...(lit[1] ?? lit[2] ?? "").split(/\s+/).filter((t) => TOKEN.test(t)));
      continue;
    }
    // A token glued to an interpolation (`k-sev-${x}`) is a prefix of a name: checked as such.
    const parts = lit[3].split(/(\$\{[^}]*\})/);
    for (const part of parts) {
      if (part.startsWith("${")) out.push(...classTokens(part.slice(2, -1)));
      else out.push(...part.split(/\s+/).filter((t) => TOKEN.test(t)));
    }
  }
  return out;
}

/** Class tokens written in each `className=` value. */
function classNamesIn(source: string): string[] {
  const out: string[] = [];
  const re = /className=/g;
  for (let m = re.exec(source); m; m = re.exec(source)) {
    let i = m.index + m[0].length;
    let value: string;
    if (source[i] === '"') {
      const end = source.indexOf('"', i + 1);
      value = source.slice(i, end + 1);
      i = end + 1;
    } else if (source[i] === "{") {
      let depth = 0;
      let j = i;
      for (; j < source.length; j++) {
        if (source[j] === "{") depth++;
        else if (source[j] === "}" && --depth === 0) break;
      }
      value = source.slice(i, j + 1);
      i = j + 1;
    } else continue;
    out.push(...classTokens(value));
    re.lastIndex = i;
  }
  return out;
}

describe("class names", () => {
  it("finds class names in className values", () => {
    expect(classNamesIn(`<a className="k-btn k-btn-small" /><b className={\`k-sev k-sev-\${s}\${x === "a" ? " is-on" : ""}\`} />`)).toEqual([
      "k-btn",
      "k-btn-small",
      "k-sev",
      "k-sev-",
      "is-on",
    ]);
  });

  it.each(files(SRC, ".css").map((f) => [relative(SRC, f), f]))("%s: every class selector is prefixed", (_name, file) => {
    const css = readFileSync(file, "utf8").replace(/\/\*[\s\S]*?\*\//g, "");
    const bad: string[] = [];
    for (const rule of css.matchAll(/([^{}]+)\{/g)) {
      const prelude = rule[1]?.trim() ?? "";
      if (prelude.startsWith("@")) continue;
      for (const selector of prelude.split(",")) {
        // Each compound (the parts between combinators) must name a prefixed class or an element
        // when it uses a modifier; every other class must be prefixed.
        for (const compound of selector.trim().split(/\s*[\s>+~]\s*/)) {
          const classes = [...compound.replace(/:where\([^)]*\)|:not\([^)]*\)/g, "").matchAll(/\.([a-zA-Z][\w-]*)/g)].map((c) => c[1] ?? "");
          for (const c of classes) {
            if (PREFIXED.test(c)) continue;
            if (MODIFIER.test(c) && (classes.some((o) => PREFIXED.test(o)) || /^[a-z]/.test(compound))) continue;
            bad.push(`${c} in "${selector.trim()}"`);
          }
        }
      }
    }
    expect(bad).toEqual([]);
  });

  it.each(files(SRC, ".tsx").map((f) => [relative(SRC, f), f]))("%s: every className is prefixed", (_name, file) => {
    const bad = classNamesIn(readFileSync(file, "utf8")).filter((c) => !PREFIXED.test(c) && !MODIFIER.test(c));
    expect(bad).toEqual([]);
  });
});

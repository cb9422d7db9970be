/**
 * Remedies for an output too big for user data, both ones Ignition supports: a small pointer
 * config that replaces itself with the full config fetched from a URL (checked against its
 * SHA-512), and a file's contents fetched from a remote source (checked likewise). The hashes are
 * passed in: the transpiler stays pure, callers hash with @noble/hashes or WebCrypto.
 */
import { marshal as marshalJson } from "../go/json.ts";

/** URL schemes Ignition fetches a config or file source from (besides `data:`). */
const FETCH_SCHEMES: ReadonlySet<string> = /* @__PURE__ */ new Set(["http", "https", "tftp", "s3", "gs", "arn"]);

/** Why `url` cannot be fetched by Ignition, or null when it can. */
export function remoteUrlProblem(url: string): string | null {
  const m = /^([A-Za-z][A-Za-z0-9+.-]*):(\S+)$/.exec(url.trim());
  if (!m) return "Enter a full URL, e.g. https://example.com/config.ign";
  const scheme = (m[1] ?? "").toLowerCase();
  if (!FETCH_SCHEMES.has(scheme)) return `Ignition cannot fetch ${scheme}: URLs; use https:, http:, s3:, gs: or tftp:`;
  if (scheme !== "arn" && !/^\/\/[^/?#]+/.test(m[2] ?? "")) return "Enter a full URL with a host, e.g. https://example.com/config.ign";
  return null;
}

const HEX128 = /^[0-9a-f]{128}$/;

export interface PointerConfigInput {
  /** Where the full config will be served from. */
  url: string;
  /** The Ignition spec version of the full config (the pointer uses the same). */
  ignitionVersion: string;
  /** SHA-512 of the full config's exact bytes, lowercase hex. */
  sha512Hex: string;
  pretty?: boolean;
}

/**
 * The pointer config: `ignition.config.replace` with the URL and `sha512-<hex>` verification, at
 * the full config's spec version. Ignition fetches the full config at boot and boots with it only
 * when its hash matches.
 */
export function buildPointerConfig(input: PointerConfigInput): { ok: true; text: string } | { ok: false; error: string } {
  const problem = remoteUrlProblem(input.url);
  if (problem) return { ok: false, error: problem };
  if (!HEX128.test(input.sha512Hex)) return { ok: false, error: "the SHA-512 must be 128 lowercase hex digits" };
  const config = {
    ignition: {
      config: { replace: { source: input.url.trim(), verification: { hash: `sha512-${input.sha512Hex}` } } },
      version: input.ignitionVersion,
    },
  };
  return { ok: true, text: marshalJson(config, input.pretty === true) + "\n" };
}

/**
 * The Butane `contents:` that fetches a file from `url` instead of embedding it, checked against
 * the SHA-512 of the bytes served there. `indent` is the indentation of the `contents:` key.
 */
export function remoteContentsYaml(url: string, sha512Hex: string, indent = "      "): { ok: true; text: string } | { ok: false; error: string } {
  const problem = remoteUrlProblem(url);
  if (problem) return { ok: false, error: problem };
  if (!HEX128.test(sha512Hex)) return { ok: false, error: "the SHA-512 must be 128 lowercase hex digits" };
  const quoted = JSON.stringify(url.trim());
  return {
    ok: true,
    text: `${indent}contents:\n${indent}  source: ${quoted}\n${indent}  verification:\n${indent}    hash: sha512-${sha512Hex}\n`,
  };
}

/** Rules for the `ignition` section: version, merge/replace configs, proxy, TLS authorities. */
import { objAt, objListAt, plainStrAt, strAt } from "./access.ts";
import { MSG } from "./messages.ts";
import { at, type IgnPath, type Report } from "./report.ts";
import { validateRequiredSource, walkResource } from "./resource-rules.ts";
import { parseSemver, semverEqual } from "../go/semver.ts";
import type { IgnObject, IgnitionVersion } from "./types.ts";
import { parseGoUrl } from "../go/url.ts";

function validateVersion(r: Report, ign: IgnObject, path: IgnPath, spec: IgnitionVersion): void {
  const vpath = at(path, "version");
  const v = parseSemver(plainStrAt(ign, "version"));
  if (v === null) {
    r.error(vpath, MSG.invalidVersion);
    return;
  }
  const max = parseSemver(spec);
  if (max === null || !semverEqual(v, max)) r.error(vpath, MSG.unknownVersion);
}

function validateProxyUrl(r: Report, s: string | undefined, path: IgnPath, httpOk: boolean): void {
  if (s === undefined) return;
  const parsed = parseGoUrl(s);
  if (!parsed.ok) {
    r.error(path, MSG.invalidUrl);
    return;
  }
  const scheme = parsed.url.scheme;
  if (scheme !== "https" && scheme !== "http") {
    r.error(path, MSG.invalidProxy);
    return;
  }
  if (scheme === "http" && !httpOk) r.warn(path, MSG.insecureProxy);
}

/** Validates `ignition` and its children in Go field order. */
export function walkIgnition(r: Report, ign: IgnObject, path: IgnPath, spec: IgnitionVersion): void {
  validateVersion(r, ign, path, spec);

  const cfgPath = at(path, "config");
  const cfg = objAt(ign, "config");
  const merges = objListAt(cfg, "merge");
  if (r.has.unifiedResources) {
    merges.forEach((m, i) => r.error(at(cfgPath, "merge", i), validateRequiredSource(m, r.has)));
  }
  merges.forEach((m, i) => walkResource(r, m, at(cfgPath, "merge", i), "configReference"));
  walkResource(r, objAt(cfg, "replace"), at(cfgPath, "replace"), "configReference");

  if (r.has.proxy) {
    const proxy = objAt(ign, "proxy");
    const proxyPath = at(path, "proxy");
    validateProxyUrl(r, strAt(proxy, "httpProxy"), at(proxyPath, "httpProxy"), true);
    validateProxyUrl(r, strAt(proxy, "httpsProxy"), at(proxyPath, "httpsProxy"), false);
  }

  const tlsPath = at(path, "security", "tls");
  const cas = objListAt(objAt(objAt(ign, "security"), "tls"), "certificateAuthorities");
  if (r.has.unifiedResources) {
    cas.forEach((ca, i) => r.error(at(tlsPath, "certificateAuthorities", i), validateRequiredSource(ca, r.has)));
  }
  cas.forEach((ca, i) => walkResource(r, ca, at(tlsPath, "certificateAuthorities", i), "caReference"));
}

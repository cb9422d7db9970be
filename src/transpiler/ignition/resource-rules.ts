/**
 * Rules for resources (`Resource` 3.1+; `FileContents`, `ConfigReference`, `CaReference` 3.0):
 * compression, verification, source URL and HTTP headers, each with its children visited in
 * Go field order.
 */
import { objAt, objListAt, strAt } from "./access.ts";
import { byteLength } from "../go/utf8.ts";
import { MSG } from "./messages.ts";
import { at, type IgnPath, type Report } from "./report.ts";
import type { IgnObject } from "./types.ts";
import { urlScheme, validateUrl, validateUrlNilOk, type UrlFeatures } from "./url-rules.ts";

/** Which 3.0 resource struct a resource is (3.1+ always uses `Resource`). */
export type ResourceKind = "fileContents" | "configReference" | "caReference";

function validateCompression(res: IgnObject): string | null {
  const c = strAt(res, "compression");
  if (c !== undefined && c !== "" && c !== "gzip") return MSG.compressionInvalid;
  return null;
}

function validateVerificationSource(res: IgnObject): string | null {
  const hash = strAt(objAt(res, "verification"), "hash");
  if (hash !== undefined && strAt(res, "source") === undefined) return MSG.verificationAndNilSource;
  return null;
}

function validateSchemeForHttpHeaders(res: IgnObject): string | null {
  const headers = res["httpHeaders"];
  if (!Array.isArray(headers) || headers.length < 1) return null;
  const source = strAt(res, "source");
  if (source === undefined || source === "") return MSG.invalidUrl;
  const scheme = urlScheme(source);
  if (scheme === null) return MSG.invalidUrl;
  return scheme === "http" || scheme === "https" ? null : MSG.unsupportedSchemeForHttpHeaders;
}

/** `Verification.Validate`: at `<path>.hash`. */
export function validateVerification(r: Report, verification: IgnObject, path: IgnPath): void {
  const hashPath = at(path, "hash");
  const hash = strAt(verification, "hash");
  if (hash === undefined) return;
  const dash = hash.indexOf("-");
  if (dash < 0) {
    r.error(hashPath, MSG.hashMalformed);
    return;
  }
  const fn = hash.slice(0, dash);
  const sum = hash.slice(dash + 1);
  let expected: number;
  if (fn === "sha512") expected = 128;
  else if (fn === "sha256" && r.has.sha256) expected = 64;
  else {
    r.error(hashPath, MSG.hashUnrecognized);
    return;
  }
  // only the byte length is checked, not hex-ness
  if (byteLength(sum) !== expected) r.error(hashPath, MSG.hashWrongSize);
}

function validateHttpHeader(r: Report, header: IgnObject, path: IgnPath): void {
  if ((strAt(header, "name") ?? "") === "") r.error(at(path, "name"), MSG.emptyHttpHeaderName);
  if (strAt(header, "value") === "") r.error(at(path, "value"), MSG.invalidHttpHeader);
}

/** Validates a resource and its children, for the resource kind of the spec. */
export function walkResource(r: Report, res: IgnObject, path: IgnPath, kind: ResourceKind): void {
  if (!r.has.unifiedResources) {
    if (kind === "fileContents") {
      r.error(at(path, "compression"), validateCompression(res));
      r.error(at(path, "verification", "hash"), validateVerificationSource(res));
      r.error(at(path, "source"), validateUrlNilOk(strAt(res, "source"), r.has));
    } else if (kind === "configReference") {
      r.error(at(path, "source"), validateUrlNilOk(strAt(res, "source"), r.has));
    } else {
      r.error(at(path, "source"), validateUrl(strAt(res, "source") ?? "", r.has));
    }
    validateVerification(r, objAt(res, "verification"), at(path, "verification"));
    return;
  }
  r.error(at(path, "compression"), validateCompression(res));
  r.error(at(path, "verification", "hash"), validateVerificationSource(res));
  r.error(at(path, "source"), validateUrlNilOk(strAt(res, "source"), r.has));
  r.error(at(path, "httpHeaders"), validateSchemeForHttpHeaders(res));
  objListAt(res, "httpHeaders").forEach((h, i) => validateHttpHeader(r, h, at(path, "httpHeaders", i)));
  validateVerification(r, objAt(res, "verification"), at(path, "verification"));
}

/** `validateRequiredSource` (3.1+ merge and CA entries): source set, non-empty and valid. */
export function validateRequiredSource(res: IgnObject, has: UrlFeatures): string | null {
  const source = strAt(res, "source");
  if (source === undefined || source === "") return MSG.sourceRequired;
  return validateUrl(source, has);
}

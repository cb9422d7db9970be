/** Ignition's URL rules (`validateURL` and friends) per spec version. */
import { dataUrlError } from "./dataurl.ts";
import { isRecentTextDataUrl } from "../util/dataurl.ts";
import { MSG } from "./messages.ts";
import type { IgnitionFeatures } from "../spec/ignition.ts";
import { parseGoUrl, queryValues } from "../go/url.ts";

/** `url.Parse` failed. */
export const ERR_INVALID_URL = MSG.invalidUrl;
/** Scheme not supported by the spec version. */
export const ERR_INVALID_SCHEME = MSG.invalidScheme;
/** `arn:` URL that isn't an S3 object ARN. */
export const ERR_INVALID_S3_ARN = "invalid S3 ARN format";
/** `versionId` query parameter present but empty. */
export const ERR_INVALID_S3_VERSION_ID = "invalid S3 object VersionId";

function versionIdError(rawQuery: string): string | null {
  const v = queryValues(rawQuery, "versionId");
  if (v !== undefined && (v.length === 0 || v[0] === "")) return ERR_INVALID_S3_VERSION_ID;
  return null;
}

/** aws-sdk-go-v2 `arn.IsARN` plus Ignition's S3 object-ARN shape checks; null when valid. */
function s3ArnError(fullUrl: string): string | null {
  const colons = fullUrl.split(":").length - 1;
  if (!fullUrl.startsWith("arn:") || colons < 5) return ERR_INVALID_S3_ARN;
  // arn.Parse: SplitN(arn, ":", 6); IsARN guarantees six sections
  const sections: string[] = [];
  let rest = fullUrl;
  for (let k = 0; k < 5; k++) {
    const i = rest.indexOf(":");
    sections.push(rest.slice(0, i));
    rest = rest.slice(i + 1);
  }
  sections.push(rest);
  const service = sections[2] ?? "";
  const resource = sections[5] ?? "";
  if (service !== "s3") return ERR_INVALID_S3_ARN;
  const slashParts = fullUrl.split("/").length;
  if (resource.startsWith("accesspoint/") && slashParts < 3) return ERR_INVALID_S3_ARN;
  if (slashParts < 2) return ERR_INVALID_S3_ARN;
  return null;
}

/** The URL schemes a spec version accepts beyond Ignition 3.0's. */
export type UrlFeatures = Pick<IgnitionFeatures, "gsUrls" | "s3ArnUrls">;

/** Ignition `validateURL` for a spec version with `has`: the error message, or null when the URL is accepted. */
export function validateUrl(s: string, has: UrlFeatures): string | null {
  if (isCanonicalDataUrl(s)) return null;
  const parsed = parseGoUrl(s);
  if (!parsed.ok) return ERR_INVALID_URL;
  const u = parsed.url;
  switch (u.scheme) {
    case "http":
    case "https":
    case "tftp":
      return null;
    case "gs":
      return has.gsUrls ? null : ERR_INVALID_SCHEME;
    case "s3":
      return versionIdError(u.rawQuery);
    case "arn": {
      if (!has.s3ArnUrls) return ERR_INVALID_SCHEME;
      const arnError = s3ArnError(u.scheme + ":" + u.opaque);
      if (arnError !== null) return arnError;
      return versionIdError(u.rawQuery);
    }
    case "data":
      return dataUrlError(s);
    default:
      return ERR_INVALID_SCHEME;
  }
}

/** Ignition `validateURLNilOK`: nil or empty is accepted. */
export function validateUrlNilOk(s: string | undefined, has: UrlFeatures): string | null {
  if (s === undefined || s === "") return null;
  return validateUrl(s, has);
}

/** Tang server URL check (3.2+): parseable and http(s). */
export function validateTangUrl(s: string): string | null {
  const parsed = parseGoUrl(s);
  if (!parsed.ok) return ERR_INVALID_URL;
  return parsed.url.scheme === "http" || parsed.url.scheme === "https" ? null : ERR_INVALID_SCHEME;
}

/** The lower-cased scheme of a URL Go can parse, or null when Go's `url.Parse` fails. */
export function urlScheme(s: string): string | null {
  const parsed = parseGoUrl(s);
  return parsed.ok ? parsed.url.scheme : null;
}

const CANONICAL_PERCENT = /^data:,(?:[A-Za-z0-9\-_.!~*'()]|%[0-9A-F]{2})*$/;
const CANONICAL_BASE64 = /^data:;base64,(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * Fast path for the data URLs Butane itself generates (`data:,` + percent-encoding, or
 * `data:;base64,` + padded base64): they always parse and decode, so the full URL parser and
 * payload decoder (linear but slow on multi-KB payloads) can be skipped.
 */
export function isCanonicalDataUrl(s: string): boolean {
  return s.startsWith("data:") && (isRecentTextDataUrl(s) || CANONICAL_PERCENT.test(s) || CANONICAL_BASE64.test(s));
}

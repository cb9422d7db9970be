import { describe, expect, it } from "vitest";
import { validateTangUrl, validateUrl, validateUrlNilOk } from "./url-rules.ts";
import { IGNITION_VERSIONS, ignitionFeatures } from "../spec/ignition.ts";

/** What Ignition 3.`minor` has. */
const features = (minor: number) => ignitionFeatures(IGNITION_VERSIONS[minor]!);

describe("validateUrl per spec", () => {
  const cases: Array<[string, number, string | null]> = [
    ["https://example.com", 0, null],
    ["tftp://host/f", 0, null],
    ["gs://bucket/obj", 1, "invalid url scheme"],
    ["gs://bucket/obj", 2, null],
    ["arn:aws:s3:::bucket/key", 3, "invalid url scheme"],
    ["arn:aws:s3:::bucket/key", 4, null],
    ["arn:aws:s3:::bucket", 4, "invalid S3 ARN format"],
    ["arn:aws:s3:us-east-1:123:accesspoint/ap", 4, "invalid S3 ARN format"],
    ["arn:aws:s3:us-east-1:123:accesspoint/ap/object/key", 4, null],
    ["arn:aws:iam::123:user/x", 4, "invalid S3 ARN format"],
    ["arn:aws:s3:bucket/key", 4, "invalid S3 ARN format"],
    ["arn:/aws:s3:::b/k", 4, "invalid S3 ARN format"],
    ["ARN:aws:s3:::bucket/key", 5, null],
    ["arn:aws:s3:::bucket/key?versionId=", 5, "invalid S3 object VersionId"],
    ["arn:aws:s3:::bucket/key?versionId=v1", 5, null],
    ["s3://bucket/key?versionId", 0, "invalid S3 object VersionId"],
    ["s3://bucket/key?versionId=abc", 0, null],
    ["data:,hello", 0, null],
    ["data:foo", 3, "missing media type slash"],
    ["data:;base64,!!!", 6, "invalid data character"],
    ["DATA:,x", 6, "missing data prefix"],
    ["ftp://example.com/file", 6, "invalid url scheme"],
    ["file:///etc/passwd", 6, "invalid url scheme"],
    ["not a url at all", 6, "invalid url scheme"],
    ["", 6, "invalid url scheme"],
    ["http://[::1", 6, "unable to parse url"],
    ["::bad", 1, "unable to parse url"],
  ];
  it.each(cases)("%j in 3.%i → %j", (url, minor, want) => {
    expect(validateUrl(url, features(minor))).toBe(want);
  });

  it("accepts nil or empty sources when optional", () => {
    expect(validateUrlNilOk(undefined, features(0))).toBeNull();
    expect(validateUrlNilOk("", features(6))).toBeNull();
  });

  it.each([
    ["http://tang.example", null],
    ["https://tang.example", null],
    ["not-a-url", "invalid url scheme"],
    ["", "invalid url scheme"],
    ["tftp://x", "invalid url scheme"],
    ["http://[::1", "unable to parse url"],
  ] as Array<[string, string | null]>)("tang url %j → %j", (url, want) => {
    expect(validateTangUrl(url)).toBe(want);
  });
});

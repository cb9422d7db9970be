/**
 * The byte helpers the data URL encoder imports, under the names it uses (the implementations
 * are Go's, in ../go/): kept as names only, so that module needs no change here.
 */
export { encodeBase64 as base64 } from "../go/base64.ts";
export { goBytes as utf8 } from "../go/utf8.ts";

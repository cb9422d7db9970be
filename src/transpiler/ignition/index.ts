/** Public surface of the Ignition validation module. */
export { validateIgnition, validateIgnitionChild } from "./validate.ts";
export { IGNITION_VERSIONS, specMinor } from "./types.ts";
export type { IgnEntry, IgnitionConfig, IgnitionVersion, IgnObject, IgnPathElem } from "./types.ts";
export { decodeDataUrl, decodeDataUrlDetailed, dataUrlError, type DataUrl, type DataUrlResult } from "./dataurl.ts";
export { hasInstallSection, parseUnit, type UnitOption, type UnitParseResult } from "./unit-parser.ts";
export { validateUrl, validateUrlNilOk, validateTangUrl, urlScheme } from "./url-rules.ts";

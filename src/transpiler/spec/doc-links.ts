/**
 * Where the served field reference lives and how its anchors are named, shared by the page
 * generator (doc-html.ts) and the editor's hover links. Pure and tiny, so the editor can import it.
 */

/** The served reference page of a variant/version, relative to the app's base URL. */
export const docsPagePath = (variant: string, version: string): string => `docs/spec/${variant}-${version}.html`;

/** The served index of all reference pages, relative to the app's base URL. */
export const DOCS_INDEX_PATH = "docs/spec/index.html";

/**
 * The anchor of field `key` of struct `owner` on a reference page: `storage` for a root field,
 * `File.mode` for the others (at one path where that struct's field appears, the one users mostly
 * meet). Every row also has its path (`storage.files[].mode`) as an anchor.
 */
export function fieldAnchor(owner: string | null, key: string): string {
  return owner === null ? key : `${owner}.${key}`;
}

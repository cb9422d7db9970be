/**
 * Where the schema's snippets fit. yaml-language-server offers a struct's `defaultSnippets`
 * wherever that struct is completed, also inside an entry that already has keys; the studio keeps
 * a list-item snippet (a user, a file, a unit) only on a fresh `- ` line, and the disk snippet
 * (new keys of `storage`) only on an otherwise empty line; a word typed to filter the list may
 * precede the cursor (the completion replaces it). Pure.
 */
import { ITEM_SNIPPET_LABELS, SNIPPET_LABELS } from "../transpiler/spec/snippets.ts";

/** Whether a completion item labelled `label` fits at a cursor with `before`/`after` on its line. */
export function snippetFits(label: string, before: string, after: string): boolean {
  if (after.trim() !== "") return !isSnippet(label);
  if (ITEM_SNIPPET_LABELS.has(label)) return /^\s*-(\s+\w*)?$/.test(before);
  if (label === SNIPPET_LABELS.disk) return /^\s*\w*$/.test(before);
  return true;
}

function isSnippet(label: string): boolean {
  return ITEM_SNIPPET_LABELS.has(label) || label === SNIPPET_LABELS.disk;
}

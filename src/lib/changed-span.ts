/** The one span where two texts differ: between their common prefix and common suffix. */
export interface ChangedSpan {
  /** UTF-16 offset where the texts start to differ. */
  start: number;
  /** End of the differing span in the old text (exclusive). */
  oldEnd: number;
  /** End of the differing span in the new text (exclusive). */
  newEnd: number;
}

/** Characters compared at once (natively) before the character-by-character scan. */
const BLOCK = 1024;

export function changedSpan(old: string, text: string): ChangedSpan {
  const max = Math.min(old.length, text.length);
  // Runs on every keystroke over texts of up to a megabyte: skip equal blocks first.
  let start = 0;
  while (start + BLOCK <= max && old.substring(start, start + BLOCK) === text.substring(start, start + BLOCK)) start += BLOCK;
  while (start < max && old.charCodeAt(start) === text.charCodeAt(start)) start++;
  let end = 0;
  while (
    end + BLOCK <= max - start &&
    old.substring(old.length - end - BLOCK, old.length - end) === text.substring(text.length - end - BLOCK, text.length - end)
  )
    end += BLOCK;
  while (end < max - start && old.charCodeAt(old.length - 1 - end) === text.charCodeAt(text.length - 1 - end)) end++;
  return { start, oldEnd: old.length - end, newEnd: text.length - end };
}

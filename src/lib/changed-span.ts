/** The one span where two texts differ: between their common prefix and common suffix. */
export interface ChangedSpan {
  /** UTF-16 offset where the texts start to differ. */
  start: number;
  /** End of the differing span in the old text (exclusive). */
  oldEnd: number;
  /** End of the differing span in the new text (exclusive). */
  newEnd: number;
}

export function changedSpan(old: string, text: string): ChangedSpan {
  const max = Math.min(old.length, text.length);
  let start = 0;
  while (start < max && old.charCodeAt(start) === text.charCodeAt(start)) start++;
  let end = 0;
  while (end < max - start && old.charCodeAt(old.length - 1 - end) === text.charCodeAt(text.length - 1 - end)) end++;
  return { start, oldEnd: old.length - end, newEnd: text.length - end };
}

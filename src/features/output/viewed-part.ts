/** How much of a long output the output view shows (Copy and Download always take all of it). */

/** Characters of output the view shows at most (whole lines). */
export const MAX_VIEWED_OUTPUT = 1024 * 1024;

/** How many characters of `output` the view shows: all, or whole lines up to MAX_VIEWED_OUTPUT (no copy made). */
export function viewedLength(output: string): number {
  if (output.length <= MAX_VIEWED_OUTPUT) return output.length;
  const end = output.lastIndexOf("\n", MAX_VIEWED_OUTPUT);
  return end > 0 ? end + 1 : MAX_VIEWED_OUTPUT;
}

/** The start of `output` the view shows. */
export function viewedPart(output: string): string {
  const n = viewedLength(output);
  return n === output.length ? output : output.slice(0, n);
}

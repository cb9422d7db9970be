/** How much of a long output the output view shows (Copy and Download always take all of it). */

/** Characters of output the view shows at most (whole lines). */
export const MAX_VIEWED_OUTPUT = 1024 * 1024;

/** The start of `output` the view shows: all of it, or whole lines up to MAX_VIEWED_OUTPUT. */
export function viewedPart(output: string): string {
  if (output.length <= MAX_VIEWED_OUTPUT) return output;
  const end = output.lastIndexOf("\n", MAX_VIEWED_OUTPUT);
  return output.slice(0, end > 0 ? end + 1 : MAX_VIEWED_OUTPUT);
}

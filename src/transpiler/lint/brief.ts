/** A name as a message shows it: long names (a pasted blob, a 100 KB token) cut to a readable length. */
export function brief(s: string, max = 80): string {
  const cps = [...s];
  return cps.length > max ? cps.slice(0, max - 1).join("") + "…" : s;
}

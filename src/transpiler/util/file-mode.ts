/**
 * POSIX file modes as people read and write them: `0644` octal text (as written in Butane) and
 * `ls -l`'s `-rw-r--r--`. Shared by the previews, the forms, the quick fixes and YAML edits.
 */

export const NodeType = { File: "-", Directory: "d", Symlink: "l" } as const;
export type NodeType = (typeof NodeType)[keyof typeof NodeType];

/**
 * `-rw-r--r--`, `drwxr-xr-x`, `-rwsr-xr-x`, `drwxrwxrwt`… for `mode` in 0..0o7777.
 * Returns null for anything else (negative, fractional, larger than 0o7777).
 */
export function formatMode(mode: number, type: NodeType): string | null {
  if (!Number.isInteger(mode) || mode < 0 || mode > 0o7777) return null;
  const bit = (b: number) => (mode & b) !== 0;
  const triplet = (r: number, w: number, x: number, special: number, letter: string) =>
    (bit(r) ? "r" : "-") + (bit(w) ? "w" : "-") + (bit(special) ? (bit(x) ? letter : letter.toUpperCase()) : bit(x) ? "x" : "-");
  return type + triplet(0o400, 0o200, 0o100, 0o4000, "s") + triplet(0o040, 0o020, 0o010, 0o2000, "s") + triplet(0o004, 0o002, 0o001, 0o1000, "t");
}

/** `0644`-style octal text, as written in Butane (at least three digits after the leading zero). */
export function octalText(mode: number): string {
  return "0" + mode.toString(8).padStart(3, "0");
}

/** The mode of octal text as people write it (`644`, `0644`, `0o644`), or null. */
export function parseOctal(text: string): number | null {
  const m = /^(?:0o?)?([0-7]{1,4})$/.exec(text.trim());
  return m ? parseInt(m[1] ?? "", 8) : null;
}

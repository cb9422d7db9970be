/** A file mode as the forms' grid of rwx checkboxes (octal text: transpiler/util/file-mode.ts). */

export const WHO = ["owner", "group", "others"] as const;
export const WHAT = [
  { key: "r", name: "read" },
  { key: "w", name: "write" },
  { key: "x", name: "execute" },
] as const;

/** The bit for who (0 owner … 2 others) and what (0 read … 2 execute). */
export const bit = (who: number, what: number): number => 1 << ((2 - who) * 3 + (2 - what));

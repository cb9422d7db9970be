/** File modes as rwx bits and octal text. */

export const WHO = ["owner", "group", "others"] as const;
export const WHAT = [
  { key: "r", name: "read" },
  { key: "w", name: "write" },
  { key: "x", name: "execute" },
] as const;

/** The bit for who (0 owner … 2 others) and what (0 read … 2 execute). */
export const bit = (who: number, what: number): number => 1 << ((2 - who) * 3 + (2 - what));

/** `0644`-style text of a mode. */
export const toOctal = (mode: number): string => "0" + mode.toString(8).padStart(3, "0");

/** The mode of octal text (`644`, `0644`, `0o644`), or null. */
export function parseOctal(text: string): number | null {
  const m = /^(?:0o?)?([0-7]{1,4})$/.exec(text.trim());
  return m ? parseInt(m[1] ?? "", 8) : null;
}

/** `rw-r--r--` of the permission bits. */
export function rwx(mode: number): string {
  let s = "";
  for (let who = 0; who < 3; who++) for (let what = 0; what < 3; what++) s += mode & bit(who, what) ? "rwx"[what] : "-";
  return s;
}

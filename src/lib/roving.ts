/**
 * Where arrow keys, Home and End move the focus in a tab list or a menu (one focusable item at a
 * time, WAI-ARIA "roving tabindex"): the item after `current` for `key`, wrapping around, or
 * undefined for any other key. Horizontal lists use Left/Right, vertical ones Up/Down.
 */
export function rovingTarget<T>(items: readonly T[], current: T, key: string, orientation: "horizontal" | "vertical"): T | undefined {
  const [back, forward] = orientation === "horizontal" ? ["ArrowLeft", "ArrowRight"] : ["ArrowUp", "ArrowDown"];
  const n = items.length;
  const i = items.indexOf(current);
  if (key === forward) return items[(i + 1) % n];
  if (key === back) return items[(i + n - 1) % n];
  if (key === "Home") return items[0];
  if (key === "End") return items[n - 1];
  return undefined;
}

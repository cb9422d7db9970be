// Vitest 5 targets Node >= 22 and calls Map.groupBy when it prints a failing test; Node 20 lacks
// it, so the failure details would be lost. Loaded with `node --import` by the test scripts.
if (typeof Map.groupBy !== "function") {
  Map.groupBy = function groupBy(items, keyOf) {
    const out = new Map();
    let i = 0;
    for (const item of items) {
      const key = keyOf(item, i++);
      const list = out.get(key);
      if (list) list.push(item);
      else out.set(key, [item]);
    }
    return out;
  };
}
if (typeof Object.groupBy !== "function") {
  Object.groupBy = function groupBy(items, keyOf) {
    const out = Object.create(null);
    let i = 0;
    for (const item of items) {
      const key = keyOf(item, i++);
      (out[key] ??= []).push(item);
    }
    return out;
  };
}

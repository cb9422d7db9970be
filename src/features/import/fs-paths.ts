/** The dialog's mount paths field: "data=/var/data, logs=/var/log" → { data: "/var/data", logs: "/var/log" }. */
export function parseFsPaths(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of text.split(/[,\s]+/)) {
    const eq = part.indexOf("=");
    if (eq > 0) out[part.slice(0, eq)] = part.slice(eq + 1);
  }
  return out;
}

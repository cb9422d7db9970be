/** Saves `text` as a file named `name` (UTF-8, bytes exactly as given). */
export function downloadText(name: string, text: string, type = "application/octet-stream"): void {
  save(name, new Blob([text], { type }));
}

/** Saves `bytes` as a file named `name`. */
export function downloadBytes(name: string, bytes: Uint8Array, type = "application/octet-stream"): void {
  save(name, new Blob([new Uint8Array(bytes)], { type }));
}

function save(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.rel = "noopener";
  document.body.append(a);
  a.click();
  a.remove();
  // Revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

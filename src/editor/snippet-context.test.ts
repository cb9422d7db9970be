import { describe, expect, it } from "vitest";
import { SNIPPET_LABELS } from "../transpiler/spec/snippets.ts";
import { snippetFits } from "./snippet-context.ts";

describe("snippetFits", () => {
  it("keeps a list-item snippet only on a fresh `- ` line", () => {
    expect(snippetFits(SNIPPET_LABELS.file, "    - ", "")).toBe(true);
    expect(snippetFits(SNIPPET_LABELS.user, "    -", "")).toBe(true);
    // Inside an entry that already has keys, or after other text on the line.
    expect(snippetFits(SNIPPET_LABELS.file, "      ", "")).toBe(false);
    expect(snippetFits(SNIPPET_LABELS.unit, "      na", "")).toBe(false);
    expect(snippetFits(SNIPPET_LABELS.unit, "    - name: x", "")).toBe(false);
    // A word typed to filter the list is replaced by the snippet.
    expect(snippetFits(SNIPPET_LABELS.unit, "    - sys", "")).toBe(true);
    expect(snippetFits(SNIPPET_LABELS.file, "    - ", "path: /a")).toBe(false);
  });

  it("keeps the disk snippet only on an empty line", () => {
    expect(snippetFits(SNIPPET_LABELS.disk, "  ", "")).toBe(true);
    expect(snippetFits(SNIPPET_LABELS.disk, "    - ", "")).toBe(false);
    expect(snippetFits(SNIPPET_LABELS.disk, "  disks: ", "")).toBe(false);
    expect(snippetFits(SNIPPET_LABELS.disk, "  dis", "")).toBe(true);
  });

  it("leaves every other completion alone", () => {
    expect(snippetFits("storage", "sto", "")).toBe(true);
    expect(snippetFits("contents", "      ", "")).toBe(true);
    expect(snippetFits("mode", "    - ", "x")).toBe(true);
  });
});

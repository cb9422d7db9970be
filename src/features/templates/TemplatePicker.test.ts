import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { filterTemplates, TemplateList, TemplatePicker } from "./TemplatePicker.tsx";
import { templates } from "./templates.ts";

describe("TemplatePicker", () => {
  it("lists every template with title and description as buttons", () => {
    const html = renderToStaticMarkup(createElement(TemplatePicker, { open: false, onPick: () => {}, onClose: () => {} }));
    expect(html).toContain("<dialog");
    expect(html).toContain("New from template");
    expect(html.match(/<button type="button" class="kt-item"/g)).toHaveLength(templates.length);
    for (const t of templates) expect(html).toContain(t.title);
  });

  it("filters by every word, case-insensitively", () => {
    expect(filterTemplates("").length).toBe(templates.length);
    expect(filterTemplates("SWAP").map((t) => t.id)).toEqual(["swap-partition", "swap-on-zram"]);
    expect(filterTemplates("swap zram").map((t) => t.id)).toEqual(["swap-on-zram"]);
    expect(filterTemplates("no such thing")).toEqual([]);
  });

  it("shows an empty state", () => {
    expect(renderToStaticMarkup(createElement(TemplateList, { onPick: () => {}, items: [] }))).toContain("No template matches.");
  });
});

import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { filterTemplates, TemplateList, TemplatePicker } from "./TemplatePicker.tsx";
import { templates } from "./templates.ts";

describe("TemplatePicker", () => {
  it("lists every template with title, variant and description as buttons", () => {
    const html = renderToStaticMarkup(createElement(TemplatePicker, { open: false, onNewDraft: () => {}, onClose: () => {} }));
    expect(html).toContain("<dialog");
    expect(html).toContain("Templates");
    expect(html.match(/<button type="button" class="kt-item"/g)).toHaveLength(templates.length);
    for (const t of templates) expect(html).toContain(t.title);
    expect(html).toContain("Pick a template to see it and the output it gives.");
  });

  it("filters by every word, case-insensitively, the variant included", () => {
    expect(filterTemplates("").length).toBe(templates.length);
    expect(filterTemplates("SWAP").map((t) => t.id)).toEqual(["swap-partition", "swap-on-zram"]);
    expect(filterTemplates("swap zram").map((t) => t.id)).toEqual(["swap-on-zram"]);
    expect(filterTemplates("quadlet flatcar").map((t) => t.id)).toEqual(["flatcar-quadlet"]);
    expect(filterTemplates("no such thing")).toEqual([]);
  });

  it("marks the selected template and shows an empty state", () => {
    const html = renderToStaticMarkup(createElement(TemplateList, { onSelect: () => {}, items: templates.slice(0, 2), selected: templates[1]?.id ?? null }));
    expect(html.match(/aria-current="true"/g)).toHaveLength(1);
    expect(renderToStaticMarkup(createElement(TemplateList, { onSelect: () => {}, items: [] }))).toContain("No template matches.");
  });
});

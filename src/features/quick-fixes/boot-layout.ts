/** `boot_device.layout should be specified when boot_device.mirror is specified`: set the layout. */
import { setEdit } from "../../lib/yaml-edit/yaml-edit.ts";
import { fieldAt } from "../forms/model/spec-walk.ts";
import type { FixProvider, QuickFix } from "./types.ts";

export const bootLayout: FixProvider = {
  id: "boot-layout",
  diagnostic: "boot-mirror-without-layout",
  fixes({ source, spec }) {
    const type = spec ? fieldAt(spec, ["boot_device", "layout"])?.type : undefined;
    const layouts = type?.kind === "string" && type.enum ? type.enum : ["x86_64"];
    // Mirroring is not supported on the s390x layouts; x86_64 is what Butane assumes when unset.
    return layouts
      .filter((l) => !l.startsWith("s390x"))
      .sort((a, b) => (a === "x86_64" ? -1 : b === "x86_64" ? 1 : 0))
      .flatMap((layout): QuickFix[] => {
        const edit = setEdit(source, ["boot_device", "layout"], layout);
        const title = `Set boot_device.layout: ${layout}${layout === "x86_64" ? " (the default)" : ""}`;
        return edit ? [{ kind: "edit", title, edits: [edit], preferred: layout === "x86_64" }] : [];
      });
  },
};

/** `mode: 644` → `mode: 0644`: the octal mode the user meant (upstream's decimal-mode warning). */
import { setEdit } from "../../lib/yaml-edit/yaml-edit.ts";
import { octalText } from "../../transpiler/util/file-mode.ts";
import { decimalAsOctal } from "../../transpiler/validate/mode.ts";
import type { FixProvider } from "./types.ts";
import { valueAt } from "./yaml-read.ts";

export const octalMode: FixProvider = {
  id: "octal-mode",
  diagnostic: "mode-decimal",
  fixes({ source, target }) {
    const mode = valueAt(source, target.path);
    if (typeof mode !== "number" || !Number.isInteger(mode)) return [];
    const octal = decimalAsOctal(mode);
    if (octal === undefined) return [];
    const edit = setEdit(source, target.path, octal);
    if (!edit) return [];
    return [{ kind: "edit", title: `Write the mode in octal: ${octalText(octal)}`, edits: [edit], preferred: true }];
  },
};

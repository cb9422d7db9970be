/**
 * OpenShift configs need `metadata.name` and the `machineconfiguration.openshift.io/role` label
 * (upstream's "metadata.name is required", "… role label is required"): adds what is missing.
 */
import { insertAfterEdit, setEdit } from "../../lib/yaml-edit/yaml-edit.ts";
import type { FixProvider, QuickFix, TextEdit } from "./types.ts";
import { valueAt } from "./yaml-read.ts";

export const ROLE_LABEL = "machineconfiguration.openshift.io/role";
const ROLES = ["worker", "master"] as const;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

export const openshiftMetadata: FixProvider = {
  id: "openshift-metadata",
  diagnostic: "openshift-metadata-missing",
  fixes({ source, target }) {
    const metadata = valueAt(source, ["metadata"]);
    const labels = isObject(metadata) && isObject(metadata.labels) ? metadata.labels : undefined;
    const role = typeof labels?.[ROLE_LABEL] === "string" && labels[ROLE_LABEL] !== "" ? String(labels[ROLE_LABEL]) : undefined;
    const forName = target.message.startsWith("metadata.name");
    const out: QuickFix[] = [];
    for (const r of role ? [role] : ROLES) {
      const name = `99-${r}-custom`;
      const [title, edit]: [string, TextEdit | null] = !isObject(metadata)
        ? [`Add metadata (name ${name}, role ${r})`, insertAfterEdit(source, [], "version", "metadata", { name, labels: { [ROLE_LABEL]: r } })]
        : forName
          ? [`Name the MachineConfig ${name}`, setEdit(source, ["metadata", "name"], name)]
          : role
            ? ["", null]
            : [`Add the role label: ${r}`, setEdit(source, ["metadata", "labels", ROLE_LABEL], r)];
      if (edit) out.push({ kind: "edit", title, edits: [edit], preferred: out.length === 0 });
    }
    return out;
  },
};

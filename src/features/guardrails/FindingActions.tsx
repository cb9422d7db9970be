/**
 * Buttons under a Kindling finding in Problems: move the config to the newest spec version the
 * target reads (`target-spec-too-new`), open the pointer-config remedy (`size-over-limit`).
 */
import type { Finding } from "../../transpiler/index.ts";
import { setVariantVersion } from "../../lib/header-lines.ts";
import { setSource, useStudioStore } from "../../store/store.ts";
import { openPointerDialog } from "./dialog-state.ts";

export function FindingActions({ finding }: { finding: Finding }) {
  const d = finding.data ?? {};
  if (finding.code === "target-spec-too-new" && typeof d.newestVersion === "string" && typeof d.variant === "string") {
    const blocked = d.moveOk === false;
    const blockers = Array.isArray(d.blockers) ? (d.blockers as readonly string[]) : [];
    const variant = d.variant;
    const version = d.newestVersion;
    return (
      <div className="k-finding-actions">
        <button
          type="button"
          className="k-btn"
          title={blocked ? `These would need changes at ${version}:\n${blockers.join("\n")}` : `The config transpiles the same at ${variant} ${version}`}
          onClick={() => setSource(setVariantVersion(useStudioStore.getState().source, variant, version))}
        >
          {blocked ? `Use ${variant} ${version} anyway` : `Use ${variant} ${version}`}
        </button>
      </div>
    );
  }
  if (finding.code === "size-over-limit") {
    return (
      <div className="k-finding-actions">
        <button type="button" className="k-btn" onClick={openPointerDialog}>
          Pointer config…
        </button>
      </div>
    );
  }
  return null;
}

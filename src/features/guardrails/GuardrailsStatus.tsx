/**
 * The status line's guardrails: the target picker (which machine must read this config) and the
 * user-data size meter with its platform picker, red over the platform's limit.
 */
import { memo, useMemo } from "react";
import { TARGETS, type TargetRow } from "../../transpiler/lint/targets.ts";
import { PLATFORMS } from "../../transpiler/lint/platforms.ts";
import { useStudioStore } from "../../store/store.ts";
import { choosePlatform, chooseTarget } from "./prefs.ts";
import { openPointerDialog } from "./dialog-state.ts";
import "./guardrails.css";

const groups = [...new Set(TARGETS.map((t) => t.group))];
const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;

function TargetPicker() {
  const target = useStudioStore((s) => s.target);
  const byGroup = useMemo(() => groups.map((g) => [g, TARGETS.filter((t) => t.group === g)] as [string, TargetRow[]]), []);
  return (
    <label className="k-status-pick">
      <span>Target</span>
      <select aria-label="Target machine" value={target ?? ""} onChange={(e) => chooseTarget(e.target.value || null)} data-testid="target-picker">
        <option value="">any (no check)</option>
        {byGroup.map(([g, rows]) => (
          <optgroup key={g} label={g}>
            {rows.map((t) => (
              <option key={t.id} value={t.id} title={`Reads Ignition specs up to ${t.maxSpec} (checked ${t.checked})`}>
                {t.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </label>
  );
}

function SizeMeter() {
  const platform = useStudioStore((s) => s.platform);
  const size = useStudioStore((s) => s.result?.userDataSize ?? null);
  const row = PLATFORMS.find((p) => p.id === platform);
  const over = size?.over === true;
  const limit = size?.limit ?? null;
  const fill = size && limit ? Math.min(1, size.bytes / limit) : 0;
  const text = size
    ? `${limit !== null ? `${(size.bytes / 1024).toFixed(1)} / ${kib(limit)}` : kib(size.bytes)}${size.encoding !== "raw" ? ` ${size.encoding}` : ""}`
    : "";
  return (
    <span className={`k-size-meter${over ? " is-over" : ""}`} data-testid="size-meter" data-over={over ? "true" : "false"}>
      <label className="k-status-pick">
        <span>User data</span>
        <select aria-label="User data platform" value={platform ?? ""} onChange={(e) => choosePlatform(e.target.value || null)} data-testid="platform-picker">
          <option value="">no platform</option>
          {PLATFORMS.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        </select>
      </label>
      {size && row && (
        <>
          {limit !== null && (
            <span
              className="k-size-bar"
              role="meter"
              aria-label={`User data size for ${row.label}`}
              aria-valuemin={0}
              aria-valuemax={limit}
              aria-valuenow={size.bytes}
              aria-valuetext={text}
            >
              <span className="k-size-bar-fill" style={{ width: `${Math.round(fill * 100)}%` }} />
            </span>
          )}
          {over ? (
            <button type="button" className="k-size-text k-status-link" title={`Over ${row.label}'s limit: use a pointer config`} onClick={openPointerDialog}>
              {text}
            </button>
          ) : (
            <span className="k-size-text" title={row.note}>
              {text}
              {limit === null && " (no limit known)"}
            </span>
          )}
        </>
      )}
    </span>
  );
}

/** Memoised: the status line re-renders at every keystroke; these read the store themselves. */
export const GuardrailsStatus = memo(function GuardrailsStatus() {
  return (
    <>
      <TargetPicker />
      <SizeMeter />
    </>
  );
});

/** Zincati's update strategy, written as a TOML drop-in file in storage.files. */
import { useId } from "react";
import { ErrorList, TextInput } from "../fields.tsx";
import { useForms } from "../forms-context.ts";
import { appendIn, getIn, recordsAt, setIn } from "../model/config.ts";
import {
  DAYS,
  defaultUpdates,
  parseZincatiToml,
  windowProblems,
  ZINCATI_PATH,
  zincatiToml,
  type UpdatesSettings,
  type UpdateWindow,
} from "../model/zincati.ts";

function useUpdates() {
  const { config, change } = useForms();
  const files = recordsAt(config, ["storage", "files"]);
  const index = files.findIndex((f) => f.path === ZINCATI_PATH);
  const inline = index >= 0 ? getIn(files[index], ["contents", "inline"]) : undefined;
  const settings = index < 0 ? defaultUpdates : typeof inline === "string" ? parseZincatiToml(inline) : null;
  const write = (s: UpdatesSettings) =>
    change((cfg) => {
      const i = recordsAt(cfg, ["storage", "files"]).findIndex((f) => f.path === ZINCATI_PATH);
      if (i >= 0) return setIn(cfg, ["storage", "files", i, "contents", "inline"], zincatiToml(s));
      return appendIn(cfg, ["storage", "files"], { path: ZINCATI_PATH, mode: 0o644, contents: { inline: zincatiToml(s) } });
    });
  const remove = () => change((cfg) => (index >= 0 ? setIn(cfg, ["storage", "files", index], undefined) : cfg));
  return { index, settings, write, remove };
}

function Window({ w, i, onChange, onRemove }: { w: UpdateWindow; i: number; onChange: (w: UpdateWindow) => void; onRemove: () => void }) {
  const id = useId();
  const problems = windowProblems(w);
  return (
    <fieldset className="ff-fieldset ff-window">
      <legend className="ff-label">Window {i + 1}</legend>
      <div className="ff-days" role="group" aria-label={`Window ${i + 1} days`}>
        {DAYS.map((d) => (
          <label key={d} className="ff-check">
            <input
              type="checkbox"
              checked={w.days.includes(d)}
              onChange={(e) => onChange({ ...w, days: e.target.checked ? DAYS.filter((x) => x === d || w.days.includes(x)) : w.days.filter((x) => x !== d) })}
            />
            {d}
          </label>
        ))}
      </div>
      <div className="ff-pair">
        <label className="ff-label" htmlFor={`${id}-start`}>
          Start (UTC)
        </label>
        <TextInput id={`${id}-start`} value={w.start_time} mono placeholder="22:30" onCommit={(v) => onChange({ ...w, start_time: v.trim() })} />
        <label className="ff-label" htmlFor={`${id}-len`}>
          Length (minutes)
        </label>
        <TextInput id={`${id}-len`} value={String(w.length_minutes)} mono onCommit={(v) => onChange({ ...w, length_minutes: Number(v.trim()) })} />
      </div>
      <ErrorList messages={problems} />
      <div className="ff-card-actions">
        <button type="button" className="k-btn k-btn-small k-btn-danger" onClick={onRemove}>
          Remove window {i + 1}
        </button>
      </div>
    </fieldset>
  );
}

export function UpdatesSection() {
  const { index, settings, write, remove } = useUpdates();
  const id = useId();
  if (!settings) {
    return (
      <div className="ff-note is-warning">
        <p>
          <code>{ZINCATI_PATH}</code> has contents this form cannot show (not inline, or TOML beyond the update strategy). Edit it in the YAML, or replace it
          with the form's settings.
        </p>
        <button type="button" className="k-btn k-btn-small" onClick={() => write(defaultUpdates)}>
          Replace with default settings
        </button>
      </div>
    );
  }
  const s = settings;
  const windows = s.windows;
  return (
    <>
      <p className="ff-note">
        Zincati updates Fedora CoreOS automatically and reboots into the new version. This writes its settings as a TOML drop-in, <code>{ZINCATI_PATH}</code>.
      </p>
      <label className="ff-check">
        <input type="checkbox" checked={s.enabled} onChange={(e) => write({ ...s, enabled: e.target.checked })} />
        Automatic updates
      </label>
      <fieldset className="ff-fieldset" disabled={!s.enabled}>
        <legend className="ff-label">When to reboot for an update</legend>
        <div className="ff-radios" role="radiogroup" aria-label="Update strategy">
          {(
            [
              ["immediate", "Immediately", "Reboot as soon as an update is downloaded (the default)."],
              ["periodic", "In maintenance windows", "Reboot only inside the weekly windows below."],
              ["fleet_lock", "Coordinated (fleet_lock)", "Ask a lock server first, so only a few machines reboot at once."],
            ] as const
          ).map(([k, label, doc]) => (
            <label key={k} className="ff-radio" title={doc}>
              <input
                type="radio"
                name={`${id}-strategy`}
                checked={s.strategy === k}
                onChange={() =>
                  write({
                    ...s,
                    strategy: k,
                    windows: k === "periodic" && windows.length === 0 ? [{ days: ["Sat", "Sun"], start_time: "22:30", length_minutes: 60 }] : windows,
                  })
                }
              />
              {label}
            </label>
          ))}
        </div>
        {s.strategy === "periodic" && (
          <>
            {windows.map((w, i) => (
              <Window
                key={i}
                w={w}
                i={i}
                onChange={(nw) => write({ ...s, windows: windows.map((x, j) => (j === i ? nw : x)) })}
                onRemove={() => write({ ...s, windows: windows.filter((_, j) => j !== i) })}
              />
            ))}
            <button
              type="button"
              className="k-btn k-btn-small"
              onClick={() => write({ ...s, windows: [...windows, { days: ["Sat", "Sun"], start_time: "22:30", length_minutes: 60 }] })}
            >
              Add maintenance window
            </button>
          </>
        )}
        {s.strategy === "fleet_lock" && (
          <div className="ff-pair">
            <label className="ff-label" htmlFor={`${id}-url`}>
              Lock server URL (<code>base_url</code>)
            </label>
            <TextInput
              id={`${id}-url`}
              value={s.base_url}
              mono
              placeholder="http://fleet-lock.example.com:8080/"
              onCommit={(v) => write({ ...s, base_url: v.trim() })}
            />
            {s.base_url === "" && <p className="ff-problem is-error">fleet_lock needs the lock server's URL.</p>}
          </div>
        )}
      </fieldset>
      {index >= 0 && (
        <button type="button" className="k-btn k-btn-small k-btn-quiet" onClick={remove}>
          Remove the drop-in (back to Zincati's defaults)
        </button>
      )}
    </>
  );
}

/**
 * Flatcar updates: the channel, update server, reboot strategy and reboot window, written to
 * /etc/flatcar/update.conf as a storage file (see model/flatcar-update.ts for the sources).
 */
import { useId } from "react";
import { ErrorList, TextInput } from "../fields.tsx";
import { useForms } from "../forms-context.ts";
import { appendIn, getIn, recordsAt, setIn } from "../model/config.ts";
import {
  CHANNELS,
  emptyUpdate,
  parseUpdateConf,
  STRATEGIES,
  UPDATE_CONF_PATH,
  WINDOW_DAYS,
  windowProblems,
  writeUpdateConf,
  type FlatcarUpdate,
} from "../model/flatcar-update.ts";

function useUpdateConf() {
  const { config, change } = useForms();
  const files = recordsAt(config, ["storage", "files"]);
  const index = files.findIndex((f) => f.path === UPDATE_CONF_PATH);
  const inline = index >= 0 ? getIn(files[index], ["contents", "inline"]) : undefined;
  // A file with other contents (source, local) or none: the form does not overwrite it.
  const readable = index < 0 || typeof inline === "string";
  const text = typeof inline === "string" ? inline : "";
  const write = (s: FlatcarUpdate) =>
    change((cfg) => {
      const i = recordsAt(cfg, ["storage", "files"]).findIndex((f) => f.path === UPDATE_CONF_PATH);
      const current = i >= 0 ? getIn(cfg, ["storage", "files", i, "contents", "inline"]) : undefined;
      const next = writeUpdateConf(typeof current === "string" ? current : "", s);
      if (i >= 0) return setIn(cfg, ["storage", "files", i, "contents", "inline"], next);
      // The image may already have the file: Flatcar's docs write it with overwrite: true.
      return appendIn(cfg, ["storage", "files"], { path: UPDATE_CONF_PATH, overwrite: true, mode: 0o644, contents: { inline: next } });
    });
  const remove = () => change((cfg) => (index >= 0 ? setIn(cfg, ["storage", "files", index], undefined) : cfg));
  return { index, readable, settings: readable ? parseUpdateConf(text) : emptyUpdate, write, remove };
}

/** A choice among known values, "not set" and a free "other" value. */
function Choice(props: {
  label: string;
  values: readonly string[];
  value: string;
  unsetLabel: string;
  otherLabel?: string;
  otherPlaceholder?: string;
  onChange: (v: string) => void;
}) {
  const { label, values, value, unsetLabel, otherLabel, otherPlaceholder, onChange } = props;
  const name = useId();
  const other = value !== "" && !values.includes(value);
  return (
    <fieldset className="ff-fieldset">
      <legend className="ff-label">{label}</legend>
      <div className="ff-radios" role="radiogroup" aria-label={label}>
        <label className="ff-radio">
          <input type="radio" name={name} checked={value === ""} onChange={() => onChange("")} />
          {unsetLabel}
        </label>
        {values.map((v) => (
          <label key={v} className="ff-radio">
            <input type="radio" name={name} checked={value === v} onChange={() => onChange(v)} />
            {v}
          </label>
        ))}
        {otherLabel !== undefined && (
          <>
            <span className="ff-radio">{otherLabel}</span>
            <TextInput value={other ? value : ""} label={`${label}: ${otherLabel}`} mono placeholder={otherPlaceholder} onCommit={(v) => onChange(v.trim())} />
          </>
        )}
      </div>
    </fieldset>
  );
}

export function FlatcarUpdatesSection() {
  const { index, readable, settings: s, write, remove } = useUpdateConf();
  const id = useId();
  if (!readable) {
    return (
      <p className="ff-note is-warning">
        <code>{UPDATE_CONF_PATH}</code> gets its contents from somewhere other than <code>inline</code>; edit it in the YAML.
      </p>
    );
  }
  const dayAndTime = /^(?:(\w+)\s+)?(.*)$/.exec(s.windowStart.trim());
  const day = dayAndTime?.[1] ?? "";
  const time = dayAndTime?.[2] ?? "";
  const setWindow = (d: string, t: string) => write({ ...s, windowStart: t === "" ? "" : d === "" ? t : `${d} ${t}` });
  const problems = windowProblems(s);
  const disabled = s.server === "disabled";
  return (
    <>
      <p className="ff-note">
        update_engine downloads Flatcar updates into the passive partition and locksmithd reboots into them. Both read <code>{UPDATE_CONF_PATH}</code>, written
        here as a storage file; its other lines are kept.
      </p>
      <label className="ff-check">
        <input type="checkbox" checked={!disabled} onChange={(e) => write({ ...s, server: e.target.checked ? "" : "disabled" })} />
        <span>
          Automatic updates (off writes <code>SERVER=disabled</code>, Flatcar's way to stop downloads without masking services)
        </span>
      </label>
      <Choice
        label="Channel (GROUP)"
        values={CHANNELS}
        value={s.group}
        unsetLabel="the image's channel"
        otherLabel="other group"
        otherPlaceholder="lts-2024"
        onChange={(group) => write({ ...s, group })}
      />
      {!disabled && (
        <div className="ff-grid">
          <label className="ff-label" htmlFor={`${id}-server`}>
            Update server (<code>SERVER</code>)
          </label>
          <TextInput
            id={`${id}-server`}
            value={s.server}
            mono
            placeholder="https://public.update.flatcar-linux.net/v1/update/"
            onCommit={(server) => write({ ...s, server: server.trim() })}
          />
          <p className="ff-doc ff-grid-wide">Empty: Flatcar's public server. Set it to your own Nebraska server's /v1/update/ URL.</p>
        </div>
      )}
      <Choice
        label="Reboot strategy (REBOOT_STRATEGY)"
        values={STRATEGIES}
        value={s.strategy}
        unsetLabel="default (reboot)"
        onChange={(strategy) => write({ ...s, strategy })}
      />
      <p className="ff-doc">
        reboot: right after an update is applied (5 minutes' notice). etcd-lock: first take a lock in etcd, so only a few machines reboot at once. off: never
        reboot for updates.
      </p>
      <fieldset className="ff-fieldset" disabled={s.strategy === "off"}>
        <legend className="ff-label">Reboot window (locksmithd)</legend>
        <div className="ff-grid">
          <label className="ff-label" htmlFor={`${id}-day`}>
            Day
          </label>
          <select id={`${id}-day`} className="ff-select" value={day} onChange={(e) => setWindow(e.target.value, time || "04:00")}>
            <option value="">every day</option>
            {WINDOW_DAYS.map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
            {day !== "" && !(WINDOW_DAYS as readonly string[]).includes(day) && <option value={day}>{day}</option>}
          </select>
          <label className="ff-label" htmlFor={`${id}-start`}>
            Start (machine time, UTC unless set)
          </label>
          <TextInput id={`${id}-start`} value={time} mono placeholder="04:00" onCommit={(v) => setWindow(day, v.trim())} />
          <label className="ff-label" htmlFor={`${id}-len`}>
            Length
          </label>
          <TextInput id={`${id}-len`} value={s.windowLength} mono placeholder="1h" onCommit={(v) => write({ ...s, windowLength: v.trim() })} />
        </div>
        <p className="ff-doc">
          Writes <code>LOCKSMITHD_REBOOT_WINDOW_START</code> and <code>_LENGTH</code>; empty start and length: reboot whenever the strategy allows.
        </p>
        <ErrorList messages={problems} />
      </fieldset>
      {index >= 0 && (
        <button type="button" className="k-btn k-btn-small k-btn-quiet" onClick={remove}>
          Remove {UPDATE_CONF_PATH} (back to the image's settings)
        </button>
      )}
    </>
  );
}

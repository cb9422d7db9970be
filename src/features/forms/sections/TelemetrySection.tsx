/** Telemetry: Fedora's countme (an anonymous weekly count of running machines), off by masking its timer. */
import { useForms } from "../forms-context.ts";
import { recordsAt, setIn, appendIn } from "../model/config.ts";

export const COUNTME_TIMER = "rpm-ostree-countme.timer";

export function TelemetrySection() {
  const { config, change } = useForms();
  const units = recordsAt(config, ["systemd", "units"]);
  const index = units.findIndex((u) => u.name === COUNTME_TIMER);
  const off = index >= 0 && units[index]?.mask === true;
  return (
    <>
      <label className="ff-check">
        <input
          type="checkbox"
          checked={off}
          onChange={(e) =>
            change((cfg) => {
              const i = recordsAt(cfg, ["systemd", "units"]).findIndex((u) => u.name === COUNTME_TIMER);
              if (e.target.checked) {
                const unit = { name: COUNTME_TIMER, enabled: false, mask: true };
                return i >= 0
                  ? setIn(cfg, ["systemd", "units", i], { ...recordsAt(cfg, ["systemd", "units"])[i], enabled: false, mask: true })
                  : appendIn(cfg, ["systemd", "units"], unit);
              }
              return i >= 0 ? setIn(cfg, ["systemd", "units", i], undefined) : cfg;
            })
          }
        />
        Disable the countme timer (<code>{COUNTME_TIMER}</code> masked)
      </label>
      <p className="ff-doc">
        Once a week Fedora CoreOS tells Fedora's mirror servers that one more machine is running, with no identifier; masking the timer stops it.
      </p>
    </>
  );
}

import type { JSX } from "react";
import type { KernelView, MachineConfigView } from "./derive-kernel.ts";

/** Kernel arguments the machine boots with (added / removed), from Ignition or the MachineConfig. */
export function KernelPreview({ view, empty }: { view: KernelView; empty: string }): JSX.Element {
  const mcArgs = view.machineConfig?.kernelArguments ?? [];
  if (view.shouldExist.length + view.shouldNotExist.length + mcArgs.length === 0) {
    return (
      <p className="kp-empty" data-testid="preview-kargs-empty">
        No kernel arguments changed: the machine boots with its default command line. {empty}
      </p>
    );
  }
  return (
    <div className="kp-scroll" data-testid="preview-kargs">
      <table className="kp-table">
        <caption className="kp-sr">Kernel arguments</caption>
        <thead>
          <tr>
            <th scope="col">Argument</th>
            <th scope="col">Change</th>
          </tr>
        </thead>
        <tbody>
          {view.shouldExist.map((a, i) => (
            <Row key={`e${i}`} arg={a} change="added if missing" tone="accent" />
          ))}
          {mcArgs.map((a, i) => (
            <Row key={`m${i}`} arg={a} change="added by the MachineConfig" tone="accent" />
          ))}
          {view.shouldNotExist.map((a, i) => (
            <Row key={`n${i}`} arg={a} change="removed if present" tone="warning" />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Row({ arg, change, tone }: { arg: string; change: string; tone: "accent" | "warning" }): JSX.Element {
  return (
    <tr>
      <td className="kp-mono kp-long">{arg}</td>
      <td className="kp-nowrap">
        <span className="kp-badge" data-tone={tone}>
          {change}
        </span>
      </td>
    </tr>
  );
}

/** The MachineConfig's name, pool role and node settings (kernel type, FIPS, extensions). */
export function MachineConfigPreview({ mc }: { mc: MachineConfigView }): JSX.Element {
  return (
    <dl className="kp-fields" data-testid="preview-machineconfig">
      <div>
        <dt>Name</dt>
        <dd className="kp-mono">{mc.name ?? <span className="kp-warn">missing (metadata.name)</span>}</dd>
      </div>
      <div>
        <dt>Pool (role)</dt>
        <dd className="kp-mono">{mc.role ?? <span className="kp-warn">missing role label: no pool will take it</span>}</dd>
      </div>
      {mc.labels.length > 0 ? (
        <div>
          <dt>Other labels</dt>
          <dd className="kp-mono">{mc.labels.join(", ")}</dd>
        </div>
      ) : null}
      <div>
        <dt>Kernel</dt>
        <dd>
          {mc.kernelType === null || mc.kernelType === "default" ? <span className="kp-dim">default</span> : <span className="kp-mono">{mc.kernelType}</span>}
        </dd>
      </div>
      <div>
        <dt>FIPS</dt>
        <dd>{mc.fips ? "enabled (only at install time)" : <span className="kp-dim">off</span>}</dd>
      </div>
      <div>
        <dt>Extensions</dt>
        <dd className="kp-mono">{mc.extensions.length > 0 ? mc.extensions.join(", ") : <span className="kp-dim">none</span>}</dd>
      </div>
    </dl>
  );
}

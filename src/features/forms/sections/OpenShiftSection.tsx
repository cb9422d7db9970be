/**
 * OpenShift: the MachineConfig's name and pool role, and the node settings under `openshift:`
 * (FIPS, kernel type, RHCOS extensions, kernel arguments). Sources: Butane's openshift spec
 * docs (config-openshift-v4_*.md) and openshift/machine-config-operator (see model/openshift.ts).
 */
import { useId } from "react";
import { useStudioStore } from "../../../store/store.ts";
import { BoolField, Row, SelectField, StringListField, TextField, TextInput, useValue } from "../fields.tsx";
import { useForms } from "../forms-context.ts";
import { extensionsFor, openshiftRelease, ROLE_LABEL, ROLES } from "../model/openshift.ts";
import { fieldAt } from "../model/spec-walk.ts";

const ROLE_PATH = ["metadata", "labels", ROLE_LABEL] as const;
const EXT_PATH = ["openshift", "extensions"] as const;

function RoleField() {
  const { set } = useForms();
  const value = useValue(ROLE_PATH);
  const role = typeof value === "string" ? value : "";
  const custom = role !== "" && !(ROLES as readonly string[]).includes(role);
  const name = useId();
  return (
    <Row label="Pool (role label)" path={ROLE_PATH} doc={`The MachineConfigPool whose nodes get this config (required): the label ${ROLE_LABEL}.`}>
      {({ id, describedBy, invalid }) => (
        <div className="ff-radios" role="radiogroup" aria-label="Pool (role label)" aria-describedby={describedBy} aria-invalid={invalid || undefined}>
          {ROLES.map((r) => (
            <label key={r} className="ff-radio">
              <input type="radio" name={name} checked={role === r} onChange={() => set(ROLE_PATH, r)} />
              {r}
            </label>
          ))}
          <label className="ff-radio">
            <input type="radio" name={name} checked={custom} onChange={() => set(ROLE_PATH, role !== "" && custom ? role : "infra")} />
            custom pool:
          </label>
          <TextInput
            id={id}
            value={custom ? role : ""}
            label="Custom pool name"
            mono
            placeholder="infra"
            onCommit={(v) => set(ROLE_PATH, v.trim() === "" ? undefined : v.trim())}
          />
        </div>
      )}
    </Row>
  );
}

function ExtensionsField() {
  const { set, vs } = useForms();
  const raw = useValue(EXT_PATH);
  const chosen = Array.isArray(raw) ? raw.filter((x): x is string => typeof x === "string") : [];
  const known = extensionsFor(openshiftRelease(vs));
  const unknown = chosen.filter((c) => !known.some((k) => k.name === c));
  const toggle = (name: string, on: boolean) => {
    // Keep the user's order; new ones go at the end.
    const next = on ? [...chosen, name] : chosen.filter((c) => c !== name);
    set(EXT_PATH, next.length > 0 ? next : undefined);
  };
  return (
    <fieldset className="ff-fieldset">
      <legend className="ff-label">
        <code>extensions</code>
      </legend>
      <p className="ff-doc">
        RHCOS extensions the Machine Config Operator of OpenShift 4.{openshiftRelease(vs)} installs on the pool's nodes; it refuses any other name.
      </p>
      <div className="ff-extensions">
        {known.map((e) => (
          <label key={e.name} className="ff-check" title={e.doc}>
            <input type="checkbox" checked={chosen.includes(e.name)} onChange={(ev) => toggle(e.name, ev.target.checked)} />
            <code>{e.name}</code>
            <span className="ff-doc-inline">{e.doc}</span>
          </label>
        ))}
      </div>
      {unknown.length > 0 && (
        <ul className="ff-problems">
          {unknown.map((u) => (
            <li key={u} className="ff-problem is-warning">
              <code>{u}</code> is not an extension OpenShift 4.{openshiftRelease(vs)} accepts (the node would be marked degraded).{" "}
              <button type="button" className="k-btn k-btn-small k-btn-quiet" onClick={() => toggle(u, false)}>
                Remove {u}
              </button>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}

export function OpenShiftSection() {
  const { vs } = useForms();
  const raw = useStudioStore((s) => s.raw);
  const kernelType = fieldAt(vs, ["openshift", "kernel_type"]);
  const types = kernelType?.type.kind === "string" ? (kernelType.type.enum ?? []) : [];
  return (
    <>
      <p className="ff-note">
        This config becomes a MachineConfig for an OpenShift 4.{openshiftRelease(vs)} cluster (<code>oc apply -f</code>).
        {raw && <strong> Raw is on: the output is plain Ignition, which leaves metadata and these settings out.</strong>}
      </p>
      <TextField
        path={["metadata", "name"]}
        label={<code>metadata.name</code>}
        doc={`${fieldAt(vs, ["metadata", "name"])?.doc ?? ""} Conventionally 99-<role>-<purpose>; MachineConfigs of a pool are merged in name order.`}
        mono
        placeholder="99-worker-custom"
      />
      <RoleField />
      <BoolField
        path={["openshift", "fips"]}
        label={<code>fips</code>}
        doc="FIPS 140 mode. Only takes effect when the cluster is installed with it; a running node cannot switch."
      />
      <SelectField
        path={["openshift", "kernel_type"]}
        label={<code>kernel_type</code>}
        doc="default or realtime (the RT kernel: lower worst-case latency, less throughput). Butane accepts only these two; the MCO's 64k-pages (aarch64) cannot be written through Butane."
        options={types}
      />
      <ExtensionsField />
      <StringListField
        path={["openshift", "kernel_arguments"]}
        label={<code>kernel_arguments</code>}
        doc={fieldAt(vs, ["openshift", "kernel_arguments"])?.doc}
        itemLabel="argument"
        placeholder="nosmt"
        mono
      />
    </>
  );
}

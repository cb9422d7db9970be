/** Kernel arguments: the ones that must exist and the ones that must not (openshift: its own list). */
import { StringListField } from "../fields.tsx";
import { useForms } from "../forms-context.ts";
import { fieldAt } from "../model/spec-walk.ts";

export function KernelArgsSection() {
  const { caps, vs } = useForms();
  if (caps.kargs === "openshift") {
    return (
      <StringListField
        path={["openshift", "kernel_arguments"]}
        label={<code>openshift.kernel_arguments</code>}
        doc={fieldAt(vs, ["openshift", "kernel_arguments"])?.doc}
        itemLabel="argument"
        placeholder="mitigations=auto,nosmt"
        mono
      />
    );
  }
  return (
    <>
      <StringListField
        path={["kernel_arguments", "should_exist"]}
        label={<code>should_exist</code>}
        doc={fieldAt(vs, ["kernel_arguments", "should_exist"])?.doc}
        itemLabel="argument"
        placeholder="mitigations=auto,nosmt"
        mono
      />
      <StringListField
        path={["kernel_arguments", "should_not_exist"]}
        label={<code>should_not_exist</code>}
        doc={fieldAt(vs, ["kernel_arguments", "should_not_exist"])?.doc}
        itemLabel="argument"
        placeholder="mitigations=off"
        mono
      />
    </>
  );
}

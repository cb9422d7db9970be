/** Mounts the guardrail dialogs when asked for (the dialog code loads on first use). */
import { lazy, Suspense } from "react";
import { usePointerDialog } from "./dialog-state.ts";

const PointerDialog = lazy(() => import("./PointerDialog.tsx"));

export function GuardrailsDialogs() {
  const open = usePointerDialog((s) => s.open);
  return open ? (
    <Suspense fallback={null}>
      <PointerDialog />
    </Suspense>
  ) : null;
}

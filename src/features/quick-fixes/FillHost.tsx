/** Mounts the fill-in dialog when a fill fix runs (the dialog and the fixes load then). */
import { lazy, Suspense } from "react";
import { useFixUi } from "./fix-ui.ts";

const FillDialog = lazy(() => import("./FillDialog.tsx"));

export function FillHost() {
  const fix = useFixUi((s) => s.fill);
  return fix ? (
    <Suspense fallback={null}>
      <FillDialog fix={fix} />
    </Suspense>
  ) : null;
}

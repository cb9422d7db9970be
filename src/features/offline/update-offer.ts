/**
 * The offer of a new version of the studio (a new service worker is waiting, see
 * src/app/service-worker.ts): a notice with a Reload button. Nothing happens until the user
 * chooses it, and then only once a reload is known to show the draft again; when the draft
 * cannot be stored, the studio does not reload and says why.
 */
import { notify } from "../../store/store.ts";

export const UPDATE_NOTICE = "update";

export interface UpdateDeps {
  /** Whether a reload will show the text on screen again (it is saved first when needed). */
  keepsDraft(): Promise<boolean>;
  /** Lets the new version take over this tab; resolves once it does (or gives up). */
  activate(): Promise<void>;
  reload(): void;
  /** Downloads the text on screen (when it cannot be stored). */
  download(): void;
}

export function offerUpdate(deps: UpdateDeps): void {
  let busy = false;
  const refuse = () =>
    notify({
      id: UPDATE_NOTICE,
      kind: "warning",
      text:
        "Kindling did not reload: your draft could not be stored in this browser, and reloading would lose it. " +
        "Download it (or make room, see the storage notice), then choose Reload again.",
      actions: [
        { label: "Download", run: deps.download },
        { label: "Reload", run: () => void accept() },
      ],
    });
  const accept = async () => {
    if (busy) return;
    busy = true;
    try {
      if (!(await deps.keepsDraft())) return refuse();
      await deps.activate();
      // The text may have changed while the new version took over.
      if (!(await deps.keepsDraft())) return refuse();
      deps.reload();
    } finally {
      busy = false;
    }
  };
  notify({
    id: UPDATE_NOTICE,
    kind: "info",
    text: "A new version of Kindling is ready. Reloading keeps your draft.",
    actions: [{ label: "Reload", run: () => void accept() }],
  });
}

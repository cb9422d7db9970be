/** Download and Copy ask first while the config still has redacted values. */
import { useEffect, useRef, useState, type ReactNode } from "react";
import { useStudioStore } from "../../store/store.ts";
import { redactedCount, valuesText } from "./redactions.ts";

interface Pending {
  /** "Download" or "Copy". */
  verb: string;
  run: () => void;
}

function Ask({ pending, count, onDone }: { pending: Pending; count: number; onDone: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  return (
    <dialog ref={ref} className="k-dialog" aria-labelledby="redaction-guard-title" onClose={onDone} data-testid="redaction-guard">
      <h2 id="redaction-guard-title">{pending.verb} with redacted values?</h2>
      <p>
        This config still has {valuesText(count)} replaced by <code>REDACTED</code> when it was shared. A machine provisioned from it would get{" "}
        <code>REDACTED</code> as a password hash or SSH key, and no working login.
      </p>
      <div className="k-dialog-buttons">
        <button
          type="button"
          className="k-btn"
          onClick={() => {
            pending.run();
            ref.current?.close();
          }}
        >
          {pending.verb} anyway
        </button>
        <button type="button" className="k-btn k-btn-primary" onClick={() => ref.current?.close()} autoFocus>
          Cancel
        </button>
      </div>
    </dialog>
  );
}

/** `guard(verb, run)`: runs at once, or after a confirmation while redacted values remain. */
export function useRedactionGuard(): { guard: (verb: string, run: () => void) => void; dialog: ReactNode } {
  const [pending, setPending] = useState<Pending | null>(null);
  const count = useStudioStore((s) => redactedCount(s.result));
  const guard = (verb: string, run: () => void) => {
    if (redactedCount(useStudioStore.getState().result) === 0) run();
    else setPending({ verb, run });
  };
  const dialog = pending ? <Ask pending={pending} count={count} onDone={() => setPending(null)} /> : null;
  return { guard, dialog };
}

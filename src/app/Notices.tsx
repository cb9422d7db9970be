/** Notices under the toolbar: autosave failures, worker problems, share-link and other-tab offers. */
import { dismissNotice, useStudioStore } from "../store/store.ts";

export function Notices() {
  const notices = useStudioStore((s) => s.notices);
  if (notices.length === 0) return null;
  return (
    <div className="k-notices">
      {notices.map((n) => (
        <div key={n.id} className={`k-banner k-banner-${n.kind}`} role={n.kind === "error" ? "alert" : "status"} data-testid={`notice-${n.id}`}>
          <span className="k-banner-text">{n.text}</span>
          <span className="k-banner-actions">
            {n.actions?.map((a) => (
              <button key={a.label} type="button" className="k-btn k-btn-small" onClick={a.run}>
                {a.label}
              </button>
            ))}
            <button type="button" className="k-btn k-btn-small k-btn-quiet" aria-label="Dismiss" onClick={() => dismissNotice(n.id)}>
              ✕
            </button>
          </span>
        </div>
      ))}
    </div>
  );
}

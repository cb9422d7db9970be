/** Notices under the toolbar: autosave failures, worker problems, share-link and other-tab offers. */
import { dismissNotice, useStudioStore } from "../store/store.ts";

export function Notices() {
  const notices = useStudioStore((s) => s.notices);
  if (notices.length === 0) return null;
  return (
    <div className="notices">
      {notices.map((n) => (
        <div
          key={n.id}
          className={`banner banner-${n.kind}`}
          role={n.kind === "error" ? "alert" : "status"}
          data-testid={`notice-${n.id}`}
        >
          <span className="banner-text">{n.text}</span>
          <span className="banner-actions">
            {n.actions?.map((a) => (
              <button key={a.label} type="button" className="btn btn-small" onClick={a.run}>
                {a.label}
              </button>
            ))}
            <button type="button" className="btn btn-small btn-quiet" aria-label="Dismiss" onClick={() => dismissNotice(n.id)}>
              ✕
            </button>
          </span>
        </div>
      ))}
    </div>
  );
}

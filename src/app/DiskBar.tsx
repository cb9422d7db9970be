/** The disk bar of the last good output, for the Storage form (lazy: only the forms show it). */
import { DisksPreview } from "../features/previews/DisksPreview.tsx";
import { deriveDisks } from "../features/previews/derive-disks.ts";
import { useStudioStore } from "../store/store.ts";
// The previews' styles (the Preview tab may not have loaded them yet).
import "../features/previews/previews.css";

export default function DiskBar() {
  const config = useStudioStore((s) => s.lastGood?.config ?? null);
  return (
    <div className="kp-panel">
      <DisksPreview view={deriveDisks(config)} />
    </div>
  );
}

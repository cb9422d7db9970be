/** The disk bar of the last good output, for the Storage form (lazy: only the forms show it). */
import { DisksPreview } from "../features/previews/DisksPreview.tsx";
import { deriveDisks } from "../features/previews/derive-disks.ts";
import { variantFacts } from "../features/previews/variant-facts.ts";
import { useStudioStore } from "../store/store.ts";
// The previews' styles (the Preview tab may not have loaded them yet).
import "../features/previews/previews.css";

export default function DiskBar() {
  const config = useStudioStore((s) => s.lastGood?.config ?? null);
  const variant = useStudioStore((s) => s.lastGood?.variant);
  const version = useStudioStore((s) => s.lastGood?.version);
  const facts = variantFacts(variant, version);
  return (
    <div className="kp-panel">
      <DisksPreview view={deriveDisks(config, facts.image)} empty={facts.defaultLayout} />
    </div>
  );
}

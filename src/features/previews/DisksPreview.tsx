import type { JSX } from "react";
import { useShownCount } from "../../lib/show-more.tsx";
import type { DiskView, DisksView, PartitionView } from "./derive-disks.ts";
import { PreviewStack } from "./PreviewStack.tsx";
import { EntryOriginTag, OriginTag } from "./OriginTag.tsx";
import { usePreviewOrigins } from "./origins.ts";
import { formatMiB } from "./shape.ts";
import { variantFacts } from "./variant-facts.ts";

/** Cards and table rows rendered per step (see show-more.tsx). */
const STEP = 100;

/**
 * Disks, their partition bars and tables, RAID arrays and undeclared devices. `empty` says what
 * the OS keeps without any (from the variant's facts; Fedora CoreOS's layout by default).
 */
export function DisksPreview({ view, empty = variantFacts("fcos").defaultLayout }: { view: DisksView; empty?: string }): JSX.Element {
  const [disks, moreDisks] = useShownCount(view.disks.length, STEP, "disks");
  const [raids, moreRaids] = useShownCount(view.raids.length, STEP, "RAID arrays");
  const [external, moreExternal] = useShownCount(view.external.length, STEP, "devices");
  if (view.disks.length === 0 && view.raids.length === 0 && view.external.length === 0) {
    return <p className="kp-empty">No disks, RAID arrays, LUKS volumes or filesystems. {empty}</p>;
  }
  return (
    <div className="kp-disks">
      {view.disks.slice(0, disks).map((d) => (
        <Disk key={d.index} disk={d} />
      ))}
      {moreDisks}
      {view.raids.length > 0 ? (
        <div className="kp-block">
          <h3 className="kp-h3">RAID arrays</h3>
          <ul className="kp-cards">
            {view.raids.slice(0, raids).map((r, i) => (
              <li key={i} className="kp-card">
                <div className="kp-card-head">
                  <span className="kp-mono kp-strong">/dev/md/{r.name}</span>
                  <span className="kp-badge">{r.level ?? "no level"}</span>
                  {r.spares !== null && r.spares > 0 ? <span className="kp-badge">{r.spares} spare</span> : null}
                  <EntryOriginTag list="raid" entryKey={r.name} />
                </div>
                <ul className="kp-members" aria-label={`Members of ${r.name}`}>
                  {r.members.map((m, j) => (
                    <li key={j}>
                      <span className="kp-mono">{m.device}</span>
                      {m.location !== null ? (
                        <span className="kp-dim"> — {m.location}</span>
                      ) : (
                        <span className="kp-dim"> — not declared under storage.disks</span>
                      )}
                    </li>
                  ))}
                </ul>
                {moreRaids}
                <div className="kp-on">
                  <span className="kp-dim">holds </span>
                  <PreviewStack nodes={r.above} />
                </div>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {view.external.length > 0 ? (
        <div className="kp-block">
          <h3 className="kp-h3">Other devices</h3>
          <ul className="kp-cards">
            {view.external.slice(0, external).map((x) => (
              <li key={x.device} className="kp-card">
                <div className="kp-card-head">
                  <span className="kp-mono kp-strong">{x.device}</span>
                  {x.note !== null ? <span className="kp-dim">{x.note}</span> : null}
                </div>
                <div className="kp-on">
                  <PreviewStack nodes={x.stack} />
                </div>
              </li>
            ))}
          </ul>
          {moreExternal}
        </div>
      ) : null}
    </div>
  );
}

function Disk({ disk }: { disk: DiskView }): JSX.Element {
  const [rows, moreRows] = useShownCount(disk.partitions.length, STEP, "partitions");
  // Most configs let Ignition place partitions; only show Start when some start is given.
  const showStart = disk.partitions.some((p) => p.startMiB !== null && p.startMiB > 0);
  return (
    <div className="kp-block kp-disk">
      <div className="kp-card-head">
        <h3 className="kp-h3 kp-mono">{disk.device}</h3>
        {disk.wipeTable ? (
          <span className="kp-badge" data-tone="warning">
            partition table wiped
          </span>
        ) : (
          <span className="kp-badge">existing partitions kept</span>
        )}
        {disk.note !== null ? <span className="kp-dim">{disk.note}</span> : null}
        <EntryOriginTag list="disks" entryKey={disk.device} />
      </div>
      {disk.segments.length > 0 ? (
        <div className="kp-bar" role="img" aria-label={disk.ariaLabel}>
          {disk.segments.map((s) => (
            <div
              key={s.key}
              className={"kp-seg" + (s.deleted ? " kp-seg-deleted" : "")}
              data-cat={s.category}
              style={{ flexGrow: s.grow }}
              title={s.description}
            >
              <span className="kp-seg-text">{s.text}</span>
            </div>
          ))}
        </div>
      ) : null}
      {disk.partitions.length > 0 ? (
        <div className="kp-scroll">
          <table className="kp-table">
            <caption className="kp-sr">Partitions of {disk.device}</caption>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">Label</th>
                {showStart ? <th scope="col">Start</th> : null}
                <th scope="col">Size</th>
                <th scope="col">Type</th>
                <th scope="col">Holds</th>
              </tr>
            </thead>
            <tbody>
              {disk.partitions.slice(0, rows).map((p) => (
                <PartitionRow key={p.index} p={p} device={disk.device} showStart={showStart} />
              ))}
            </tbody>
          </table>
          {moreRows}
        </div>
      ) : null}
      {disk.stack.length > 0 ? (
        <div className="kp-on">
          <span className="kp-dim">whole disk holds </span>
          <PreviewStack nodes={disk.stack} />
        </div>
      ) : null}
    </div>
  );
}

function PartitionRow({ p, device, showStart }: { p: PartitionView; device: string; showStart: boolean }): JSX.Element {
  const origins = usePreviewOrigins();
  return (
    <tr className={p.deleted ? "kp-row-deleted" : undefined}>
      <td className="kp-mono kp-nowrap">
        {p.number !== null ? (
          p.number
        ) : p.effectiveNumber !== null ? (
          <span className="kp-dim" title="assigned by Ignition">
            {p.effectiveNumber}
          </span>
        ) : (
          <span className="kp-dim">auto</span>
        )}
      </td>
      <td className="kp-mono kp-long kp-label">
        <span className="kp-swatch" data-cat={p.category} aria-hidden="true" />
        {p.label ?? <span className="kp-dim">(none)</span>}
        {p.deleted ? (
          <span className="kp-badge" data-tone="error">
            deleted
          </span>
        ) : null}
        {p.resize ? <span className="kp-badge">resize</span> : null}
        {p.wipePartitionEntry ? <span className="kp-badge">wipe entry</span> : null}
        {origins ? <OriginTag origin={origins.partition(device, p.index)} /> : null}
      </td>
      {showStart ? <td>{p.startMiB !== null && p.startMiB > 0 ? nbsp(formatMiB(p.startMiB)) : <span className="kp-dim">auto</span>}</td> : null}
      <td>{p.restOfDisk ? <span className="kp-dim">rest of disk</span> : nbsp(formatMiB(p.sizeMiB ?? 0))}</td>
      <td className="kp-long">
        {p.typeGuid === null ? (
          <span className="kp-dim" title="Ignition's default type">
            {p.typeName}
          </span>
        ) : (
          (p.typeName ?? <span className="kp-mono">{p.typeGuid}</span>)
        )}
      </td>
      <td className="kp-long">
        <PreviewStack
          nodes={p.stack}
          empty={p.keeps !== null ? `${p.keeps} (kept)` : p.category === "bios" ? "boot loader, no filesystem" : "no filesystem in this config"}
        />
      </td>
    </tr>
  );
}

/** Keeps "127 MiB" on one line while letting "rest of disk" wrap. */
function nbsp(s: string): string {
  return s.replace(/ /g, "\u00a0");
}

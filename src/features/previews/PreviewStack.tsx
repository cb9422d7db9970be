import type { JSX } from "react";
import type { StackNode } from "./derive-disks.ts";
import { EntryOriginTag } from "./OriginTag.tsx";

/** What sits on a block device: RAID → LUKS → filesystem, as nested lists. */
export function PreviewStack({ nodes, empty = "nothing on it" }: { nodes: StackNode[]; empty?: string }): JSX.Element {
  if (nodes.length === 0) return <span className="kp-dim">{empty}</span>;
  return (
    <ul className="kp-stack">
      {nodes.map((n, i) => (
        <li key={i}>
          <StackChip node={n} />
          {n.kind === "filesystem" ? <EntryOriginTag list="filesystems" entryKey={n.device} /> : null}
          {n.kind === "luks" ? <EntryOriginTag list="luks" entryKey={n.name} /> : null}
          {n.kind !== "filesystem" && n.above.length > 0 ? <PreviewStack nodes={n.above} /> : null}
        </li>
      ))}
    </ul>
  );
}

function StackChip({ node }: { node: StackNode }): JSX.Element {
  switch (node.kind) {
    case "raid":
      return (
        <span className="kp-chip" data-kind="raid">
          <span className="kp-chip-kind">{node.level !== null ? node.level.toUpperCase() : "RAID"}</span> <span className="kp-mono">{node.name}</span>
          {node.memberIndex !== null ? (
            <span className="kp-chip-note">
              {" "}
              member {node.memberIndex} of {node.memberCount}
            </span>
          ) : null}
        </span>
      );
    case "luks":
      return (
        <span className="kp-chip" data-kind="luks">
          <span className="kp-chip-kind">LUKS</span> <span className="kp-mono">{node.name}</span>
          <span className="kp-chip-note"> {node.unlock.join(", ")}</span>
          {node.wipeVolume ? <span className="kp-chip-note"> · wiped</span> : null}
        </span>
      );
    case "filesystem":
      return (
        <span className="kp-chip" data-kind={node.format === "swap" ? "swap" : "filesystem"}>
          <span className="kp-chip-kind">{node.format ?? "filesystem"}</span>
          {node.label !== null ? <span className="kp-mono"> “{node.label}”</span> : null}
          {node.mount !== null && node.format !== "swap" ? (
            <>
              {" "}
              <span aria-label="mounted at">⇢</span> <strong className="kp-mono">{node.mount}</strong>
            </>
          ) : null}
          {node.mountNote !== null ? <span className="kp-chip-note"> {node.mountNote}</span> : null}
          {node.mount === null && node.mountNote === null ? <span className="kp-chip-note"> not mounted</span> : null}
          {node.mountUnit !== null ? (
            <span className="kp-chip-note">
              {" "}
              via <span className="kp-mono">{node.mountUnit}</span>
            </span>
          ) : null}
          {node.mountOptions.length > 0 ? (
            <span className="kp-chip-note">
              {" "}
              options <span className="kp-mono">{node.mountOptions.join(",")}</span>
            </span>
          ) : null}
          {node.wipeFilesystem ? <span className="kp-chip-note"> · wiped</span> : null}
        </span>
      );
  }
}

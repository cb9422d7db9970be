import type { JSX } from "react";
import type { EntryOrigin } from "../../compose/index.ts";
import { openProjectFile } from "../../store/project.ts";
import { usePreviewOrigins, type OriginList } from "./origins.ts";

/** "snippets/ntp.bu:12": the project file and line an entry comes from; a click opens it there. */
export function OriginTag({ origin }: { origin: EntryOrigin | undefined }): JSX.Element | null {
  if (!origin || origin.line === undefined) return null;
  const where = `${origin.file}:${origin.line}`;
  return (
    <button
      type="button"
      className="kp-origin"
      title={`Open ${origin.file} at line ${origin.line}`}
      onClick={() => openProjectFile(origin.file, origin.line, origin.column)}
    >
      {where}
    </button>
  );
}

/** The {@link OriginTag} of the entry of `list` keyed `entryKey` (nothing outside a project). */
export function EntryOriginTag({ list, entryKey }: { list: OriginList; entryKey: string }): JSX.Element | null {
  const origins = usePreviewOrigins();
  return origins ? <OriginTag origin={origins.entry(list, entryKey)} /> : null;
}

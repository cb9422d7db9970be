/// <reference types="vite/client" />
import { useId, useMemo, type JSX, type ReactNode } from "react";
import { deriveDisks } from "./derive-disks.ts";
import { deriveFiles } from "./derive-files.ts";
import { deriveUnits } from "./derive-units.ts";
import { deriveUsers } from "./derive-users.ts";
import { DisksPreview } from "./DisksPreview.tsx";
import { FilesPreview } from "./FilesPreview.tsx";
import { ignitionOf, safely } from "./shape.ts";
import { UnitsPreview } from "./UnitsPreview.tsx";
import { UsersPreview } from "./UsersPreview.tsx";
import "./previews.css";

/**
 * The Preview tab: what the Ignition config will do to the machine (disks, users, units,
 * files). `config` is the transpiler's parsed output and may be null or anything at all.
 */
export function PreviewPanel(props: { config: unknown }): JSX.Element {
  const { config } = props;
  const baseId = useId();
  const disks = useMemo(() => deriveDisks(config), [config]);
  const users = useMemo(() => deriveUsers(config), [config]);
  const units = useMemo(() => deriveUnits(config), [config]);
  const files = useMemo(() => deriveFiles(config), [config]);

  if (safely(() => ignitionOf(config), null) === null) {
    return (
      <div className="kp-panel" data-testid="preview-panel">
        <p className="kp-empty">
          No Ignition output to preview yet. Once the config transpiles without errors, its disks, users, units
          and files show up here.
        </p>
      </div>
    );
  }

  const fileCount = files.counts.files + files.counts.directories + files.counts.links;
  const sections = [
    { key: "disks", title: "Disks", count: disks.counts.disks + disks.counts.raids + disks.external.length },
    { key: "users", title: "Users", count: users.users.length + users.groups.length },
    { key: "units", title: "Units", count: units.length },
    { key: "files", title: "Files", count: fileCount },
  ] as const;

  return (
    <div className="kp-panel" data-testid="preview-panel">
      <nav className="kp-jump" aria-label="Preview sections">
        {sections.map((s) => (
          <button
            key={s.key}
            type="button"
            className="kp-jump-btn"
            aria-controls={`${baseId}-${s.key}`}
            // Scroll with JS: an #anchor would clobber the share link in the URL hash.
            onClick={() => document.getElementById(`${baseId}-${s.key}`)?.scrollIntoView({ behavior: "smooth", block: "start" })}
          >
            {s.title} <span className="kp-count">{s.count}</span>
          </button>
        ))}
      </nav>
      <Section id={`${baseId}-disks`} title="Disks">
        <DisksPreview view={disks} />
      </Section>
      <Section id={`${baseId}-users`} title="Users">
        <UsersPreview view={users} />
      </Section>
      <Section id={`${baseId}-units`} title="Units">
        <UnitsPreview units={units} />
      </Section>
      <Section id={`${baseId}-files`} title="Files">
        <FilesPreview view={files} />
      </Section>
    </div>
  );
}

function Section(props: {
  id: string;
  title: string;
  children: ReactNode;
}): JSX.Element {
  return (
    <section className="kp-section" id={props.id} aria-labelledby={`${props.id}-h`}>
      <h2 className="kp-h2" id={`${props.id}-h`}>
        {props.title}
      </h2>
      {props.children}
    </section>
  );
}

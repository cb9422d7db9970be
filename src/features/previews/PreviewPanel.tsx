/// <reference types="vite/client" />
import { useId, useMemo, type JSX, type ReactNode } from "react";
import { deriveDisks } from "./derive-disks.ts";
import { emptyFilesView, filesSteps } from "./derive-files.ts";
import { deriveKernel } from "./derive-kernel.ts";
import { deriveUnits } from "./derive-units.ts";
import { deriveUsers } from "./derive-users.ts";
import { DisksPreview } from "./DisksPreview.tsx";
import { FilesPreview } from "./FilesPreview.tsx";
import { KernelPreview, MachineConfigPreview } from "./KernelPreview.tsx";
import { field, ignitionOf, safely } from "./shape.ts";
import { UnitsPreview } from "./UnitsPreview.tsx";
import { UsersPreview } from "./UsersPreview.tsx";
import { useStepped } from "./use-stepped.ts";
import { PreviewOriginsContext, previewOrigins } from "./origins.ts";
import { originsFor } from "../../store/project-origins.ts";
import { useStudioStore } from "../../store/store.ts";
import { variantFacts } from "./variant-facts.ts";
import "./previews.css";

/**
 * The Preview tab: what the Ignition config will do to the machine (disks, kernel arguments,
 * users, units, files), worded for the config's variant and version (see variant-facts.ts).
 * `config` is the transpiler's parsed output and may be null or anything at all.
 */
export function PreviewPanel(props: { config: unknown; variant?: string | undefined; version?: string | undefined }): JSX.Element {
  const { config, variant, version } = props;
  const baseId = useId();
  // openshift without --raw gives a MachineConfig; with it, plain Ignition.
  const raw = variant === "openshift" && safely(() => field(config, "kind") !== "MachineConfig", false);
  const facts = useMemo(() => variantFacts(variant, version, raw), [variant, version, raw]);
  const disks = useMemo(() => deriveDisks(config, facts.image), [config, facts]);
  const kernel = useMemo(() => deriveKernel(config), [config]);
  const users = useMemo(() => deriveUsers(config), [config]);
  const units = useMemo(() => deriveUnits(config), [config]);
  // Tens of thousands of files take a few hundred milliseconds: derived in slices (null until the first is done).
  const files = useStepped(config, filesSteps, emptyFilesView);
  // In a project: where each entry comes from (a config's origins are kept from its build).
  const inProject = useStudioStore((s) => s.project !== null);
  const origins = useMemo(() => {
    const o = inProject ? originsFor(config) : undefined;
    return o ? previewOrigins(config, o) : null;
  }, [config, inProject]);

  if (safely(() => ignitionOf(config), null) === null) {
    return (
      <div className="kp-panel" data-testid="preview-panel">
        <p className="kp-empty">
          No Ignition output to preview yet. Once the config transpiles without errors, its disks, users, units and files show up here.
        </p>
      </div>
    );
  }

  const fileCount = files && files.counts.files + files.counts.directories + files.counts.links;
  const mc = kernel.machineConfig;
  const kargCount = kernel.shouldExist.length + kernel.shouldNotExist.length + (mc?.kernelArguments.length ?? 0);
  const sections: { key: string; title: string; count: number | null }[] = [
    ...(mc ? [{ key: "machineconfig", title: "MachineConfig", count: null }] : []),
    { key: "disks", title: "Disks", count: disks.counts.disks + disks.counts.raids + disks.external.length },
    { key: "kernel", title: "Kernel arguments", count: kargCount },
    { key: "users", title: "Users", count: users.users.length + users.groups.length },
    { key: "units", title: "Units", count: units.length },
    { key: "files", title: "Files", count: fileCount },
  ];

  return (
    <PreviewOriginsContext value={origins}>
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
              {s.title}
              {s.count !== null ? <span className="kp-count"> {s.count}</span> : null}
            </button>
          ))}
        </nav>
        <div className="kp-about" data-testid="preview-about">
          <p className="kp-target">
            What this config does to <strong>{facts.target}</strong>
            {variant !== undefined && version !== undefined ? (
              <span className="kp-dim">
                {" "}
                ({variant} {version})
              </span>
            ) : null}
            .
          </p>
          <ul className="kp-implied" aria-label="Implied by this variant">
            {facts.implied.map((t) => (
              <li key={t}>{t}</li>
            ))}
          </ul>
        </div>
        {mc ? (
          <Section id={`${baseId}-machineconfig`} title="MachineConfig">
            <MachineConfigPreview mc={mc} />
          </Section>
        ) : null}
        <Section id={`${baseId}-disks`} title="Disks">
          <DisksPreview view={disks} empty={facts.defaultLayout} />
        </Section>
        <Section id={`${baseId}-kernel`} title="Kernel arguments">
          <KernelPreview view={kernel} empty={facts.kernelArgs} />
        </Section>
        <Section id={`${baseId}-users`} title="Users">
          <UsersPreview view={users} empty={facts.noUsers} />
        </Section>
        <Section id={`${baseId}-units`} title="Units">
          <UnitsPreview units={units} />
        </Section>
        <Section id={`${baseId}-files`} title="Files">
          {files ? <FilesPreview view={files} /> : <p className="kp-empty">Listing the files…</p>}
        </Section>
      </div>
    </PreviewOriginsContext>
  );
}

function Section(props: { id: string; title: string; children: ReactNode }): JSX.Element {
  return (
    <section className="kp-section" id={props.id} aria-labelledby={`${props.id}-h`}>
      <h2 className="kp-h2" id={`${props.id}-h`}>
        {props.title}
      </h2>
      {props.children}
    </section>
  );
}

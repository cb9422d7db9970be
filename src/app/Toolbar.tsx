/** The toolbar: spec picker, options, open/new, share, copy, download. */
import { lazy, Suspense, useMemo, useRef, useState, type RefObject } from "react";
import { outputFileName, outputKind } from "../features/output/download-name.ts";
import { useRedactionGuard } from "../features/quick-fixes/RedactionGuard.tsx";
import { downloadText } from "../lib/download-file.ts";
import { setVariantVersion } from "../lib/header-lines.ts";
import { setOptions, setSource, useStudioStore } from "../store/store.ts";
import { listSpecs } from "../transpiler/versions.ts";
import { draftTitle } from "../features/autosave/draft-title.ts";
import type { Draft } from "../features/autosave/drafts.ts";
import { getAutosave, getDrafts, openDraft, openFiles, replaceDocument } from "./actions.ts";
import type { Layout } from "./layout.ts";
import { Menu, type MenuSection } from "./Menu.tsx";
import {
  canOpenFolders,
  closeProjectKeepingDrafts,
  downloadAllHosts,
  exportProjectZip,
  importProjectZip,
  newProjectFromCurrent,
  openProjectFolder,
  saveProjectToFolder,
} from "../features/project/project-actions.ts";
import { showProject } from "../store/project.ts";
import { projectOutputSource } from "../store/project-model.ts";

// The template dialog loads when first opened.
const TemplatePicker = lazy(() => import("../features/templates/TemplatePicker.tsx").then((m) => ({ default: m.TemplatePicker })));

const specs = listSpecs();
const variants = [...new Set(specs.map((s) => s.variant))];

function SpecPicker() {
  const spec = useStudioStore((s) => s.spec);
  const value = spec ? `${spec.variant}@${spec.version}` : "";
  const known = specs.some((s) => `${s.variant}@${s.version}` === value);
  return (
    <label className="k-field">
      <span className="k-field-label">Spec</span>
      <select
        aria-label="Variant and version"
        value={known ? value : ""}
        onChange={(e) => {
          const [variant, version] = e.target.value.split("@");
          if (variant && version) setSource(setVariantVersion(useStudioStore.getState().source, variant, version));
        }}
      >
        {!known && <option value="">{spec ? `${spec.variant} ${spec.version} (unknown)` : "—"}</option>}
        {variants.map((v) => (
          <optgroup key={v} label={v}>
            {specs
              .filter((s) => s.variant === v)
              .map((s) => (
                <option key={s.version} value={`${s.variant}@${s.version}`} title={`Ignition ${s.ignition}`}>
                  {s.variant} {s.version}
                </option>
              ))}
          </optgroup>
        ))}
      </select>
    </label>
  );
}

function Toggle({ label, title, checked, onChange }: { label: string; title: string; checked: boolean; onChange: (v: boolean) => void }) {
  return (
    <label className="k-toggle" title={title}>
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      {label}
    </label>
  );
}

function timeAgo(ms: number): string {
  const s = Math.round((Date.now() - ms) / 1000);
  if (s < 60) return "just now";
  if (s < 3600) return `${Math.round(s / 60)} min ago`;
  if (s < 86400) return `${Math.round(s / 3600)} h ago`;
  return new Date(ms).toLocaleDateString();
}

/** Recent drafts of this browser (other tabs' and replaced texts), newest first. */
function draftsSection(): MenuSection {
  const drafts = getDrafts();
  const current = useStudioStore.getState().source;
  // Drafts in localStorage and in the backup store (the newer copy of each).
  const byId = new Map<string, Draft>();
  for (const d of [...drafts.list(), ...getAutosave().backups()]) {
    const seen = byId.get(d.id);
    if (!seen || d.savedAt > seen.savedAt) byId.set(d.id, d);
  }
  const recent = [...byId.values()]
    .filter((d) => d.id !== drafts.id && d.source !== current)
    .sort((a, b) => b.savedAt - a.savedAt)
    .slice(0, 10);
  return {
    title: "Recent drafts in this browser",
    empty: "No other drafts yet. Texts you replace and other tabs' drafts show up here.",
    items: recent.map((d) => ({
      key: d.id,
      label: draftTitle(d.source, d.fileName),
      detail: `${timeAgo(d.savedAt)} · ${d.source.split("\n").length} lines`,
      onSelect: () => openDraft(d),
    })),
  };
}

/** A file input the toolbar's buttons and menu items click. */
function HiddenFilePicker({
  inputRef,
  accept,
  testId,
  onFiles,
}: {
  inputRef: RefObject<HTMLInputElement | null>;
  accept: string;
  testId: string;
  onFiles: (files: File[]) => void;
}) {
  return (
    <input
      ref={inputRef}
      type="file"
      hidden
      accept={accept}
      data-testid={testId}
      onChange={(e) => {
        if (e.target.files) onFiles([...e.target.files]);
        e.target.value = "";
      }}
    />
  );
}

interface FileActions {
  open: () => void;
  newFromTemplate: () => void;
  share: () => void;
  importZip: () => void;
}

/**
 * Projects: a main config, snippets, local files and a hosts table (src/features/project/). The
 * items for an open project appear once one is open.
 */
function projectSection(importZip: () => void): MenuSection {
  const open = useStudioStore.getState().project !== null;
  const items: MenuSection["items"] = open
    ? [
        { key: "project-show", label: "Show project", onSelect: showProject },
        { key: "project-save", label: canOpenFolders() ? "Save to folder" : "Save (.zip)", onSelect: () => void saveProjectToFolder() },
        { key: "project-zip", label: "Export .zip", onSelect: () => void exportProjectZip() },
        { key: "project-all", label: "Download all hosts (.zip)", onSelect: () => void downloadAllHosts() },
        { key: "project-close", label: "Close project", onSelect: () => closeProjectKeepingDrafts((text, name) => getAutosave().keep(text, name)) },
      ]
    : [
        ...(canOpenFolders()
          ? [
              {
                key: "project-folder",
                label: "Open folder…",
                detail: "main.bu, snippets/*.bu, hosts.yaml|csv, local files",
                onSelect: () => void openProjectFolder(),
              },
            ]
          : []),
        { key: "project-import", label: "Import .zip…", onSelect: importZip },
        { key: "project-new", label: "New project from this file", onSelect: newProjectFromCurrent },
      ];
  return { title: "Project", items };
}

/** The compact and narrow layouts' one menu for opening, templates, sharing and drafts. */
function FileMenu({ actions }: { actions: FileActions }) {
  const sections = (): MenuSection[] => [
    {
      title: "File",
      items: [
        { key: "open", label: "Open file…", onSelect: actions.open },
        { key: "template", label: "New from template…", onSelect: actions.newFromTemplate },
        { key: "share", label: "Share…", onSelect: actions.share },
      ],
    },
    projectSection(actions.importZip),
    draftsSection(),
  ];
  return <Menu label="File" sections={sections} />;
}

export function Toolbar({ layout, onShare }: { layout: Layout; onShare: () => void }) {
  const strict = useStudioStore((s) => s.strict);
  const pretty = useStudioStore((s) => s.pretty);
  const raw = useStudioStore((s) => s.raw);
  const variant = useStudioStore((s) => s.spec?.variant);
  // Whether there is output, not the output: the toolbar need not re-render on every keystroke.
  const hasOutput = useStudioStore((s) => (s.result?.output ?? null) !== null);
  const outputFormat = useStudioStore((s) => s.result?.outputFormat ?? "json");
  // In a project the output is the composed project's: named after the host or the main config.
  const fileName = useStudioStore((s) => (s.project ? projectOutputSource(s.project, s.projectBuild?.host) : s.fileName));
  const fileInput = useRef<HTMLInputElement>(null);
  const zipInput = useRef<HTMLInputElement>(null);
  const [picking, setPicking] = useState(false);
  const [copied, setCopied] = useState<"Copied" | "Copy failed" | null>(null);
  const downloadName = useMemo(() => outputFileName(fileName, outputFormat), [fileName, outputFormat]);
  const noOutput = !hasOutput ? "No output: the config has errors (see Problems)" : undefined;
  // While a shared config still has REDACTED values, Copy and Download ask first.
  const { guard, dialog: guardDialog } = useRedactionGuard();
  const fileActions: FileActions = {
    open: () => fileInput.current?.click(),
    newFromTemplate: () => setPicking(true),
    share: onShare,
    importZip: () => zipInput.current?.click(),
  };

  return (
    <header className={`k-toolbar k-toolbar-${layout}`}>
      <div className="k-brand">
        <img src={`${import.meta.env.BASE_URL}favicon.svg`} alt="" width="20" height="20" />
        {/* Icon only on a narrow screen; the heading stays for screen readers. */}
        <h1 className={layout === "narrow" ? "k-brand-name k-visually-hidden" : "k-brand-name"}>Kindling</h1>
      </div>
      <div className="k-toolbar-group k-toolbar-options">
        <SpecPicker />
        <Toggle label="Strict" title="Fail on warnings, like butane --strict" checked={strict} onChange={(v) => setOptions({ strict: v })} />
        <Toggle label="Pretty" title="Indented JSON, like butane --pretty" checked={pretty} onChange={(v) => setOptions({ pretty: v })} />
        {variant === "openshift" && (
          <Toggle label="Raw" title="Plain Ignition instead of a MachineConfig, like butane --raw" checked={raw} onChange={(v) => setOptions({ raw: v })} />
        )}
      </div>
      {layout === "wide" && (
        <div className="k-toolbar-group">
          <button type="button" className="k-btn" onClick={fileActions.open}>
            Open file…
          </button>
          <button type="button" className="k-btn" onClick={fileActions.newFromTemplate}>
            New from template…
          </button>
          <Menu label="Project" sections={() => [projectSection(fileActions.importZip)]} />
          <Menu label="Drafts" sections={() => [draftsSection()]} />
        </div>
      )}
      <HiddenFilePicker
        inputRef={fileInput}
        accept=".bu,.butane,.yaml,.yml,.ign,.json,text/yaml"
        testId="open-file-input"
        onFiles={(files) => void openFiles(files)}
      />
      <HiddenFilePicker
        inputRef={zipInput}
        accept=".zip,application/zip"
        testId="import-project-zip-input"
        onFiles={([file]) => file && void importProjectZip(file)}
      />
      {picking && (
        <Suspense fallback={null}>
          <TemplatePicker open onNewDraft={(source) => replaceDocument(source, null)} onClose={() => setPicking(false)} />
        </Suspense>
      )}
      <div className="k-toolbar-group k-toolbar-end">
        {layout === "wide" ? (
          <button type="button" className="k-btn" onClick={onShare}>
            Share…
          </button>
        ) : (
          <FileMenu actions={fileActions} />
        )}
        <button
          type="button"
          className="k-btn"
          disabled={!hasOutput}
          title={noOutput ?? "Copy the output to the clipboard"}
          onClick={() =>
            guard("Copy", () => {
              const output = useStudioStore.getState().result?.output ?? null;
              if (output === null) return;
              const flash = (label: "Copied" | "Copy failed") => {
                setCopied(label);
                setTimeout(() => setCopied(null), 1500);
              };
              navigator.clipboard.writeText(output).then(
                () => flash("Copied"),
                () => flash("Copy failed"),
              );
            })
          }
        >
          {copied ?? "Copy"}
        </button>
        <button
          type="button"
          className="k-btn k-btn-primary"
          disabled={!hasOutput}
          title={noOutput ?? `Save the ${outputKind(outputFormat)} as ${downloadName}`}
          onClick={() =>
            guard("Download", () => {
              const output = useStudioStore.getState().result?.output ?? null;
              if (output !== null) downloadText(downloadName, output, outputFormat === "yaml" ? "application/yaml" : "application/json");
            })
          }
        >
          Download {downloadName.slice(downloadName.lastIndexOf("."))}
        </button>
        {guardDialog}
      </div>
    </header>
  );
}

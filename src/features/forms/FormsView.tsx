/**
 * The Forms view: the config's common parts as forms. The YAML text stays the truth: the forms
 * read it on every change, and each form edit is a minimal edit of the text, sent through
 * setSource(…, "forms") so it lands on the editor's undo stack.
 */
import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { setSource, useStudioStore } from "../../store/store.ts";
import { undoInEditor } from "./editor-undo.ts";
import { validateConfig } from "./forms-client.ts";
import { FormsContext, type FieldProblem, type FormsApi } from "./forms-context.ts";
import type { SchemaProblem } from "./forms-protocol.ts";
import { capabilitiesOf, Section, sectionTitles } from "./model/capabilities.ts";
import { loadConfig, pathKey, saveConfig, setIn, type Config, type EditPath } from "./model/config.ts";
import { specFor } from "./model/spec-walk.ts";
import { BootDeviceSection } from "./sections/BootDeviceSection.tsx";
import { FilesSection } from "./sections/FilesSection.tsx";
import { FlatcarUpdatesSection } from "./sections/FlatcarUpdatesSection.tsx";
import { KernelArgsSection } from "./sections/KernelArgsSection.tsx";
import { OpenShiftSection } from "./sections/OpenShiftSection.tsx";
import { StorageSection } from "./sections/StorageSection.tsx";
import { TelemetrySection } from "./sections/TelemetrySection.tsx";
import { UnitsSection } from "./sections/UnitsSection.tsx";
import { UpdatesSection } from "./sections/UpdatesSection.tsx";
import { UsersSection } from "./sections/UsersSection.tsx";
import { rovingTarget } from "../../lib/roving.ts";
import "./forms.css";

/** The section shown last, kept for this tab (the view unmounts while the editor is shown). */
const SECTION_KEY = "kindling.formsSection";

function rememberedSection(): Section {
  try {
    const v = sessionStorage.getItem(SECTION_KEY);
    return (Object.values(Section) as string[]).includes(v ?? "") ? (v as Section) : Section.Users;
  } catch {
    return Section.Users;
  }
}

const COVERED = new Set(["variant", "version", "passwd", "storage", "systemd", "kernel_arguments", "boot_device"]);
/** Covered too where the OpenShift section is shown. */
const COVERED_OPENSHIFT = new Set(["metadata", "openshift"]);

/** Applies `fn` to the config of the current text and stores the minimally edited text. */
function changeConfig(fn: (c: Config) => Config): void {
  const text = useStudioStore.getState().source;
  const loaded = loadConfig(text);
  if (!loaded.ok) return;
  const next = saveConfig(text, fn(loaded.config));
  if (next !== text) setSource(next, "forms");
}

function useSchemaProblems(config: Config | null, variant: string | undefined, version: string | undefined): SchemaProblem[] {
  const [problems, setProblems] = useState<SchemaProblem[]>([]);
  useEffect(() => {
    if (!config || !variant || !version) return;
    let live = true;
    const t = setTimeout(() => {
      validateConfig(variant, version, config).then(
        (p) => live && setProblems(p),
        () => live && setProblems([]),
      );
    }, 120);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [config, variant, version]);
  return config ? problems : [];
}

function useProblemIndex(schema: SchemaProblem[]): Map<string, FieldProblem[]> {
  const diagnostics = useStudioStore((s) => s.result?.diagnostics);
  return useMemo(() => {
    const m = new Map<string, FieldProblem[]>();
    const add = (path: EditPath, p: FieldProblem) => {
      const k = pathKey(path);
      const list = m.get(k) ?? [];
      if (!list.some((x) => x.message === p.message)) list.push(p);
      m.set(k, list);
    };
    for (const d of diagnostics ?? []) add(d.path, { severity: d.severity, message: d.hint ? `${d.message} (${d.hint})` : d.message, source: "butane" });
    for (const p of schema) add(p.path, { severity: "error", message: p.message, source: "schema" });
    return m;
  }, [diagnostics, schema]);
}

const isTextEntry = (el: EventTarget | null) =>
  el instanceof HTMLTextAreaElement || (el instanceof HTMLInputElement && !["checkbox", "radio", "button", "submit"].includes(el.type));

export function FormsView({ diskBar }: { diskBar?: ReactNode }) {
  const source = useStudioStore((s) => s.source);
  const files = useStudioStore((s) => s.files);
  const loaded = useMemo(() => loadConfig(source), [source]);
  const config = loaded.ok ? loaded.config : null;
  const variant = typeof config?.variant === "string" ? config.variant : undefined;
  const version = typeof config?.version === "string" ? config.version : undefined;
  const vs = specFor(variant, version);
  const schemaProblems = useSchemaProblems(config, vs?.variant, vs?.version);
  const problems = useProblemIndex(schemaProblems);
  const localFiles = useMemo(() => files.map((f) => f.path), [files]);
  const [section, setSectionState] = useState<Section>(rememberedSection);
  const setSection = (s: Section) => {
    setSectionState(s);
    try {
      sessionStorage.setItem(SECTION_KEY, s);
    } catch {
      // Not worth a notice.
    }
  };
  const tabs = useRef<Partial<Record<Section, HTMLButtonElement | null>>>({});

  const api: FormsApi | null = useMemo(
    () =>
      config && vs
        ? {
            config,
            vs,
            caps: capabilitiesOf(vs),
            problems,
            localFiles,
            set: (path, value) => changeConfig((c) => setIn(c, path, value)),
            change: changeConfig,
          }
        : null,
    [config, vs, problems, localFiles],
  );

  // Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y undo the last edit on the editor's stack, unless a text box has
  // its own uncommitted typing to undo.
  const onKeyDown = (e: KeyboardEvent) => {
    if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
    const k = e.key.toLowerCase();
    if (k !== "z" && k !== "y") return;
    const t = e.target as HTMLElement | null;
    if (isTextEntry(t) && t?.dataset.dirty === "true") return;
    e.preventDefault();
    void undoInEditor(k === "y" || e.shiftKey);
  };

  if (!loaded.ok) {
    return (
      <div className="ff-view" data-testid="forms-view">
        <p className="ff-note is-warning" role="status">
          The forms need YAML they can read: {loaded.message} Fix it in the editor; the forms come back as soon as it parses.
        </p>
      </div>
    );
  }
  if (!api) {
    return (
      <div className="ff-view" data-testid="forms-view">
        <p className="ff-note is-warning" role="status">
          {variant && version
            ? `Butane has no spec "${variant} ${version}". Pick a variant and version in the toolbar.`
            : "Set variant and version (the Spec picker in the toolbar does it) to use the forms."}
        </p>
      </div>
    );
  }

  const sections = api.caps.sections;
  const current = sections.includes(section) ? section : (sections[0] ?? Section.Users);
  const openshift = sections.includes(Section.OpenShift);
  const others = Object.keys(api.config).filter((k) => !COVERED.has(k) && !(openshift && COVERED_OPENSHIFT.has(k)));
  const panels: Record<Section, ReactNode> = {
    users: <UsersSection />,
    files: <FilesSection />,
    units: <UnitsSection />,
    storage: <StorageSection diskBar={diskBar} />,
    boot: <BootDeviceSection />,
    kargs: <KernelArgsSection />,
    updates: api.caps.updates === "flatcar" ? <FlatcarUpdatesSection /> : <UpdatesSection />,
    telemetry: <TelemetrySection />,
    openshift: <OpenShiftSection />,
  };
  const onNavKey = (e: KeyboardEvent) => {
    const next = rovingTarget(sections, current, e.key, "vertical");
    if (!next) return;
    e.preventDefault();
    setSection(next);
    tabs.current[next]?.focus();
  };

  return (
    <FormsContext.Provider value={api}>
      <div className="ff-view" data-testid="forms-view" onKeyDown={onKeyDown}>
        <nav className="ff-nav" role="tablist" aria-orientation="vertical" aria-label="Form sections" onKeyDown={onNavKey}>
          {sections.map((s) => (
            <button
              key={s}
              ref={(el) => {
                tabs.current[s] = el;
              }}
              type="button"
              role="tab"
              id={`ff-tab-${s}`}
              aria-selected={current === s}
              aria-controls={`ff-panel-${s}`}
              tabIndex={current === s ? 0 : -1}
              className="ff-nav-item"
              onClick={() => setSection(s)}
            >
              {sectionTitles[s]}
            </button>
          ))}
        </nav>
        <div className="ff-panel" role="tabpanel" id={`ff-panel-${current}`} aria-labelledby={`ff-tab-${current}`}>
          <h3 className="ff-h3">{sectionTitles[current]}</h3>
          <p className="ff-spec">
            {api.vs.variant} {api.vs.version}: only what this spec version supports is shown.
            {others.length > 0 && (
              <>
                {" "}
                Also in this config, kept as written (edit in the YAML):{" "}
                {others.map((k, i) => (
                  <span key={k}>
                    {i > 0 && ", "}
                    <code>{k}</code>
                  </span>
                ))}
                .
              </>
            )}
          </p>
          {panels[current]}
        </div>
      </div>
    </FormsContext.Provider>
  );
}

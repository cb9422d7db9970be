/**
 * The Project tab: the project's files (click one to edit it; snippets in merge order), the host
 * whose output is shown, where each entry of the output comes from, and save / zip / download all.
 */
import { useMemo, useState } from "react";
import { projectProblems } from "../../store/project-model.ts";
import { moveSnippet, openProjectFile, removeProjectFile, selectHost } from "../../store/project.ts";
import { useStudioStore } from "../../store/store.ts";
import { originRows } from "./origin-list.ts";
import {
  addHostsTable,
  addSnippet,
  canOpenFolders,
  closeProjectKeepingDrafts,
  downloadAllHosts,
  exportProjectZip,
  saveProjectToFolder,
  useProjectFolder,
} from "./project-actions.ts";
import { getAutosave } from "../../app/actions.ts";
import "./project.css";

/** Rows of the origin list shown before "Show more". */
const ORIGINS_SHOWN = 200;

function FileRow({
  name,
  role,
  active,
  problems,
  order,
}: {
  name: string;
  role: string;
  active: boolean;
  problems: number;
  order?: { index: number; count: number };
}) {
  return (
    <li className="k-project-file" aria-current={active || undefined}>
      <button type="button" className="k-project-file-name" onClick={() => openProjectFile(name)} title={`Edit ${name}`}>
        <code>{name}</code>
        <span className="k-project-role">{role}</span>
        {problems > 0 && (
          <span className="k-badge k-badge-error" aria-label={`${problems} problems`}>
            {problems}
          </span>
        )}
      </button>
      {order && (
        <span className="k-project-file-actions">
          <button
            type="button"
            className="k-btn k-btn-small k-btn-quiet"
            disabled={order.index === 0}
            aria-label={`Merge ${name} earlier`}
            onClick={() => moveSnippet(name, -1)}
          >
            ↑
          </button>
          <button
            type="button"
            className="k-btn k-btn-small k-btn-quiet"
            disabled={order.index === order.count - 1}
            aria-label={`Merge ${name} later`}
            onClick={() => moveSnippet(name, 1)}
          >
            ↓
          </button>
        </span>
      )}
      {role !== "main" && (
        <button type="button" className="k-btn k-btn-small k-btn-quiet" aria-label={`Remove ${name} from the project`} onClick={() => removeProjectFile(name)}>
          ✕
        </button>
      )}
    </li>
  );
}

function Origins() {
  const build = useStudioStore((s) => s.projectBuild);
  const [filter, setFilter] = useState("");
  const [all, setAll] = useState(false);
  const rows = useMemo(() => (build?.result?.origins ? originRows(build.result.origins, build.result.config) : []), [build]);
  const needle = filter.trim().toLowerCase();
  const shown = needle ? rows.filter((r) => r.label.toLowerCase().includes(needle) || r.file.toLowerCase().includes(needle)) : rows;
  return (
    <section className="k-project-section" aria-labelledby="k-project-origins">
      <h3 id="k-project-origins" className="k-project-heading">
        Where each entry comes from
      </h3>
      {rows.length === 0 ? (
        <p className="k-project-note">{build ? "No output to trace (see Problems)." : "Building…"}</p>
      ) : (
        <>
          <input
            className="k-project-filter"
            type="text"
            placeholder="Filter entries or files"
            aria-label="Filter entries"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
          />
          <ul className="k-project-origins" aria-label="Origins of the output's entries" data-testid="project-origins">
            {(all ? shown : shown.slice(0, ORIGINS_SHOWN)).map((r, i) => (
              <li key={i}>
                <button
                  type="button"
                  className="k-project-origin"
                  onClick={() => openProjectFile(r.file, r.line, r.column)}
                  title={`Open ${r.file} at line ${r.line}`}
                >
                  <code className="k-project-origin-entry">{r.label}</code>
                  <span className="k-project-origin-where">
                    {r.file}:{r.line}
                  </span>
                </button>
              </li>
            ))}
          </ul>
          {!all && shown.length > ORIGINS_SHOWN && (
            <button type="button" className="k-btn k-btn-small" onClick={() => setAll(true)}>
              Show all {shown.length}
            </button>
          )}
        </>
      )}
    </section>
  );
}

export function ProjectPanel() {
  const project = useStudioStore((s) => s.project);
  const build = useStudioStore((s) => s.projectBuild);
  const folder = useProjectFolder();
  const [busy, setBusy] = useState(false);
  const problemsByFile = useMemo(() => {
    const m = new Map<string, number>();
    for (const p of build ? projectProblems(build) : []) if (p.severity === "error") m.set(p.file, (m.get(p.file) ?? 0) + 1);
    return m;
  }, [build]);
  if (!project) return <p className="k-panel-empty">No project is open.</p>;
  const hosts = build?.hosts ?? [];
  const downloadAll = () => {
    setBusy(true);
    void downloadAllHosts().finally(() => setBusy(false));
  };

  return (
    <div className="k-project-panel" data-testid="project-panel">
      <div className="k-project-top">
        <h2 className="k-project-title">Project{project.origin && <span className="k-project-origin-name"> {project.origin}</span>}</h2>
        <div className="k-project-actions">
          {(canOpenFolders() || folder.handle) && (
            <button type="button" className="k-btn k-btn-small" onClick={() => void saveProjectToFolder()}>
              {folder.handle ? `Save to folder${folder.needsPermission ? "…" : ""}` : "Save to a folder…"}
            </button>
          )}
          <button type="button" className="k-btn k-btn-small" onClick={() => void exportProjectZip()}>
            Export .zip
          </button>
          <button type="button" className="k-btn k-btn-small k-btn-primary" disabled={busy} onClick={downloadAll}>
            {hosts.length > 0 ? `Download all ${hosts.length} hosts (.zip)` : "Download .ign (.zip)"}
          </button>
          <button
            type="button"
            className="k-btn k-btn-small k-btn-quiet"
            onClick={() => closeProjectKeepingDrafts((text, name) => getAutosave().keep(text, name))}
          >
            Close project
          </button>
        </div>
      </div>
      {folder.handle && folder.needsPermission && (
        <p className="k-project-note" data-testid="project-permission">
          Saving to the folder {folder.handle.name} needs your permission again (the browser asks when you save).
        </p>
      )}

      <section className="k-project-section" aria-labelledby="k-project-files">
        <h3 id="k-project-files" className="k-project-heading">
          Files <span className="k-project-note">snippets merge over the main config in this order; other files are in the Files tab</span>
        </h3>
        <ul className="k-project-files" aria-label="Project files">
          <FileRow name={project.main.name} role="main" active={project.active === project.main.name} problems={problemsByFile.get(project.main.name) ?? 0} />
          {project.snippets.map((s, i) => (
            <FileRow
              key={s.name}
              name={s.name}
              role={`snippet ${i + 1}`}
              active={project.active === s.name}
              problems={problemsByFile.get(s.name) ?? 0}
              order={{ index: i, count: project.snippets.length }}
            />
          ))}
          {project.hosts && (
            <FileRow
              name={project.hosts.name}
              role="hosts"
              active={project.active === project.hosts.name}
              problems={problemsByFile.get(project.hosts.name) ?? 0}
            />
          )}
        </ul>
        <div className="k-project-actions">
          <button type="button" className="k-btn k-btn-small" onClick={addSnippet}>
            Add snippet
          </button>
          {!project.hosts && (
            <button type="button" className="k-btn k-btn-small" onClick={addHostsTable}>
              Add hosts table
            </button>
          )}
        </div>
      </section>

      {hosts.length > 0 && (
        <section className="k-project-section">
          <label className="k-field">
            <span className="k-field-label">Host</span>
            <select aria-label="Host whose output is shown" value={build?.host ?? ""} onChange={(e) => selectHost(e.target.value)}>
              {hosts.map((h) => (
                <option key={h} value={h}>
                  {h}
                </option>
              ))}
            </select>
          </label>
          <span className="k-project-note"> the Ignition tab shows this host's output</span>
        </section>
      )}

      <Origins />
    </div>
  );
}

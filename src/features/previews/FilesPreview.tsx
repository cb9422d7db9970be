import type { JSX } from "react";
import { useShownCount } from "../../lib/show-more.tsx";
import type { ContentsView, FileEntryView, FilesView, FileTreeNode } from "./derive-files.ts";
import { EntryOriginTag } from "./OriginTag.tsx";
import type { OriginList } from "./origins.ts";

const LIST_OF: Record<FileEntryView["kind"], OriginList> = { file: "files", directory: "directories", link: "links" };

/** Files, directories and links as an indented tree table. */
export function FilesPreview({ view }: { view: FilesView }): JSX.Element {
  // Rows of the tree (implicit parent directories included) rendered per step.
  const [limit, more] = useShownCount(view.rows, 200, "entries");
  const [invalidShown, moreInvalid] = useShownCount(view.invalid.length, 200, "entries");
  if (view.roots.length === 0 && view.invalid.length === 0) {
    return <p className="kp-empty">No files, directories or links.</p>;
  }
  // Ownership is usually root everywhere; then one note replaces a column of "root:root".
  const showOwner = view.ownersVary;
  const columns = showOwner ? 4 : 3;
  const rows: JSX.Element[] = [];
  let left = limit;
  const walk = (nodes: FileTreeNode[], depth: number) => {
    for (const n of nodes) {
      if (left-- <= 0) return;
      rows.push(<Row key={n.path} node={n} depth={depth} showOwner={showOwner} />);
      const texts = previews(n.entry);
      if (texts.length > 0) rows.push(<PreviewRow key={`${n.path}\0preview`} texts={texts} depth={depth} columns={columns} />);
      walk(n.children, depth + 1);
    }
  };
  walk(view.roots, 0);
  return (
    <div className="kp-files">
      {rows.length > 0 ? (
        <div className="kp-scroll">
          <table className="kp-table kp-tree">
            <caption className="kp-sr">Files, directories and links</caption>
            <thead>
              <tr>
                <th scope="col">Path</th>
                <th scope="col">Mode</th>
                {showOwner ? <th scope="col">Owner</th> : null}
                <th scope="col">Contents</th>
              </tr>
            </thead>
            <tbody>{rows}</tbody>
          </table>
        </div>
      ) : null}
      {more}
      {rows.length > 0 && !showOwner ? <p className="kp-note">Everything is owned by root:root.</p> : null}
      {view.invalid.length > 0 ? (
        <div className="kp-block">
          <h3 className="kp-h3">Entries without an absolute path</h3>
          <ul className="kp-plain">
            {view.invalid.slice(0, invalidShown).map((e, i) => (
              <li key={i} className="kp-mono">
                {e.kind} {e.path === "" ? <span className="kp-dim">(no path)</span> : e.path}
              </li>
            ))}
          </ul>
          {moreInvalid}
        </div>
      ) : null}
    </div>
  );
}

/** Decoded text of the contents and appended fragments that can be shown inline. */
function previews(e: FileEntryView | null): { label: string; text: string; truncated: boolean }[] {
  if (e === null) return [];
  const out: { label: string; text: string; truncated: boolean }[] = [];
  const add = (c: ContentsView | null, label: string) => {
    const s = c?.source;
    if (s?.kind === "data" && s.text !== null && s.text !== "") out.push({ label, text: s.text, truncated: s.truncated });
  };
  add(e.contents, "contents");
  e.append.forEach((a, i) => add(a, e.append.length === 1 ? "appended text" : `appended text ${i + 1}`));
  return out;
}

const indent = (depth: number) => ({ paddingInlineStart: `${0.5 + depth * 1.1}rem` });

function Row(props: { node: FileTreeNode; depth: number; showOwner: boolean }): JSX.Element {
  const { node, depth, showOwner } = props;
  const e = node.entry;
  const isDir = node.kind === "directory" || node.kind === "implicit";
  const name = (depth === 0 ? "/" : "") + node.name + (isDir ? "/" : "");
  const hasPreview = previews(e).length > 0;
  return (
    <tr className={(node.kind === "implicit" ? "kp-implicit" : "") + (hasPreview ? " kp-has-preview" : "")} data-kind={node.kind}>
      <th scope="row" className="kp-mono kp-tree-name kp-long" style={indent(depth)}>
        <span title={node.path}>{name}</span>
        {e !== null && e.kind === "link" ? (
          <span>
            {" "}
            <span aria-label={e.hard ? "hard link to" : "symbolic link to"}>{e.hard ? "⇒" : "→"}</span>{" "}
            {e.target ?? <span className="kp-dim">(no target)</span>}
          </span>
        ) : null}
        {node.kind === "implicit" ? <span className="kp-sr"> (created implicitly)</span> : null}
        <Markers node={node} />
        {e !== null ? <EntryOriginTag list={LIST_OF[e.kind]} entryKey={node.path} /> : null}
      </th>
      <td className="kp-mono kp-nowrap">{e !== null ? <Mode e={e} /> : <span title="parent directory Ignition creates">drwxr-xr-x</span>}</td>
      {showOwner ? (
        <td className="kp-mono">
          <span className={e === null || e.ownerDefault ? "kp-dim" : undefined}>
            <Owner owner={e?.owner ?? "root:root"} />
          </span>
        </td>
      ) : null}
      <td className="kp-long">
        {e !== null && e.contents !== null ? <Contents c={e.contents} /> : null}
        {e !== null && e.append.length > 0 ? (
          <div>
            <span className="kp-badge kp-badge-first" data-tone="accent">
              +{e.append.length} append
            </span>
            {e.append.map((a, i) => (
              <div key={i} className="kp-append">
                <Contents c={a} />
              </div>
            ))}
          </div>
        ) : null}
      </td>
    </tr>
  );
}

/** A full-width row under a file with its decoded text, collapsed by default. */
function PreviewRow(props: { texts: { label: string; text: string; truncated: boolean }[]; depth: number; columns: number }): JSX.Element {
  return (
    <tr className="kp-preview-row">
      <td colSpan={props.columns} style={indent(props.depth + 1)}>
        {props.texts.map((t, i) => (
          <details key={i} className="kp-details">
            <summary className="kp-small">
              Show {t.label} <span className="kp-dim">({lines(t.text)})</span>
            </summary>
            <pre className="kp-pre">
              {t.text}
              {t.truncated ? "\n…" : ""}
            </pre>
          </details>
        ))}
      </td>
    </tr>
  );
}

function lines(s: string): string {
  const n = s.replace(/\n$/, "").split("\n").length;
  return `${n} line${n === 1 ? "" : "s"}`;
}

/** `user:group`, allowed to break after the colon in narrow panels. */
function Owner({ owner }: { owner: string }): JSX.Element {
  const i = owner.indexOf(":");
  if (i < 0) return <>{owner}</>;
  return (
    <>
      {owner.slice(0, i + 1)}
      <wbr />
      {owner.slice(i + 1)}
    </>
  );
}

function Mode({ e }: { e: FileEntryView }): JSX.Element {
  if (e.hard) return <span className="kp-dim">same as target</span>;
  if (e.mode === null) return <span className="kp-err">invalid ({String(e.invalidMode)})</span>;
  return (
    <span className={e.modeDefault ? "kp-dim" : undefined} title={e.octal !== null ? `${e.octal}${e.modeDefault ? " (default)" : ""}` : undefined}>
      {e.mode}
    </span>
  );
}

function Markers({ node }: { node: FileTreeNode }): JSX.Element | null {
  const e = node.entry;
  const out: JSX.Element[] = [];
  if (e?.overwrite === true)
    out.push(
      <span key="o" className="kp-badge" data-tone="warning">
        overwrite
      </span>,
    );
  if (e?.hard === true)
    out.push(
      <span key="h" className="kp-badge">
        hard link
      </span>,
    );
  if (node.duplicates > 0)
    out.push(
      <span key="d" className="kp-badge" data-tone="error">
        declared {node.duplicates + 1}×
      </span>,
    );
  if (node.conflict)
    out.push(
      <span key="c" className="kp-badge" data-tone="error">
        not a directory
      </span>,
    );
  return out.length > 0 ? <> {out}</> : null;
}

function Contents({ c }: { c: ContentsView }): JSX.Element {
  const s = c.source;
  return (
    <span>
      <span className={s === null ? "kp-dim" : s.kind === "invalid" ? "kp-err" : undefined}>{c.summary}</span>
      {s !== null && s.kind === "remote" ? <div className="kp-mono kp-dim">{s.url}</div> : null}
      {c.verification !== null ? <span className="kp-badge">{c.verification} verified</span> : null}
    </span>
  );
}

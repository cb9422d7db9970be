import type { JSX } from "react";
import { useShownCount } from "../../lib/show-more.tsx";
import type { UserView, UsersView } from "./derive-users.ts";
import { EntryOriginTag } from "./OriginTag.tsx";

/** Cards and table rows rendered per step (see show-more.tsx). */
const STEP = 100;

/**
 * Users (with SSH keys and whether a password is set) and groups. Never shows a hash. `empty`
 * says what the OS has without any (its default user, from the variant's facts).
 */
export function UsersPreview({ view, empty }: { view: UsersView; empty: string }): JSX.Element {
  const [users, moreUsers] = useShownCount(view.users.length, STEP, "users");
  const [groups, moreGroups] = useShownCount(view.groups.length, STEP, "groups");
  if (view.users.length === 0 && view.groups.length === 0) {
    return <p className="kp-empty">No users or groups. {empty}</p>;
  }
  return (
    <div className="kp-users">
      {view.users.length > 0 ? (
        <ul className="kp-cards" aria-label="Users">
          {view.users.slice(0, users).map((u, i) => (
            <User key={i} u={u} />
          ))}
        </ul>
      ) : null}
      {moreUsers}
      {view.groups.length > 0 ? (
        <div className="kp-block">
          <h3 className="kp-h3">Groups</h3>
          <div className="kp-scroll">
            <table className="kp-table">
              <caption className="kp-sr">Groups</caption>
              <thead>
                <tr>
                  <th scope="col">Group</th>
                  <th scope="col">GID</th>
                  <th scope="col">Password</th>
                </tr>
              </thead>
              <tbody>
                {view.groups.slice(0, groups).map((g, i) => (
                  <tr key={i}>
                    <th scope="row" className="kp-mono kp-long">
                      {g.name}
                      {g.system ? <span className="kp-badge">system</span> : null}
                      <EntryOriginTag list="groups" entryKey={g.name} />
                    </th>
                    <td className="kp-mono kp-nowrap">{g.gid ?? <span className="kp-dim">auto</span>}</td>
                    <td className="kp-nowrap">{g.passwordSet ? "set" : <span className="kp-dim">not set</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {moreGroups}
        </div>
      ) : null}
    </div>
  );
}

function User({ u }: { u: UserView }): JSX.Element {
  const keys = u.sshKeys.length;
  return (
    <li className="kp-card">
      <div className="kp-card-head">
        <span className="kp-mono kp-strong">{u.name}</span>
        {u.system ? <span className="kp-badge">system</span> : null}
        {u.passwordSet ? (
          <span className="kp-badge" data-tone="accent">
            password set
          </span>
        ) : (
          <span className="kp-badge">no password</span>
        )}
        <span className="kp-badge" data-tone={keys > 0 ? "accent" : undefined}>
          {keys} SSH key{keys === 1 ? "" : "s"}
        </span>
        <EntryOriginTag list="users" entryKey={u.name} />
      </div>
      <dl className="kp-fields">
        <div>
          <dt>UID</dt>
          <dd className="kp-mono">{u.uid ?? <span className="kp-dim">auto</span>}</dd>
        </div>
        <div>
          <dt>Groups</dt>
          <dd className="kp-mono">
            {u.primaryGroup !== null ? (
              <>
                {u.primaryGroup} <span className="kp-dim">(primary)</span>
                {u.groups.length > 0 ? ", " : null}
              </>
            ) : null}
            {u.groups.length > 0 ? u.groups.join(", ") : u.primaryGroup === null ? <span className="kp-dim">none</span> : null}
          </dd>
        </div>
        <div>
          <dt>Shell</dt>
          <dd className="kp-mono">{u.shell ?? <span className="kp-dim">default</span>}</dd>
        </div>
        {u.homeDir !== null ? (
          <div>
            <dt>Home</dt>
            <dd className="kp-mono">{u.homeDir}</dd>
          </div>
        ) : null}
      </dl>
      {keys > 0 ? (
        <ul className="kp-keys" aria-label={`SSH keys of ${u.name}`}>
          {u.sshKeys.map((k, j) => (
            <li key={j}>
              <span className="kp-badge">{k.algorithm ?? k.type ?? "unknown type"}</span>{" "}
              <span className="kp-mono">{k.comment ?? <span className="kp-dim">no comment</span>}</span>
              {k.options !== null ? <span className="kp-dim kp-mono"> options {k.options}</span> : null}
              {k.problem !== null ? <div className="kp-warn kp-small">{k.problem}</div> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}

/**
 * Users preview model from `passwd.users` / `passwd.groups`. Password hashes are reduced to
 * a boolean here, so they can never reach the UI.
 */
import { parseSshKey, type SshKeyInfo } from "./ssh-key.ts";
import { bool, field, ignitionOf, nonEmptyStr, records, safely, strings, uint } from "./shape.ts";

export interface UserView {
  name: string;
  uid: number | null;
  /** Supplementary groups. */
  groups: string[];
  primaryGroup: string | null;
  shell: string | null;
  homeDir: string | null;
  system: boolean;
  /** True when a password hash is configured (the hash itself is never kept). */
  passwordSet: boolean;
  sshKeys: SshKeyInfo[];
}

export interface GroupView {
  name: string;
  gid: number | null;
  system: boolean;
  passwordSet: boolean;
}

export interface UsersView {
  users: UserView[];
  groups: GroupView[];
}

export const emptyUsersView: UsersView = { users: [], groups: [] };

/** Derives the users preview; never throws, returns empty lists for anything unusable. */
export function deriveUsers(config: unknown): UsersView {
  return safely(() => derive(config), emptyUsersView);
}

function derive(config: unknown): UsersView {
  const passwd = field(ignitionOf(config), "passwd");
  const users: UserView[] = [];
  for (const u of records(passwd, "users")) {
    const name = nonEmptyStr(u, "name");
    if (name === null) continue;
    users.push({
      name,
      uid: uint(u, "uid"),
      groups: strings(u, "groups"),
      primaryGroup: nonEmptyStr(u, "primaryGroup"),
      shell: nonEmptyStr(u, "shell"),
      homeDir: nonEmptyStr(u, "homeDir"),
      system: bool(u, "system") === true,
      passwordSet: nonEmptyStr(u, "passwordHash") !== null,
      sshKeys: strings(u, "sshAuthorizedKeys")
        // An entry may hold several lines (e.g. a whole authorized_keys file).
        .flatMap((entry) => entry.split(/\r?\n/))
        .map((line) => line.trim())
        .filter((line) => line !== "" && !line.startsWith("#"))
        .map(parseSshKey),
    });
  }
  const groups: GroupView[] = [];
  for (const g of records(passwd, "groups")) {
    const name = nonEmptyStr(g, "name");
    if (name === null) continue;
    groups.push({
      name,
      gid: uint(g, "gid"),
      system: bool(g, "system") === true,
      passwordSet: nonEmptyStr(g, "passwordHash") !== null,
    });
  }
  return { users, groups };
}

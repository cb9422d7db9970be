/**
 * Variant field filters as data (Butane's `FieldFilters`): Ignition output paths a variant
 * rejects (dotted, list levels transparent, e.g. `storage.luks.clevis`) → upstream's message.
 * The registry gives each variant/version its filters; the translator reports set fields under
 * them, and the forms leave those fields out.
 */

/** Dotted output path → error message. */
export type FilterMap = ReadonlyMap<string, string>;

export const ERR_CLEVIS_SUPPORT = "clevis is not supported in this spec version";
export const ERR_CEX_NOT_SUPPORTED = "cex is not currently supported on the target platform";
export const ERR_GENERAL_KARGS_SUPPORT = "kernel argument customization is not supported in this spec version";
export const ERR_DISK_SUPPORT = "disk customization is not supported in this spec version";
export const ERR_FILESYSTEM_SUPPORT = "filesystem customization is not supported in this spec version";
export const ERR_LUKS_SUPPORT = "luks is not supported in this spec version";
export const ERR_RAID_SUPPORT = "raid is not supported in this spec version";

export const ERR_KARGS = "this section cannot be used for kernel arguments in this spec version; use openshift.kernel_arguments instead";
export const ERR_DIRECTORIES = "directories are not supported in this spec version";
export const ERR_LINKS = "links are not supported in this spec version";
export const ERR_FILE_APPEND = "appending to files is not supported in this spec version";
export const ERR_FILE_COMPRESSION = "file compression is not supported in this spec version";
export const ERR_FILE_HEADERS = "file HTTP headers are not supported in this spec version";
export const ERR_GROUPS = "groups are not supported in this spec version";
export const ERR_USER_FIELD = 'fields other than "name", "ssh_authorized_keys", and "password_hash" (4.13.0+) are not supported in this spec version';

export const NO_FILTERS: FilterMap = new Map();
/** flatcar before 1.2.0-experimental: no Clevis. */
export const FLATCAR_CLEVIS: FilterMap = new Map([["storage.luks.clevis", ERR_CLEVIS_SUPPORT]]);
/** flatcar 1.2.0-experimental: Clevis, but no IBM Crypto Express. */
export const FLATCAR_CEX: FilterMap = new Map([["storage.luks.cex", ERR_CEX_NOT_SUPPORTED]]);
/** r4e and fiot: no storage beyond files, no kernel arguments. */
export const EDGE: FilterMap = new Map([
  ["kernelArguments", ERR_GENERAL_KARGS_SUPPORT],
  ["storage.disks", ERR_DISK_SUPPORT],
  ["storage.filesystems", ERR_FILESYSTEM_SUPPORT],
  ["storage.luks", ERR_LUKS_SUPPORT],
  ["storage.raid", ERR_RAID_SUPPORT],
]);

const USER_FIELDS = ["gecos", "groups", "homeDir", "noCreateHome", "noLogInit", "noUserGroup", "primaryGroup", "shell", "shouldExist", "system", "uid"];

/** What an openshift version accepts beyond its shared filters. */
export interface OpenshiftFilterOptions {
  /** Kernel arguments only under `openshift.kernel_arguments` (4.14+). */
  kargsInOpenshiftOnly: boolean;
  /** `password_hash` for `core` (4.13+). */
  passwordHash: boolean;
  /** Compressed file contents (4.10+). */
  fileCompression: boolean;
}

/** An openshift version's filters, and the paths whose zero value counts as unset. */
export function openshiftFilters(o: OpenshiftFilterOptions): { filters: FilterMap; ignoreZero: ReadonlySet<string> } {
  const m = new Map<string, string>();
  if (o.kargsInOpenshiftOnly) m.set("kernelArguments", ERR_KARGS);
  m.set("passwd.groups", ERR_GROUPS);
  for (const f of USER_FIELDS) m.set(`passwd.users.${f}`, ERR_USER_FIELD);
  if (!o.passwordHash) m.set("passwd.users.passwordHash", ERR_USER_FIELD);
  m.set("storage.directories", ERR_DIRECTORIES);
  m.set("storage.files.append", ERR_FILE_APPEND);
  if (!o.fileCompression) m.set("storage.files.contents.compression", ERR_FILE_COMPRESSION);
  m.set("storage.files.contents.httpHeaders", ERR_FILE_HEADERS);
  m.set("storage.links", ERR_LINKS);
  return { filters: m, ignoreZero: new Set(o.fileCompression ? [] : ["storage.files.contents.compression"]) };
}

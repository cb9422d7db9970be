/**
 * Snippets for common blocks (a user, a file, a systemd unit, a disk with a partition and a
 * filesystem), as JSON Schema `defaultSnippets` (yaml-language-server and VS Code's YAML extension
 * offer them in completion). Each is built from the fields the spec version has, and left out when
 * a field it needs is missing (or the variant rejects it), so a snippet never inserts a key its
 * version rejects.
 *
 * Bodies use TextMate snippet syntax in string values (`${1:core}`); yaml-language-server writes
 * them as YAML, each string verbatim.
 *
 * Pure: no Node APIs.
 */
import type { SpecDesc } from "./kit.ts";
import type { VariantSpec } from "./variants.ts";

/**
 * Variants whose field filters reject `storage.disks` and `storage.filesystems` although their
 * schema has them (variants/filters.ts, EDGE): no disk snippet there.
 */
const NO_DISK_CUSTOMIZATION: ReadonlySet<string> = new Set(["r4e", "fiot"]);

/** The snippets' labels; the first three fill in a list item (after `- `), the disk adds keys. */
export const SNIPPET_LABELS = {
  user: "user with an SSH key",
  file: "file with inline contents",
  unit: "systemd service",
  disk: "disk with a partition and a filesystem",
} as const;

/** Labels of the snippets that fill in a new list item. */
export const ITEM_SNIPPET_LABELS: ReadonlySet<string> = new Set([SNIPPET_LABELS.user, SNIPPET_LABELS.file, SNIPPET_LABELS.unit]);

/** A snippet body: YAML structure whose strings are snippet text. */
export type SnippetBody = string | SnippetBody[] | { [key: string]: SnippetBody };

// A type alias, not an interface, so that it is assignable to JSON values.
export type Snippet = {
  label: string;
  description: string;
  body: SnippetBody;
  /** Sorts with the struct's own skeleton, ahead of its keys. */
  sortText?: string;
  /** LSP's CompletionItemKind.Snippet: a snippet icon in completion lists. */
  suggestionKind?: number;
};

const LSP_SNIPPET_KIND = 15;

/** Where a snippet is offered: the struct type (`PasswdUser`) whose value or keys it fills in. */
export type SnippetSite = string;

/** The type a field refers to (through lists), if it is a struct. */
function refOf(spec: SpecDesc, owner: string, key: string): string | undefined {
  let t = spec.types[owner]?.fields.find((f) => f.key === key)?.type;
  while (t?.kind === "list") t = t.item;
  return t?.kind === "ref" ? t.name : undefined;
}

/** Whether `owner` has every key (a key `a.b` follows the struct that `a` refers to). */
function has(spec: SpecDesc, owner: string | undefined, ...keys: string[]): boolean {
  return keys.every((k) => {
    const [first, ...rest] = k.split(".");
    if (owner === undefined || first === undefined || !spec.types[owner]?.fields.some((f) => f.key === first)) return false;
    return rest.length === 0 || has(spec, refOf(spec, owner, first), rest.join("."));
  });
}

/**
 * The snippets of a variant/version, by struct type: a user (`PasswdUser`), a file (`File`) and a
 * unit (`Unit`) are offered as the item of their list (after `- `); the disk (`Storage`) as keys
 * of `storage`.
 */
export function snippetsOf(vs: VariantSpec): Map<SnippetSite, Snippet[]> {
  const spec = vs.spec;
  const out = new Map<SnippetSite, Snippet[]>();
  const add = (site: SnippetSite, s: Snippet): void =>
    void out.set(site, [...(out.get(site) ?? []), { ...s, sortText: "_" + s.label, suggestionKind: LSP_SNIPPET_KIND }]);
  const user = refOf(spec, "Passwd", "users");
  if (user && has(spec, user, "name", "ssh_authorized_keys")) {
    add(user, {
      label: SNIPPET_LABELS.user,
      description: "A user who logs in with an SSH public key.",
      body: { name: "${1:core}", ssh_authorized_keys: ["${2:ssh-ed25519 AAAA... you@example.com}"] },
    });
  }
  const file = refOf(spec, "Storage", "files");
  if (file && has(spec, file, "path", "mode", "contents.inline")) {
    add(file, {
      label: SNIPPET_LABELS.file,
      description: "A file written with the given mode and contents.",
      body: { path: "${1:/etc/example.conf}", mode: "${2:0644}", contents: { inline: "${3:hello}" } },
    });
  }
  const unit = refOf(spec, "Systemd", "units");
  if (unit && has(spec, unit, "name", "enabled", "contents")) {
    add(unit, {
      label: SNIPPET_LABELS.unit,
      description: "A service unit, written and enabled.",
      body: {
        name: "${1:example}.service",
        enabled: "^true",
        contents:
          '"[Unit]\\nDescription=${2:Example service}\\n\\n[Service]\\nType=oneshot\\nExecStart=${3:/usr/bin/echo hello}\\n\\n[Install]\\nWantedBy=multi-user.target\\n"',
      },
    });
  }
  const disk = refOf(spec, "Storage", "disks");
  const fs = refOf(spec, "Storage", "filesystems");
  if (
    disk &&
    fs &&
    !NO_DISK_CUSTOMIZATION.has(vs.variant) &&
    has(spec, disk, "device", "wipe_table", "partitions.label", "partitions.number", "partitions.size_mib") &&
    has(spec, fs, "device", "format", "path")
  ) {
    const filesystem: Record<string, string> = {
      device: "/dev/disk/by-partlabel/${2:data}",
      format: "${3:xfs}",
      path: "${4:/var/data}",
    };
    if (has(spec, fs, "with_mount_unit")) filesystem.with_mount_unit = "^true";
    add("Storage", {
      label: SNIPPET_LABELS.disk,
      description: "Partitions a second disk and creates a filesystem on the partition" + (filesystem.with_mount_unit ? ", mounted at boot." : "."),
      body: {
        disks: [{ device: "${1:/dev/vdb}", wipe_table: "^false", partitions: [{ label: "${2:data}", number: "^1", size_mib: "^0" }] }],
        filesystems: [filesystem],
      },
    });
  }
  return out;
}

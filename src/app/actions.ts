/**
 * Actions that span features: replacing the document (keeping the replaced text as a draft),
 * opening files, share links and the other-tab notice.
 */
import { createDraftStore, type DraftStore } from "../features/autosave/drafts.ts";
import { addFiles, DEFAULT_MODE } from "../features/files/files.ts";
import { offerImport } from "../features/import/import-store.ts";
import { sniffConfig } from "../features/import/sniff.ts";
import { decodeShareFragment } from "../features/share/codec.ts";
import { templates } from "../features/templates/templates.ts";
import { MAX_SHARE_FRAGMENT, tooLargeForEditor, tooLargeMessage } from "../lib/size-limits.ts";
import { dismissNotice, loadDocument, notify, setOptions, setTab, Tab, useStudioStore } from "../store/store.ts";
import { DEFAULT_SOURCE } from "./default-config.ts";

let drafts: DraftStore | null = null;

/** The draft store (localStorage; an in-memory stand-in when storage is blocked). */
export function getDrafts(): DraftStore {
  if (drafts) return drafts;
  try {
    drafts = createDraftStore(window.localStorage, window.sessionStorage);
  } catch {
    const mem = new Map<string, string>();
    const local = {
      get length() {
        return mem.size;
      },
      key: (i: number) => [...mem.keys()][i] ?? null,
      getItem: (k: string) => mem.get(k) ?? null,
      setItem: (k: string, v: string) => void mem.set(k, v),
      removeItem: (k: string) => void mem.delete(k),
    };
    drafts = createDraftStore(local, { getItem: () => null, setItem: () => undefined });
    notify({
      id: "autosave",
      kind: "error",
      text: "This browser blocks local storage for this site: your edits will not be saved. Download the file to keep it.",
    });
  }
  return drafts;
}

/** Text the user has not written (empty, the welcome config, an untouched template): nothing to keep. */
function isPristine(source: string): boolean {
  return source.trim() === "" || source === DEFAULT_SOURCE || templates.some((t) => t.source === source);
}

/** Replaces the document; the replaced text stays available under "Recent drafts". */
export function replaceDocument(source: string, fileName: string | null): void {
  const s = useStudioStore.getState();
  if (s.source !== source && !isPristine(s.source)) getDrafts().fork(s.source, s.fileName);
  loadDocument(source, fileName);
}

const SOURCE_EXT = /\.(bu|butane|ya?ml|txt)$/i;
const IGNITION_EXT = /\.(ign|json)$/i;
/** Files larger than this are not read to look for something to import (a big .ign is a few MB). */
const MAX_IMPORT_INPUT = 64 * 1024 * 1024;

/** The first file that is an Ignition config, a MachineConfig or a Container Linux Config, read. */
async function findImportable(files: readonly File[]) {
  for (const file of files) {
    if (file.size > MAX_IMPORT_INPUT || !(IGNITION_EXT.test(file.name) || SOURCE_EXT.test(file.name) || /\.(clc|cl)$/i.test(file.name))) continue;
    const data = new Uint8Array(await file.arrayBuffer());
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(data);
    } catch {
      continue;
    }
    const sniffed = sniffConfig(text);
    if (sniffed) return { file, data, text, sniffed };
  }
  return null;
}

/**
 * Opens files chosen or dropped on the editor: an Ignition config (spec 2 or 3), a MachineConfig
 * or a Container Linux Config is offered for import as Butane (the import dialog, which can also
 * attach or open it as before); a Butane file (.bu/.yaml) becomes the document; another Ignition
 * file (.ign/.json) goes to the Files panel, where `ignition.config.merge`/`replace` can use it.
 */
export async function openFiles(files: readonly File[]): Promise<void> {
  const importable = await findImportable(files);
  const rest = importable ? files.filter((f) => f !== importable.file) : files;
  if (importable) offerImport({ name: importable.file.name, text: importable.text, sniffed: importable.sniffed, data: importable.data });
  const ign = rest.filter((f) => IGNITION_EXT.test(f.name));
  const bu = rest.filter((f) => !IGNITION_EXT.test(f.name));
  if (ign.length > 0) {
    addFiles(await Promise.all(ign.map(async (f) => ({ path: f.name, data: new Uint8Array(await f.arrayBuffer()), mode: DEFAULT_MODE }))));
    const names = ign.map((f) => f.name).join(", ");
    notify({
      id: "open-ign",
      kind: "info",
      text: `Added ${names} to the Files panel. Butane reads Ignition configs through a reference, e.g. ignition: { config: { merge: [ { local: ${ign[0]?.name ?? ""} } ] } }.`,
      actions: [{ label: "Show files", run: () => setTab(Tab.Files) }],
    });
  }
  const first = bu[0];
  if (!first || importable) return;
  if (bu.length > 1) notify({ id: "open-many", kind: "info", text: `Opened ${first.name}; Kindling edits one config at a time.` });
  if (tooLargeForEditor(first.size)) {
    notify({ id: "open-error", kind: "error", text: tooLargeMessage(first.name, first.size) });
    return;
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(await first.arrayBuffer());
  } catch {
    notify({ id: "open-error", kind: "error", text: `${first.name} is not a UTF-8 text file.` });
    return;
  }
  if (!SOURCE_EXT.test(first.name)) {
    notify({ id: "open-ext", kind: "info", text: `Opened ${first.name} as a Butane config.` });
  }
  dismissNotice("open-error");
  replaceDocument(text, first.name);
}

/** Clears the share fragment from the address bar without a navigation or a history entry. */
function clearFragment(): void {
  history.replaceState(history.state, "", window.location.pathname + window.location.search);
}

/**
 * Reads a share link in the address bar. With nothing of the user's to lose it opens at once;
 * otherwise the draft stays and a notice offers to open the shared config instead.
 */
export async function openShareLinkFromLocation(hasDraft: boolean): Promise<void> {
  const hash = window.location.hash;
  if (hash.length > MAX_SHARE_FRAGMENT) {
    clearFragment();
    notify({ id: "share", kind: "error", text: "This share link is too long to be one Kindling made; it was not opened. Your own draft is shown instead." });
    return;
  }
  const decoded = await decodeShareFragment(hash);
  if (decoded.kind === "none") return;
  if (decoded.kind === "config" && tooLargeForEditor(decoded.source.length)) {
    clearFragment();
    notify({ id: "share", kind: "error", text: tooLargeMessage("The config in this share link", decoded.source.length) });
    return;
  }
  if (decoded.kind === "error") {
    clearFragment();
    notify({ id: "share", kind: "error", text: `${decoded.message} Your own draft is shown instead.` });
    return;
  }
  const current = useStudioStore.getState().source;
  // A v2 link also carries Strict, Pretty and Raw; a v1 link leaves the recipient's options alone.
  const openShared = () => {
    clearFragment();
    if (decoded.options) setOptions(decoded.options);
    replaceDocument(decoded.source, null);
    dismissNotice("share");
  };
  if (!hasDraft || current === decoded.source || isPristine(current)) {
    openShared();
    return;
  }
  const lines = decoded.source.split("\n").length;
  notify({
    id: "share",
    kind: "info",
    text: `This link contains a shared config (${lines} lines). Your autosaved draft is still open. Open the shared config instead? Your draft stays under “Recent drafts”.`,
    actions: [
      { label: "Open shared config", run: openShared },
      {
        label: "Keep my draft",
        run: () => {
          clearFragment();
          dismissNotice("share");
        },
      },
    ],
  });
}

/**
 * A duplicated browser tab inherits its original's sessionStorage, so both would write one draft:
 * the newer tab asks on a BroadcastChannel whether its draft id is taken and, if so, takes a new one.
 */
function claimDraftId(): void {
  if (typeof BroadcastChannel === "undefined") return;
  const store = getDrafts();
  const channel = new BroadcastChannel("kindling-tabs");
  const nonce = Math.random().toString(36).slice(2);
  channel.onmessage = (e: MessageEvent<{ type: string; id: string; nonce: string }>) => {
    const m = e.data;
    if (m.type === "hello" && m.id === store.id && m.nonce !== nonce) {
      channel.postMessage({ type: "taken", id: m.id, nonce: m.nonce });
    } else if (m.type === "taken" && m.nonce === nonce) {
      store.renew();
      const s = useStudioStore.getState();
      store.save(s.source, s.fileName);
    }
  };
  channel.postMessage({ type: "hello", id: store.id, nonce });
}

/** Offers another tab's newer text when that tab saves (each tab autosaves its own draft). */
export function watchOtherTabs(): () => void {
  claimDraftId();
  const store = getDrafts();
  const ignored = new Set<string>();
  const onStorage = (e: StorageEvent) => {
    const d = store.changed(e.key);
    if (!d || d.id === store.id || ignored.has(d.id)) return;
    if (d.source === useStudioStore.getState().source) {
      dismissNotice("other-tab");
      return;
    }
    notify({
      id: "other-tab",
      kind: "info",
      text: `Another Kindling tab just saved a different version${d.fileName ? ` of ${d.fileName}` : ""}. This tab keeps its own draft unless you load that one.`,
      actions: [
        {
          label: "Load the other tab’s version",
          run: () => {
            dismissNotice("other-tab");
            const latest = store.list().find((x) => x.id === d.id) ?? d;
            replaceDocument(latest.source, latest.fileName);
          },
        },
        {
          label: "Keep this one",
          run: () => {
            ignored.add(d.id);
            dismissNotice("other-tab");
          },
        },
      ],
    });
  };
  window.addEventListener("storage", onStorage);
  return () => window.removeEventListener("storage", onStorage);
}

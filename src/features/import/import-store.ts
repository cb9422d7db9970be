/** The import offered for an opened or dropped file (at most one at a time). */
import { create } from "zustand";
import type { Sniffed } from "./sniff.ts";

export interface PendingImport {
  name: string;
  text: string;
  sniffed: Sniffed;
  /** The file's bytes, for "Add to Files" (Ignition configs referenced by merge/replace). */
  data: Uint8Array;
}

interface ImportState {
  pending: PendingImport | null;
}

export const useImportStore = create<ImportState>(() => ({ pending: null }));

export function offerImport(p: PendingImport): void {
  useImportStore.setState({ pending: p });
}

export function closeImport(): void {
  useImportStore.setState({ pending: null });
}

/**
 * What the quick fixes ask of the studio's UI: the Files panel to request a file, the fill-in
 * dialog to open. A small store of its own, so the panels need not load the fixes to read it.
 */
import { create } from "zustand";
import type { QuickFix } from "./types.ts";

export type FillFix = Extract<QuickFix, { kind: "fill" }>;

interface FixUi {
  /** The Files panel asks for this file (or folder); `seq` makes a repeated request distinct. */
  attach: { path: string; folder: boolean; seq: number } | null;
  /** The fill-in dialog is open for this fix. */
  fill: FillFix | null;
}

export const useFixUi = create<FixUi>()(() => ({ attach: null, fill: null }));

export function requestAttach(path: string, folder: boolean): void {
  useFixUi.setState((s) => ({ attach: { path, folder, seq: (s.attach?.seq ?? 0) + 1 } }));
}

export function clearAttach(): void {
  useFixUi.setState({ attach: null });
}

export function openFill(fix: FillFix): void {
  useFixUi.setState({ fill: fix });
}

export function closeFill(): void {
  useFixUi.setState({ fill: null });
}

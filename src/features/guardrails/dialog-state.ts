/** Which guardrail dialog is open (the pointer-config remedy), outside the studio store. */
import { create } from "zustand";

export const usePointerDialog = create<{ open: boolean }>()(() => ({ open: false }));

export const openPointerDialog = (): void => usePointerDialog.setState({ open: true });
export const closePointerDialog = (): void => usePointerDialog.setState({ open: false });

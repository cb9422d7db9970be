/**
 * Undo/redo on the editor's own stack from the forms: form edits land in Monaco's undo history
 * (the editor applies them with executeEdits), so Ctrl+Z in the forms undoes the last one there.
 */
export async function undoInEditor(redo = false): Promise<boolean> {
  const { activeSourceModel } = await import("../../editor/source-models.ts");
  const model = activeSourceModel();
  if (!model) return false;
  if (redo) await model.redo();
  else await model.undo();
  return true;
}

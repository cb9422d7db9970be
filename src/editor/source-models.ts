/**
 * The source editor's models. Outside a project there is one, SOURCE_URI. In a project each file
 * has its own (file:///project/<name>), made when the file is first put in the editor, so each
 * keeps its own undo history; the editor's view state (cursor, selections, scroll) of a file is
 * kept while another is shown. The models of a project go when it closes or another one opens,
 * and a file's when it is removed from the project.
 */
import { monaco, SOURCE_URI, withoutBracketPairs } from "./monaco.ts";

/** Where the models of project files live (monaco-yaml's schema matches this folder too). */
export const PROJECT_ROOT = "/project/";

export function projectFileUri(name: string): monaco.Uri {
  return monaco.Uri.from({ scheme: "file", path: PROJECT_ROOT + name });
}

/** What the editor shows: the single document (null) or project file `name` of opening `session`. */
export interface ModelKey {
  session: number;
  name: string;
}

export interface SourceModels {
  /** The model in the editor. */
  readonly active: monaco.editor.ITextModel;
  /**
   * Puts the model for `key` in the editor (made with `text` when new; an existing one whose text
   * differs gets `text` as one undoable edit). Drops the models of other project sessions.
   * Returns whether the editor's model changed.
   */
  show(key: ModelKey | null, text: string): boolean;
  /** Whether the editor shows the model for `key`. */
  showing(key: ModelKey | null): boolean;
  /** Disposes the models of project files not in `names`. */
  keepOnly(names: ReadonlySet<string>): void;
  dispose(): void;
}

let current: monaco.editor.ITextModel | null = null;

/** The model the source editor shows (null before it is created): markers, quick fixes and the forms' undo act on it. */
export function activeSourceModel(): monaco.editor.ITextModel | null {
  return current && !current.isDisposed() ? current : null;
}

function newModel(text: string, uri: monaco.Uri): monaco.editor.ITextModel {
  const model = withoutBracketPairs(monaco.editor.createModel(text, "yaml", uri));
  model.updateOptions({ tabSize: 2, insertSpaces: true });
  return model;
}

/**
 * The models of `editor` (created without a model); `replaceText` puts a text into a model
 * that is in the editor as an undoable edit.
 */
export function createSourceModels(
  editor: monaco.editor.IStandaloneCodeEditor,
  key: ModelKey | null,
  text: string,
  replaceText: (model: monaco.editor.ITextModel, text: string) => void,
): SourceModels {
  /** Project file models of session `session`, by file name. */
  const files = new Map<string, monaco.editor.ITextModel>();
  const views = new Map<monaco.editor.ITextModel, monaco.editor.ICodeEditorViewState | null>();
  let session = key?.session ?? 0;
  let shown: ModelKey | null = null;

  const modelFor = (k: ModelKey | null, initial: string): monaco.editor.ITextModel => {
    if (!k) return monaco.editor.getModel(SOURCE_URI) ?? newModel(initial, SOURCE_URI);
    let m = files.get(k.name);
    if (!m) {
      const uri = projectFileUri(k.name);
      // A model left behind under this URI (an editor torn down by a hot reload) starts afresh.
      monaco.editor.getModel(uri)?.dispose();
      m = newModel(initial, uri);
      files.set(k.name, m);
    }
    return m;
  };

  const drop = (m: monaco.editor.ITextModel) => {
    views.delete(m);
    m.dispose();
  };

  const same = (a: ModelKey | null, b: ModelKey | null) => a === b || (a !== null && b !== null && a.session === b.session && a.name === b.name);

  const show = (k: ModelKey | null, text: string): boolean => {
    if (same(k, shown) && current && !current.isDisposed()) return false;
    const leaving = editor.getModel();
    if (leaving) views.set(leaving, editor.saveViewState());
    // The project closed, or another one opened: its files' models go (once the editor has left them).
    const stale = !k || k.session !== session ? [...files.values()] : [];
    if (stale.length > 0) files.clear();
    if (k) session = k.session;
    const model = modelFor(k, text);
    shown = k ? { ...k } : null;
    current = model;
    if (editor.getModel() !== model) editor.setModel(model);
    const view = views.get(model);
    if (view) editor.restoreViewState(view);
    if (model.getValue() !== text) replaceText(model, text);
    stale.forEach(drop);
    return true;
  };

  show(key, text);

  return {
    get active() {
      return current!;
    },
    show,
    showing: (k) => same(k, shown),
    keepOnly(names) {
      for (const [name, m] of files) {
        if (names.has(name) || m === current) continue;
        files.delete(name);
        drop(m);
      }
    },
    dispose() {
      files.forEach(drop);
      files.clear();
      monaco.editor.getModel(SOURCE_URI)?.dispose();
      views.clear();
      current = null;
    },
  };
}

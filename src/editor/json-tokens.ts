/**
 * The output view's JSON language: colours (the themes' JSON key/value/keyword colours) and
 * bracket pairs from a small Monarch tokenizer on the main thread. The output is generated and
 * read-only, so Monaco's JSON language service (validation, folding, symbols; its own worker and
 * ~400 KB of script) would have nothing to do.
 */
import type * as Monaco from "monaco-editor/esm/vs/editor/editor.api.js";

export const JSON_LANGUAGE = "json";

export function registerJsonTokens(monaco: typeof Monaco): void {
  monaco.languages.register({ id: JSON_LANGUAGE, extensions: [".json", ".ign"], mimetypes: ["application/json"] });
  monaco.languages.setLanguageConfiguration(JSON_LANGUAGE, {
    brackets: [
      ["{", "}"],
      ["[", "]"],
    ],
  });
  monaco.languages.setMonarchTokensProvider(JSON_LANGUAGE, {
    tokenPostfix: ".json",
    tokenizer: {
      root: [
        [/"(?:[^"\\]|\\.)*"(?=\s*:)/, "string.key"],
        [/"(?:[^"\\]|\\.)*"/, "string.value"],
        [/-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/, "number"],
        [/\b(?:true|false|null)\b/, "keyword"],
        [/[{}[\]]/, "delimiter.bracket"],
        [/[,:]/, "delimiter"],
        [/\s+/, "white"],
      ],
    },
  });
}

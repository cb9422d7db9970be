/** A draft's name in lists and notices: its file name, else its first comment, else "Untitled draft". */
export function draftTitle(source: string, fileName: string | null): string {
  return (fileName ?? /^#\s*(\S.*)$/m.exec(source)?.[1] ?? "Untitled draft").slice(0, 60);
}

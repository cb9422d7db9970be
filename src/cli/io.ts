/** Where the CLI reads stdin and writes its two streams (the real process, or a test's buffers). */
export interface CliIo {
  stdin: () => Buffer;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

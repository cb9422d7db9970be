import { describe, expect, it } from "vitest";
import { setVariantVersion } from "./header-lines.ts";

describe("setVariantVersion", () => {
  it.each([
    {
      name: "replaces both",
      input: "variant: fcos\nversion: 1.6.0\npasswd: {}\n",
      want: "variant: flatcar\nversion: 1.1.0\npasswd: {}\n",
    },
    {
      name: "keeps comments and quotes style",
      input: "# my server\nvariant: 'fcos'   # distro\nversion: \"1.5.0\"\n",
      want: "# my server\nvariant: flatcar   # distro\nversion: 1.1.0\n",
    },
    { name: "inserts when missing", input: "passwd: {}\n", want: "variant: flatcar\nversion: 1.1.0\npasswd: {}\n" },
    {
      name: "inserts version after variant",
      input: "# c\nvariant: fcos\nstorage: {}\n",
      want: "# c\nvariant: flatcar\nversion: 1.1.0\nstorage: {}\n",
    },
    { name: "empty document", input: "", want: "variant: flatcar\nversion: 1.1.0\n" },
    {
      name: "ignores nested keys",
      input: "variant: fcos\nversion: 1.6.0\nx:\n  version: 9\n",
      want: "variant: flatcar\nversion: 1.1.0\nx:\n  version: 9\n",
    },
    { name: "no final newline", input: "variant: fcos", want: "variant: flatcar\nversion: 1.1.0\n" },
  ])("$name", ({ input, want }) => {
    expect(setVariantVersion(input, "flatcar", "1.1.0")).toBe(want);
  });
});

import { describe, expect, it } from "vitest";
import { problemsOf } from "../../store/problems.ts";
import { listSpecs, transpile, type Finding } from "../../transpiler/index.ts";
import { REDACTED_TEXT } from "../../transpiler/lint/placeholders.ts";
import { findSecrets, REDACTED, redactSecrets } from "../share/secrets.ts";
import { failureHelp, withFailureHelp } from "./failure-help.ts";
import { fillEdits } from "./fill.ts";
import { fixContext, fixesFor, targetOf } from "./registry.ts";
import { applyEdits } from "./text.ts";
import type { QuickFix } from "./types.ts";

const fcos = (body: string, version = "1.6.0") => `variant: fcos\nversion: ${version}\n${body}`;

/** The fixes for the first problem whose message matches `match`. */
function fixesOf(source: string, match: RegExp | string): QuickFix[] {
  const result = transpile(source, { lint: true });
  const rows = withFailureHelp(problemsOf(result), source);
  const row = rows.find((r) => (typeof match === "string" ? r.finding?.code === match : match.test(r.message)));
  if (!row) throw new Error(`no problem ${String(match)} in: ${rows.map((r) => r.message).join(" | ")}`);
  return fixesFor(fixContext(source, targetOf(row), result.variant, result.version));
}

/** The text after the first (preferred) edit fix, and the problems left. */
function applyFirst(source: string, match: RegExp | string): { text: string; messages: string[] } {
  const fix = fixesOf(source, match)[0];
  if (fix?.kind !== "edit") throw new Error(`no edit fix: ${JSON.stringify(fix)}`);
  const text = applyEdits(source, fix.edits);
  const r = transpile(text);
  return { text, messages: [...r.diagnostics.map((d) => d.message), ...(r.failure ? [r.failure] : [])] };
}

describe("octal modes", () => {
  it("writes 644 as 0644, keeping the comment after it", () => {
    const src = fcos("storage:\n  files:\n    - path: /etc/a\n      mode: 644 # rw-r--r--\n");
    const { text, messages } = applyFirst(src, /unreasonable mode/);
    expect(text).toBe(src.replace("mode: 644", "mode: 0644"));
    expect(messages).toEqual([]);
  });
});

describe("relative paths", () => {
  it("makes a file path absolute and a bare device name a /dev path", () => {
    expect(applyFirst(fcos("storage:\n  files:\n    - path: etc/motd\n"), /not absolute/).text).toContain("- path: /etc/motd\n");
    const disk = fcos("storage:\n  filesystems:\n    - device: sdb1\n      format: ext4\n");
    expect(applyFirst(disk, /not absolute/).text).toContain("- device: /dev/sdb1\n");
  });

  it("writes a simplified path (./ and .. resolved)", () => {
    const { text, messages } = applyFirst(fcos("storage:\n  files:\n    - path: ./etc/x/../motd\n"), /not absolute/);
    expect(text).toContain("path: /etc/motd\n");
    expect(messages).toEqual([]);
  });
});

describe("tabs", () => {
  it("indents a tab-indented config with spaces, one edit per line", () => {
    const src = "variant: fcos\nversion: 1.6.0\nstorage:\n\tfiles:\n\t\t- path: /etc/a\n\t\t  mode: 0644\n";
    const fix = fixesOf(src, /cannot start any token/)[0];
    expect(fix?.kind === "edit" && fix.edits.length).toBe(3);
    const { text, messages } = applyFirst(src, /cannot start any token/);
    expect(text).toBe("variant: fcos\nversion: 1.6.0\nstorage:\n  files:\n    - path: /etc/a\n      mode: 0644\n");
    expect(messages).toEqual([]);
  });

  it("picks the tab width that keeps a mixed line where it belongs", () => {
    // The tab stands for the 6 columns of `mode` under `- path`: width 2 would make it a storage key.
    const src = fcos("storage:\n  files:\n    - path: /etc/a\n\t\t\tmode: 0644\n");
    const { text, messages } = applyFirst(src, /tab character/);
    expect(text).toContain("    - path: /etc/a\n      mode: 0644\n");
    expect(messages).toEqual([]);
  });

  it("leaves tabs inside file contents alone", () => {
    const src = fcos("storage:\n  files:\n    - path: /etc/Makefile\n      contents:\n        inline: |\n          all:\n          \techo hi\n\tmode: 0644\n");
    const { text } = applyFirst(src, /tab character|cannot start/);
    expect(text).toContain("          \techo hi\n");
  });

  it("marks the tab itself, with a hint", () => {
    const src = "variant: fcos\nversion: 1.6.0\nstorage:\n  files:\n  \t- path: /a\n";
    const rows = withFailureHelp(problemsOf(transpile(src)), src);
    expect(rows[0]).toMatchObject({ line: 5, column: 3 });
    expect(rows[0]?.hint).toMatch(/tabs for indentation/);
  });
});

describe("unknown keys", () => {
  it("offers the nearest key of that position first: pasword_hash → password_hash", () => {
    const src = fcos("passwd:\n  users:\n    - name: core\n      pasword_hash: $6$abc\n");
    expect(fixesOf(src, /unused key/)[0]?.title).toBe("Did you mean password_hash?");
    const { text, messages } = applyFirst(src, /unused key/);
    expect(text).toContain("      password_hash: $6$abc\n");
    expect(messages).toEqual([]);
  });

  it("reads Ignition's camelCase as the snake_case key, and keeps a quoted key quoted", () => {
    expect(applyFirst(fcos('passwd:\n  users:\n    - name: core\n      "sshAuthorizedKeys": [a]\n'), /unused key/).text).toContain(
      '"ssh_authorized_keys": [a]',
    );
  });

  it("does not suggest a key the mapping already has", () => {
    const src = fcos("storage:\n  files:\n    - path: /a\n      paht: /b\n");
    expect(fixesOf(src, /unused key/).map((f) => f.title)).not.toContain("Did you mean path?");
  });

  it("names the version a key needs and switches to it", () => {
    const src = fcos("kernel_arguments:\n  should_exist: [quiet]\n", "1.3.0");
    const fixes = fixesOf(src, /unused key kernel_arguments/);
    expect(fixes[0]?.title).toBe("kernel_arguments needs fcos ≥ 1.4.0: switch to version 1.4.0");
    const { text, messages } = applyFirst(src, /unused key kernel_arguments/);
    expect(text).toContain("version: 1.4.0\n");
    expect(messages).toEqual([]);
  });

  it("offers removing the key last, and never for a merge key", () => {
    const src = fcos("foo: 1\n");
    expect(fixesOf(src, /unused key foo/).map((f) => f.title)).toEqual(["Remove the unused key foo"]);
    expect(applyFirst(src, /unused key foo/).text).toBe(fcos(""));
  });
});

describe("unknown versions", () => {
  it("offers the newest stable version before the requested one first", () => {
    const fixes = fixesOf(fcos("", "1.9.0"), /No translator/);
    expect(fixes.map((f) => f.title)[0]).toBe("Use fcos 1.7.0");
    expect(applyFirst(fcos("", "1.9.0"), /No translator/).messages).toEqual([]);
  });

  it("offers the variant an OpenShift version belongs to", () => {
    expect(fixesOf(fcos("", "4.14.0"), /No translator/).map((f) => f.title)).toContain("Use variant openshift (openshift 4.14.0)");
  });

  it("reads a misspelt variant", () => {
    expect(fixesOf("variant: FCOS\nversion: 1.6.0\n", /No translator/)[0]?.title).toBe("Use variant fcos (fcos 1.6.0)");
  });

  it("completes a short version and adds a missing one", () => {
    expect(applyFirst("variant: fcos\nversion: 1.5\n", /semver/).text).toBe("variant: fcos\nversion: 1.5.0\n");
    expect(applyFirst("variant: fcos\n", /semver/).messages).toEqual([]);
  });

  it("marks the version line and lists the supported versions", () => {
    const src = "# mine\nvariant: fcos\nversion: 1.9.0\n";
    const help = failureHelp(src, transpile(src).failure ?? "");
    expect(help).toMatchObject({ line: 3, column: 10 });
    const fcos = listSpecs().filter((s) => s.variant === "fcos");
    const stable = fcos.filter((s) => !s.experimental).map((s) => s.version);
    const experimental = fcos.filter((s) => s.experimental).map((s) => s.version);
    expect(help?.hint).toBe(`Supported fcos versions: ${stable.join(", ")} (experimental: ${experimental.join(", ")}).`);
  });
});

describe("[Install] for enabled units", () => {
  const unit = (contents: string, name = "a.service") => fcos(`systemd:\n  units:\n    - name: ${name}\n      enabled: true\n      contents: ${contents}`);

  it("adds the section inside a literal block, at its indentation, chomping kept", () => {
    for (const chomp of ["|", "|-", "|+"]) {
      const src = unit(`${chomp}\n        [Service]\n        ExecStart=/bin/true\n\n# after\n`);
      const { text, messages } = applyFirst(src, /no install section/);
      expect(text).toBe(src.replace("ExecStart=/bin/true\n", "ExecStart=/bin/true\n\n        [Install]\n        WantedBy=multi-user.target\n"));
      expect(messages).toEqual([]);
    }
  });

  it("keeps a folded block's lines apart", () => {
    const src = unit(">\n        [Service]\n\n        ExecStart=/bin/true\n");
    const { text, messages } = applyFirst(src, /no install section/);
    expect(messages).toEqual([]);
    expect(text.endsWith("ExecStart=/bin/true\n\n\n        [Install]\n\n        WantedBy=multi-user.target\n")).toBe(true);
  });

  it("rewrites a quoted one-line unit, and wants a timer by timers.target", () => {
    const { text, messages } = applyFirst(unit('"[Timer]\\nOnCalendar=daily\\n"\n', "a.timer"), /no install section/);
    expect(messages).toEqual([]);
    expect(text).toContain("WantedBy=timers.target");
  });

  it("adds WantedBy under an empty [Install] header", () => {
    const src = unit("|\n        [Service]\n        ExecStart=/bin/true\n        [Install]\n");
    expect(applyFirst(src, /no install section/).text).toContain("        [Install]\n        WantedBy=multi-user.target\n");
  });
});

describe("OpenShift metadata", () => {
  it("inserts the metadata block after version", () => {
    const src = "variant: openshift\nversion: 4.14.0\n# files\nstorage:\n  files:\n    - path: /etc/a\n";
    const fixes = fixesOf(src, /metadata\.name is required/);
    expect(fixes.map((f) => f.title)).toEqual(["Add metadata (name 99-worker-custom, role worker)", "Add metadata (name 99-master-custom, role master)"]);
    const { text, messages } = applyFirst(src, /metadata\.name is required/);
    expect(text).toBe(
      "variant: openshift\nversion: 4.14.0\nmetadata:\n  name: 99-worker-custom\n  labels:\n    machineconfiguration.openshift.io/role: worker\n# files\nstorage:\n  files:\n    - path: /etc/a\n",
    );
    expect(messages).toEqual([]);
  });

  it("adds only the role label when the name is there", () => {
    const src = "variant: openshift\nversion: 4.14.0\nmetadata:\n  name: x\n";
    const { text, messages } = applyFirst(src, /role label is required/);
    expect(text).toContain("  labels:\n    machineconfiguration.openshift.io/role: worker\n");
    expect(messages).toEqual([]);
  });
});

describe("other fixes", () => {
  it("offers to attach a missing local file at its path", () => {
    const src = fcos("storage:\n  files:\n    - path: /etc/a\n      contents:\n        local: ./conf/a.txt\n");
    const result = transpile(src, {
      files: {
        root: "files",
        read: () => ({ ok: false, error: "not-found" }),
        lstat: () => ({ ok: false, error: "not-found" }),
        readdir: () => ({ ok: false, error: "not-found" }),
      },
    });
    const row = problemsOf(result).find((r) => /no such file/.test(r.message));
    expect(row).toBeDefined();
    const fixes = fixesFor(fixContext(src, targetOf(row!), result.variant, result.version));
    expect(fixes).toEqual([{ kind: "attach", title: "Attach conf/a.txt…", path: "conf/a.txt", folder: false }]);
  });

  it("sets the boot_device layout, x86_64 first", () => {
    const src = fcos("boot_device:\n  mirror:\n    devices: [/dev/sda, /dev/sdb]\n");
    expect(fixesOf(src, /layout should be specified/).map((f) => f.title)).toEqual([
      "Set boot_device.layout: x86_64 (the default)",
      "Set boot_device.layout: aarch64",
      "Set boot_device.layout: ppc64le",
    ]);
    expect(applyFirst(src, /layout should be specified/).messages).toEqual([]);
  });

  it("jumps from a duplicate to the other entry", () => {
    const src = fcos("storage:\n  directories:\n    - path: /etc/x\n  files:\n    - path: /etc/y\n    - path: /etc/x\n");
    expect(fixesOf(src, /duplicate entry/)).toEqual([{ kind: "reveal", title: "Go to the other entry (line 5)", line: 5, column: 7 }]);
  });
});

describe("placeholders", () => {
  const redacted = fcos(
    "passwd:\n  users:\n    - name: core\n      password_hash: REDACTED\n      ssh_authorized_keys:\n        - ssh-ed25519 REDACTED me@laptop\n" +
      "storage:\n  files:\n    - path: /etc/key.pem\n      contents:\n        inline: |\n          -----BEGIN PRIVATE KEY-----\n          REDACTED\n          -----END PRIVATE KEY-----\n",
  );

  it("finds each redacted value with its kind and position", () => {
    const findings = transpile(redacted, { lint: true }).findings ?? [];
    expect(findings.map((f) => [f.code, f.data?.kind, f.line, f.column, f.endColumn])).toEqual([
      ["placeholder-redacted", "password-hash", 6, 22, 30],
      ["placeholder-redacted", "ssh-key", 8, 23, 31],
      ["placeholder-redacted", "private-key", 15, 11, 19],
    ]);
    expect(transpile(redacted).findings).toBeUndefined();
  });

  it("fills each in: a hash, a pasted key, a private key body; then none is left", () => {
    let text = redacted;
    const values = {
      "password-hash": "$6$salt$hash",
      "ssh-key": "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcH me@laptop",
      "private-key": "-----BEGIN PRIVATE KEY-----\nMIIEv\nQIBAD\n-----END PRIVATE KEY-----",
    } as const;
    for (let guard = 0; guard < 5; guard++) {
      const rows = problemsOf(transpile(text, { lint: true })).filter((r) => r.finding?.code === "placeholder-redacted");
      const row = rows[0];
      if (!row) break;
      const fix = fixesFor(fixContext(text, targetOf(row), "fcos", "1.6.0"))[0];
      if (fix?.kind !== "fill") throw new Error("no fill fix");
      const edits = fillEdits(text, fix.target, fix.what, values[fix.what as keyof typeof values]);
      text = applyEdits(text, edits ?? []);
    }
    expect(transpile(text, { lint: true }).findings).toEqual([]);
    expect(text).toContain("      password_hash: $6$salt$hash\n");
    expect(text).toContain("        - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcH me@laptop\n");
    expect(text).toContain("          -----BEGIN PRIVATE KEY-----\n          MIIEv\n          QIBAD\n          -----END PRIVATE KEY-----\n");
  });

  it("finds every value the share dialog redacts", () => {
    const secret = fcos(
      "passwd:\n  users:\n    - name: core\n      password_hash: $6$rounds=4096$abcdefgh$0123456789abcdef\n      ssh_authorized_keys:\n        - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcH me@laptop\n        - ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQCcorpus2 other\n",
    );
    expect(REDACTED_TEXT).toBe(REDACTED);
    const shared = redactSecrets(secret);
    const findings = (transpile(shared, { lint: true }).findings ?? []).filter((f) => f.code === "placeholder-redacted");
    expect(findings).toHaveLength(findSecrets(secret).length);
    expect(findings.map((f) => f.data?.kind)).toEqual(["password-hash", "ssh-key", "ssh-key"]);
  });

  it("takes REDACTED only as the share dialog writes it: a word alone", () => {
    const own = fcos(
      "storage:\n  files:\n    - path: /etc/kubeconfig\n      contents:\n        inline: |\n          token: REDACTED-NOT-A-REAL-TOKEN\n          other: MY_REDACTED\n",
    );
    expect((transpile(own, { lint: true }).findings ?? []).filter((f) => f.code === "placeholder-redacted")).toEqual([]);
    const shared = fcos("storage:\n  files:\n    - path: /etc/kubeconfig\n      contents:\n        inline: |\n          token: REDACTED\n");
    expect((transpile(shared, { lint: true }).findings ?? []).filter((f) => f.code === "placeholder-redacted")).toHaveLength(1);
  });

  it("reports the welcome config's and the templates' example keys, not real ones", () => {
    const example = fcos(
      "passwd:\n  users:\n    - name: core\n      ssh_authorized_keys:\n        - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI... user@example\n        - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcH real@host\n",
    );
    const findings = transpile(example, { lint: true }).findings ?? [];
    expect(findings.map((f) => [f.code, f.path.join(".")])).toEqual([["placeholder-example-key", "passwd.users.0.ssh_authorized_keys.0"]]);
    expect(fixesOf(example, "placeholder-example-key").map((f) => f.title)).toEqual(["Paste a public key…"]);
  });
});

describe("fixes for Kindling's systemd findings", () => {
  it.each(["systemd-unknown-directive", "quadlet-unknown-key"])("%s: replaces the name with a suggestion, by the finding's code and data", (code) => {
    const src = fcos("systemd:\n  units:\n    - name: a.service\n      contents: |\n        [Service]\n        ExecStar=/bin/true\n");
    const finding: Finding = {
      code,
      severity: "warning",
      path: ["systemd", "units", 0, "contents"],
      line: 8,
      column: 9,
      endLine: 8,
      endColumn: 17,
      message: "Unknown directive ExecStar in [Service]",
      data: { suggestions: ["ExecStart", "ExecStop"] },
    };
    const target = targetOf({ finding, severity: "warning", message: finding.message, path: "", line: 8, column: 9, failure: false });
    const fixes = fixesFor(fixContext(src, target, "fcos", "1.6.0"));
    expect(fixes.map((f) => f.title)).toEqual(["Did you mean ExecStart?", "Did you mean ExecStop?"]);
    const first = fixes[0];
    expect(first?.kind === "edit" && applyEdits(src, first.edits)).toContain("        ExecStart=/bin/true\n");
  });
});

/** The library's typed configs: their YAML is Butane's, and they transpile as that YAML does. */
import { describe, expect, it } from "vitest";
import { transpile } from "../transpiler/index.ts";
import { toButaneYaml, transpileObject, type ButaneConfig } from "./index.ts";

const fcos: ButaneConfig<"fcos", "1.6.0"> = {
  variant: "fcos",
  version: "1.6.0",
  passwd: { users: [{ name: "core", ssh_authorized_keys: ["ssh-ed25519 AAAA"] }] },
  storage: { files: [{ path: "/etc/motd", mode: 0o644, contents: { inline: "hello\nworld\n" } }] },
};

describe("typed configs", () => {
  it("toButaneYaml writes block YAML with variant and version first and octal modes", () => {
    expect(toButaneYaml(fcos)).toBe(
      [
        "variant: fcos",
        "version: 1.6.0",
        "passwd:",
        "  users:",
        "    - name: core",
        "      ssh_authorized_keys:",
        "        - ssh-ed25519 AAAA",
        "storage:",
        "  files:",
        "    - path: /etc/motd",
        "      mode: 0644",
        "      contents:",
        "        inline: |",
        "          hello",
        "          world",
        "",
      ].join("\n"),
    );
  });

  it("transpileObject gives the Ignition config of the same YAML", () => {
    const r = transpileObject(fcos, { pretty: true });
    expect(r.failure).toBeUndefined();
    expect(r.output).toBe(transpile(toButaneYaml(fcos), { pretty: true }).output);
    const ign = r.config as { storage: { files: { mode: number }[] }; passwd: { users: { name: string }[] } };
    expect(ign.storage.files[0]?.mode).toBe(0o644);
    expect(ign.passwd.users[0]?.name).toBe("core");
  });

  it("openshift configs become a MachineConfig; upstream's errors come through", () => {
    const os: ButaneConfig<"openshift", "4.18.0"> = {
      variant: "openshift",
      version: "4.18.0",
      metadata: { name: "99-worker", labels: { "machineconfiguration.openshift.io/role": "worker" } },
      openshift: { fips: true },
    };
    const r = transpileObject(os);
    expect(r.outputFormat).toBe("yaml");
    expect(r.output).toContain("kind: MachineConfig");
    const bad = transpileObject({ variant: "flatcar", version: "1.1.0", storage: { files: [{ path: "rel" }] } });
    expect(bad.failure).toBe("Error translating config: config generated was invalid");
    expect(bad.diagnostics.map((d) => d.message)).toEqual(["path not absolute"]);
  });

  it("an unknown version is reported as Butane reports it", () => {
    const r = transpileObject({ variant: "fcos", version: "9.9.9" } as unknown as ButaneConfig<"fcos", "1.6.0">);
    expect(r.failure).toBeDefined();
    expect(r.output).toBeNull();
  });
});

/** The document a first visit starts with: a small valid fcos config at the default spec. */
import { listSpecs } from "../transpiler/versions.ts";
import { findTarget, newestAcceptedVersion } from "../transpiler/lint/targets.ts";

/**
 * New configs use the newest stable fcos spec whose Ignition output Fedora CoreOS *stable* reads:
 * a config written today must boot on the stream most machines run. It is derived from the target
 * table (src/transpiler/lint/targets.ts, row `fcos-stable`: Ignition 2.26.0, which reads specs up
 * to 3.6.0; checked 2026-12-02 against coreos/fedora-coreos-config#4020 and #4070 and coreos/ignition's
 * release notes), which gives fcos 1.7.0 (Ignition spec 3.6.0). Fedora's packaged
 * `coreos-installer iso customize` does not read 3.6.0 yet (coreos-installer#1749); the target
 * picker's `coreos-installer` row reports that for configs embedded that way.
 */
export const DEFAULT_SPEC: { variant: string; version: string } = (() => {
  const stable = findTarget("fcos-stable");
  const newest = stable ? newestAcceptedVersion(listSpecs(), "fcos", stable) : undefined;
  return { variant: "fcos", version: newest?.version ?? "1.6.0" };
})();

export const DEFAULT_SOURCE = `# Welcome to Kindling: edit this config, see Ignition on the right.
variant: ${DEFAULT_SPEC.variant}
version: ${DEFAULT_SPEC.version}
passwd:
  users:
    - name: core
      ssh_authorized_keys:
        - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKindlingExampleKeyReplaceWithYourOwn0000 you@example.com
storage:
  files:
    - path: /etc/hostname
      mode: 0644
      contents:
        inline: kindling-demo
`;

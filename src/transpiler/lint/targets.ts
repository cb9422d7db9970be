/**
 * Which Ignition config spec versions each target machine (or tool) accepts: one dated table,
 * every row with its source. An Ignition that meets a config version it does not know fails the
 * boot ("unsupported config version"), so this is checked before the config leaves the studio.
 *
 * Kindling cannot browse the web: the rows were checked on 2026-12-02 against stored copies of
 * the sources named in each row (release notes, package build files, lockfiles, issue threads).
 * `verified` rows read the accepted version (or the shipped Ignition release) straight from the
 * source; `inferred` rows combine sources (e.g. "package X was fast-tracked into testing on date
 * D" + "stable follows testing two weeks later") and say so in `note`.
 */
import { compareSemver } from "./semver.ts";

export interface TargetRow {
  /** Stable id (preferences, `kindling --target`), e.g. `fcos-stable`. */
  id: string;
  label: string;
  group: "Fedora CoreOS" | "RHEL CoreOS (OpenShift)" | "Flatcar" | "RHEL for Edge" | "Fedora IoT" | "Tools";
  /** The Ignition release it ships (when known), e.g. `2.26.0`. */
  ignition?: string;
  /** Newest stable Ignition spec version it accepts. */
  maxSpec: string;
  /** The experimental spec version it also accepts, if any. */
  experimental?: string;
  /** When the row was last checked against its sources (ISO date). */
  checked: string;
  verified: "verified" | "inferred";
  /** Where the facts come from (URLs, most direct first). */
  sources: readonly string[];
  /** What the sources say and, for inferred rows, how the row follows from them. */
  note: string;
}

/**
 * First Ignition release that accepts each stable spec (coreos/ignition docs/specs.md,
 * "Specification versions and Ignition releases", and docs/release-notes.md; read 2026-12-02 from
 * the repository's main branch as of 2026-07-23).
 */
export const SPEC_FIRST_IGNITION: readonly (readonly [spec: string, ignition: string])[] = [
  ["3.0.0", "2.0.0"],
  ["3.1.0", "2.3.0"],
  ["3.2.0", "2.7.0"],
  ["3.3.0", "2.11.0"],
  ["3.4.0", "2.15.0"],
  ["3.5.0", "2.20.0"],
  ["3.6.0", "2.26.0"],
];
const IGNITION_SPECS_SOURCE = "https://github.com/coreos/ignition/blob/main/docs/specs.md";
const IGNITION_NOTES_SOURCE = "https://github.com/coreos/ignition/blob/main/docs/release-notes.md";

/** The newest stable spec an Ignition release accepts. */
export function maxSpecOfIgnition(ignition: string): string {
  let best = "3.0.0";
  for (const [spec, first] of SPEC_FIRST_IGNITION) if (compareSemver(ignition, first) >= 0) best = spec;
  return best;
}

/** OpenShift releases by the newest Ignition spec their Machine Config Operator accepts. */
const RHCOS_RANGES: readonly { from: number; to: number; maxSpec: string; checked: string; sources: readonly string[]; note: string }[] = [
  {
    from: 8,
    to: 13,
    maxSpec: "3.2.0",
    checked: "2026-12-02",
    sources: [
      "https://github.com/coreos/butane/issues/312",
      "https://github.com/openshift/machine-config-operator/pull/3576",
      "https://github.com/coreos/butane/blob/main/docs/specs.md",
    ],
    note: "The MCO accepted only spec 3.2.0 until machine-config-operator#3576 (2023-04, OpenShift 4.14) added 3.3.0/3.4.0; butane#312 rolled the openshift 4.9–4.13 specs back to 3.2.0 for that reason.",
  },
  {
    from: 14,
    to: 18,
    maxSpec: "3.4.0",
    checked: "2026-12-02",
    sources: [
      "https://github.com/openshift/machine-config-operator/pull/3576",
      "https://github.com/openshift/machine-config-operator/pull/4903",
      "https://github.com/coreos/butane/blob/main/docs/specs.md",
    ],
    note: "machine-config-operator#3576 (2023-04) made the MCO accept 3.3.0 and 3.4.0; 3.5.0 came only with machine-config-operator#4903 (merged 2025-03, OpenShift 4.19). Butane's openshift 4.14.0–4.18.0 specs emit 3.4.0.",
  },
  {
    from: 19,
    to: 22,
    maxSpec: "3.5.0",
    checked: "2026-12-02",
    sources: [
      "https://github.com/openshift/machine-config-operator/pull/4903",
      "https://github.com/openshift/machine-config-operator/pull/5816",
      "https://github.com/coreos/butane/issues/715",
    ],
    note: "machine-config-operator#4903 (2025-03-06) bumped the MCO to Ignition 2.20.0 and spec 3.5.0; #5816 (2026-03-27, cherry-picked to 4.21) says 3.5.0 is still the newest it supports; butane#715 (closed 2026-07-24): the OCP 4.22 MCO does not support 3.6.0.",
  },
];

const FCOS_FAST_TRACKS = ["https://github.com/coreos/fedora-coreos-config/pull/4020", "https://github.com/coreos/fedora-coreos-config/pull/4070"];

const flatcarRow = (id: string, label: string, release: string, tagDate: string, ignition: string, ebuild: string): TargetRow => ({
  id,
  label,
  group: "Flatcar",
  ignition,
  maxSpec: maxSpecOfIgnition(ignition),
  checked: "2026-12-02",
  verified: "verified",
  sources: [`https://github.com/flatcar/scripts/tree/${release}/sdk_container/src/third_party/coreos-overlay/sys-apps/ignition`, IGNITION_SPECS_SOURCE],
  note: `Release tag ${release} (${tagDate}) builds sys-apps/ignition from ${ebuild}; Ignition ${ignition} accepts specs up to ${maxSpecOfIgnition(ignition)}.`,
});

/**
 * Experimental specs change without notice (ignition docs/specs.md: "for development and testing"):
 * 3.7.0-experimental gained virtiofs filesystems after Ignition 2.26.0 (coreos/ignition c07e4c7,
 * 2026-04-28, in 2.27.0), so a stream counts as reading Butane 0.29.0's 3.7.0-experimental only
 * from Ignition 2.27.0 on.
 */
const EXPERIMENTAL_FROM = { spec: "3.7.0-experimental", ignition: "2.27.0" } as const;

/** A Fedora CoreOS stream by the Ignition release it ships. */
const fcosRow = (id: string, stream: string, ignition: string, sources: readonly string[], note: string): TargetRow => ({
  id,
  label: `Fedora CoreOS ${stream}`,
  group: "Fedora CoreOS",
  ignition,
  maxSpec: maxSpecOfIgnition(ignition),
  ...(compareSemver(ignition, EXPERIMENTAL_FROM.ignition) >= 0 ? { experimental: EXPERIMENTAL_FROM.spec } : {}),
  checked: "2026-12-02",
  verified: "inferred",
  sources: [...sources, IGNITION_NOTES_SOURCE],
  note,
});

export const TARGETS: readonly TargetRow[] = [
  fcosRow(
    "fcos-stable",
    "stable",
    "2.26.0",
    [...FCOS_FAST_TRACKS, "https://github.com/coreos/fedora-coreos-docs/blob/main/antora.yml"],
    "Ignition 2.26.0 (2026-02-17, marks spec 3.6.0 stable) was fast-tracked into testing-devel on 2026-02-19 (#4020) and 2026-03-20 (#4070); stable follows testing by two weeks. The docs' version job lists stable 44.20260802.3.1 (Fedora 44) on 2026-08-21. Its copy of 3.7.0-experimental predates changes Butane 0.29.0's has, so experimental configs are not counted as readable.",
  ),
  fcosRow(
    "fcos-testing",
    "testing",
    "2.27.0",
    ["https://github.com/coreos/fedora-coreos-config/pull/4384"],
    "ignition-2.27.0-3.fc44 was fast-tracked into testing-devel on 2026-09-16 (#4384); Ignition 2.27.0 keeps 3.6.0 as the newest stable spec, and its 3.7.0-experimental has the virtiofs change.",
  ),
  fcosRow(
    "fcos-next",
    "next",
    "2.27.0",
    ["https://github.com/coreos/fedora-coreos-config/pull/4327"],
    "ignition-2.27.0-1.fc44 was fast-tracked into next-devel on 2026-08-27 (#4327); same specs as testing.",
  ),
  ...RHCOS_RANGES.flatMap((r) =>
    Array.from({ length: r.to - r.from + 1 }, (_, i): TargetRow => ({
      id: `rhcos-4.${r.from + i}`,
      label: `RHCOS, OpenShift 4.${r.from + i}`,
      group: "RHEL CoreOS (OpenShift)",
      maxSpec: r.maxSpec,
      checked: r.checked,
      verified: "inferred",
      sources: r.sources,
      note: `The Machine Config Operator of OpenShift 4.${r.from + i} accepts MachineConfigs up to spec ${r.maxSpec}. ${r.note}`,
    })),
  ),
  flatcarRow("flatcar-stable", "Flatcar stable", "stable-4593.2.5", "2026-08-12", "2.24.0", "ignition-2.24.0-r1.ebuild"),
  flatcarRow("flatcar-beta", "Flatcar beta", "beta-4757.1.0", "2026-08-12", "2.24.0", "ignition-2.24.0-r4.ebuild"),
  flatcarRow("flatcar-alpha", "Flatcar alpha", "alpha-4790.0.0", "2026-08-12", "2.24.0", "ignition-2.24.0-r4.ebuild"),
  flatcarRow("flatcar-lts", "Flatcar LTS", "lts-4081.3.10", "2026-08-12", "2.19.0", "ignition-2.19.0-r1.ebuild"),
  {
    id: "r4e",
    label: "RHEL for Edge (RHEL 9.2+)",
    group: "RHEL for Edge",
    ignition: "2.15.0",
    maxSpec: "3.4.0",
    checked: "2026-12-02",
    verified: "inferred",
    sources: ["https://github.com/coreos/butane/issues/434", IGNITION_SPECS_SOURCE],
    note: "butane#434 (2023-03-10): RHEL 9.2 ships Ignition 2.15, which accepts spec 3.4.0. Later RHEL minors may ship a newer Ignition; no source for that was found, so the row stays at 3.4.0.",
  },
  {
    id: "fiot",
    label: "Fedora IoT (Fedora 43/44)",
    group: "Fedora IoT",
    ignition: "2.26.0",
    maxSpec: "3.6.0",
    checked: "2026-12-02",
    verified: "inferred",
    sources: [...FCOS_FAST_TRACKS, IGNITION_NOTES_SOURCE],
    note: "Fedora IoT uses Fedora's ignition package; ignition-2.26.0 builds for Fedora 43 exist since 2026-02-19 (the same builds Fedora CoreOS fast-tracked).",
  },
  {
    id: "coreos-installer",
    label: "coreos-installer iso customize (embed)",
    group: "Tools",
    maxSpec: "3.5.0",
    checked: "2026-12-02",
    verified: "inferred",
    sources: [
      "https://github.com/coreos/coreos-installer/issues/1749",
      "https://github.com/coreos/coreos-installer/issues/1591",
      "https://github.com/coreos/ignition-config-rs/blob/main/docs/release-notes.md",
    ],
    note: "`iso customize` parses configs with the ignition-config crate. coreos-installer#1749 (open, 2026-05-24): Fedora's coreos-installer 0.26.0 rejects 3.6.0 (\"unsupported config version\"). Upstream's v0.26.0 lockfile pins ignition-config 0.6.1, which added 3.6.0 on 2026-02-26, so a container or self-built binary may accept 3.6.0; this row follows the packaged build. (`iso ignition embed` embeds the bytes without parsing them.)",
  },
];

/** The row for `id`, if there is one. */
export function findTarget(id: string): TargetRow | undefined {
  return TARGETS.find((t) => t.id === id);
}

/** Whether the target's Ignition reads a config of Ignition spec `spec` (e.g. `3.5.0`). */
export function targetAccepts(t: TargetRow, spec: string): boolean {
  if (spec.includes("-")) return t.experimental === spec;
  return compareSemver(spec, "3.0.0") >= 0 && compareSemver(spec, t.maxSpec) <= 0;
}

/** A Butane spec (variant/version/Ignition spec), as `listSpecs()` gives them. */
export interface SpecLike {
  variant: string;
  version: string;
  ignition: string;
  experimental: boolean;
}

/** The newest stable version of `variant` whose output the target reads, if any. */
export function newestAcceptedVersion(specs: readonly SpecLike[], variant: string, t: TargetRow): SpecLike | undefined {
  let best: SpecLike | undefined;
  for (const s of specs) {
    if (s.variant !== variant || s.experimental || !targetAccepts(t, s.ignition)) continue;
    if (!best || compareSemver(s.version, best.version) > 0) best = s;
  }
  return best;
}

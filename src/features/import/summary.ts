/** The import result in words for the dialog: what was recovered, what could not be. */
import type { Finding, ImportStats } from "../../import/types.ts";

/** One line per kind of sugar recovered (nothing for kinds that did not occur). */
export function recoveredLines(s: ImportStats): string[] {
  const out: string[] = [];
  const of = (n: number, total: number, what: string) => (total > 0 ? `${n} of ${total} ${what}` : "");
  if (s.dataUrls > 0) out.push(`${of(s.inlined, s.dataUrls, "data URLs")} became inline text`);
  if (s.modes > 0) out.push(`${s.modes} mode${s.modes === 1 ? "" : "s"} written in octal`);
  if (s.mountUnits > 0) out.push(`${of(s.foldedMountUnits, s.mountUnits, "mount units")} became with_mount_unit`);
  if (s.bootDevice > 0) out.push("the boot disk's encryption/mirroring became boot_device");
  if (s.grubUsers > 0) out.push(`${s.grubUsers} GRUB user${s.grubUsers === 1 ? "" : "s"} became grub.users`);
  if (s.openshiftFields > 0) out.push(`${s.openshiftFields} MachineConfig field${s.openshiftFields === 1 ? "" : "s"} became metadata / openshift`);
  if (s.clcSections > 0)
    out.push(`${s.clcSections} Container Linux Config section${s.clcSections === 1 ? "" : "s"} became the units, drop-ins and files ct made of them`);
  if (s.comments > 0) out.push(`${s.comments} comment${s.comments === 1 ? "" : "s"} carried over`);
  return out;
}

/** The findings worth a look: warnings and errors first, then notable infos (not the summaries). */
export function attentionFindings(findings: readonly Finding[]): Finding[] {
  const summaries = new Set([
    "import-inline",
    "import-modes",
    "import-mount-units",
    "import-boot-device",
    "import-grub-users",
    "import-machineconfig",
    "import-clc",
    "import-clc-section",
    "import-clc-comments",
    "import-spec2",
  ]);
  const rank = { error: 0, warning: 1, info: 2 } as const;
  return findings.filter((f) => !summaries.has(f.code)).sort((a, b) => rank[a.severity] - rank[b.severity]);
}

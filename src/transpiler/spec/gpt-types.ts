/**
 * Well-known GPT partition type GUIDs (UEFI specification, the Discoverable Partitions
 * Specification and the Container Linux/CoreOS types): the names the disk preview shows and the
 * common ones offered for `type_guid`. Any GUID is valid there; these are the ones people use.
 */
import type { Suggestion } from "./kit.ts";

/** Broad family of a partition type, used to colour the partition bar. */
export const PartitionCategory = {
  Efi: "efi",
  Bios: "bios",
  Linux: "linux",
  Root: "root",
  Swap: "swap",
  Raid: "raid",
  Lvm: "lvm",
  Luks: "luks",
  Reserved: "reserved",
  Foreign: "foreign",
  Unknown: "unknown",
} as const;
export type PartitionCategory = (typeof PartitionCategory)[keyof typeof PartitionCategory];

interface GptType {
  /** Upper-case GUID. */
  guid: string;
  name: string;
  category: PartitionCategory;
  /** Offered as a suggestion for `type_guid`. */
  offer?: true;
}

const C = PartitionCategory;

const GPT_TYPES: readonly GptType[] = [
  // Offered as suggestions for `type_guid` (forms, schema examples), in this order.
  { guid: "0FC63DAF-8483-4772-8E79-3D69D8477DE4", name: "Linux filesystem", category: C.Linux, offer: true },
  { guid: "0657FD6D-A4AB-43C4-84E5-0933C84B4F4F", name: "Linux swap", category: C.Swap, offer: true },
  { guid: "E6D6D379-F507-44C2-A23C-238F2A3DF928", name: "Linux LVM", category: C.Lvm, offer: true },
  { guid: "A19D880F-05FC-4D3B-A006-743F0F84911E", name: "Linux RAID", category: C.Raid, offer: true },
  { guid: "CA7D7CCB-63ED-4C53-861C-1742536059CC", name: "Linux LUKS", category: C.Luks, offer: true },
  { guid: "4D21B016-B534-45C2-A9FB-5C16E091FD2D", name: "Linux /var", category: C.Linux, offer: true },
  { guid: "7EC6F557-3BC5-4ACA-B293-16EF5DF639D1", name: "Linux /var/tmp", category: C.Linux, offer: true },
  { guid: "933AC7E1-2EB4-4F13-B844-0E14E2AEF915", name: "Linux /home", category: C.Linux, offer: true },
  { guid: "3B8F8425-20E0-4F3B-907F-1A25A76F98E8", name: "Linux /srv", category: C.Linux, offer: true },
  { guid: "4F68BCE3-E8CD-4DB1-96E7-FBCAF984B709", name: "Linux root (x86-64)", category: C.Root, offer: true },
  { guid: "B921B045-1DF0-41C3-AF44-4C6F280D3FAE", name: "Linux root (ARM64)", category: C.Root, offer: true },
  { guid: "C12A7328-F81F-11D2-BA4B-00A0C93EC93B", name: "EFI System", category: C.Efi, offer: true },
  { guid: "21686148-6449-6E6F-744E-656564454649", name: "BIOS boot", category: C.Bios, offer: true },
  { guid: "8DA63339-0007-60C0-C436-083AC8230908", name: "Linux reserved", category: C.Reserved, offer: true },
  // Named in the disk preview only.
  { guid: "9E1A2D38-C612-4316-AA26-8B49521E5A8B", name: "PReP boot", category: C.Bios },
  { guid: "BC13C2FF-59E6-4262-A352-B275FD6F7172", name: "Linux extended boot", category: C.Linux },
  { guid: "44479540-F297-41B2-9AF7-D131D5F0458A", name: "Linux root (x86)", category: C.Root },
  { guid: "69DAD710-2CE4-4E3C-B16C-21A1D49ABED3", name: "Linux root (ARM)", category: C.Root },
  { guid: "1DE3F1EF-FA98-47B5-8DCD-4A860A654D78", name: "Linux root (PPC64 LE)", category: C.Root },
  // Container Linux / CoreOS types (as listed by sgdisk).
  { guid: "5DFBF5F4-2848-4BAC-AA5E-0D9A20B745A6", name: "CoreOS /usr", category: C.Root },
  { guid: "3884DD41-8582-4404-B9A8-E9B84F2DF50E", name: "CoreOS resizable root", category: C.Root },
  { guid: "C95DC21A-DF0E-4340-8D7B-26CBFA9A03E0", name: "CoreOS OEM", category: C.Linux },
  { guid: "BE9067B9-EA49-4F15-B4F6-F36F8C9E1818", name: "CoreOS root on RAID", category: C.Raid },
  // Other operating systems.
  { guid: "EBD0A0A2-B9E5-4433-87C0-68B6B72699C7", name: "Microsoft basic data", category: C.Foreign },
  { guid: "E3C9E316-0B5C-4DB8-817D-F92DF00215AE", name: "Microsoft reserved", category: C.Foreign },
  { guid: "DE94BBA4-06D1-4D40-A16A-BFD50179D6AC", name: "Windows recovery", category: C.Foreign },
  { guid: "48465300-0000-11AA-AA11-00306543ECAC", name: "Apple HFS+", category: C.Foreign },
  { guid: "7C3457EF-0000-11AA-AA11-00306543ECAC", name: "Apple APFS", category: C.Foreign },
];

const BY_GUID: ReadonlyMap<string, GptType> = new Map(GPT_TYPES.map((t) => [t.guid, t]));

/** The common types, offered for `type_guid` (lower-case GUIDs, as Butane configs usually write them). */
export const GPT_PARTITION_TYPES: readonly Suggestion[] = GPT_TYPES.filter((t) => t.offer).map((t) => ({ value: t.guid.toLowerCase(), label: t.name }));

/** Ignition's default when `typeGuid` is omitted (sgdisk's 8300). */
export const DEFAULT_TYPE_GUID = "0FC63DAF-8483-4772-8E79-3D69D8477DE4";

/** The human name of a GPT type GUID (case-insensitive), or null when unknown. */
export function gptTypeName(guid: string): string | null {
  return BY_GUID.get(guid.trim().toUpperCase())?.name ?? null;
}

/** The category of a GPT type GUID; unset means Ignition's default, Linux filesystem. */
export function gptCategory(guid: string | null): PartitionCategory {
  if (guid === null || guid === "") return C.Linux;
  return BY_GUID.get(guid.trim().toUpperCase())?.category ?? C.Unknown;
}

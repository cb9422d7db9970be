/**
 * Well-known GPT partition type GUIDs (UEFI specification and the Discoverable Partitions
 * Specification), offered for `type_guid`. Any GUID is valid there; these are the common ones.
 */
import type { Suggestion } from "./kit.ts";

export const GPT_PARTITION_TYPES: readonly Suggestion[] = [
  { value: "0fc63daf-8483-4772-8e79-3d69d8477de4", label: "Linux filesystem data" },
  { value: "0657fd6d-a4ab-43c4-84e5-0933c84b4f4f", label: "Linux swap" },
  { value: "e6d6d379-f507-44c2-a23c-238f2a3df928", label: "Linux LVM" },
  { value: "a19d880f-05fc-4d3b-a006-743f0f84911e", label: "Linux RAID" },
  { value: "ca7d7ccb-63ed-4c53-861c-1742536059cc", label: "Linux LUKS" },
  { value: "4d21b016-b534-45c2-a9fb-5c16e091fd2d", label: "Linux /var" },
  { value: "7ec6f557-3bc5-4aca-b293-16ef5df639d1", label: "Linux /var/tmp" },
  { value: "933ac7e1-2eb4-4f13-b844-0e14e2aef915", label: "Linux /home" },
  { value: "3b8f8425-20e0-4f3b-907f-1a25a76f98e8", label: "Linux /srv" },
  { value: "4f68bce3-e8cd-4db1-96e7-fbcaf984b709", label: "Linux root (x86-64)" },
  { value: "b921b045-1df0-41c3-af44-4c6f280d3fae", label: "Linux root (AArch64)" },
  { value: "c12a7328-f81f-11d2-ba4b-00a0c93ec93b", label: "EFI system partition" },
  { value: "21686148-6449-6e6f-744e-656564454649", label: "BIOS boot" },
  { value: "8da63339-0007-60c0-c436-083ac8230908", label: "Linux reserved" },
];

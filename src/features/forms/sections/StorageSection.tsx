/** Storage: disks with partitions, filesystems, LUKS (TPM2/Tang), RAID; the disk bar updates as you type. */
import type { ReactNode } from "react";
import { useForms } from "../forms-context.ts";
import { ItemList } from "../SpecFields.tsx";

export function StorageSection({ diskBar }: { diskBar?: ReactNode }) {
  const { caps } = useForms();
  return (
    <>
      {diskBar && (
        <div className="ff-diskbar" aria-label="Disk layout preview">
          {diskBar}
        </div>
      )}
      {caps.disks && (
        <ItemList path={["storage", "disks"]} label="Disks" itemName="disk" newItem={() => ({ device: "/dev/disk/by-id/coreos-boot-disk", partitions: [] })} />
      )}
      {caps.filesystems && (
        <ItemList
          path={["storage", "filesystems"]}
          label="Filesystems"
          itemName="filesystem"
          newItem={() => ({ device: "/dev/disk/by-partlabel/var", path: "/var", format: "xfs", with_mount_unit: true })}
        />
      )}
      {caps.luks && (
        <ItemList
          path={["storage", "luks"]}
          label="LUKS volumes"
          itemName="LUKS volume"
          doc={caps.clevis ? "Unlock with the TPM2 chip or Tang servers under clevis." : "TPM2/Tang unlocking (clevis) is not available in this spec version."}
          newItem={() =>
            caps.clevis ? { name: "var", device: "/dev/disk/by-partlabel/var", clevis: { tpm2: true } } : { name: "var", device: "/dev/disk/by-partlabel/var" }
          }
        />
      )}
      {caps.raid && (
        <ItemList path={["storage", "raid"]} label="RAID arrays" itemName="RAID array" newItem={() => ({ name: "data", level: "raid1", devices: [] })} />
      )}
    </>
  );
}

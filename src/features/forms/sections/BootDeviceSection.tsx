/** The boot device: layout, root encryption with TPM2/Tang, mirroring (fcos and openshift). */
import { SpecFields } from "../SpecFields.tsx";

export function BootDeviceSection() {
  return (
    <>
      <p className="ff-note">Encrypt the root filesystem (bound to the TPM2 chip and/or Tang servers) and mirror the boot disk across several disks.</p>
      <SpecFields path={["boot_device"]} />
    </>
  );
}

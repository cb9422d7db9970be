/** Names for the output: its kind (Ignition or MachineConfig) and download file names. */

/** What the output holds: Ignition JSON, or (openshift without --raw) a MachineConfig in YAML. */
export function outputKind(outputFormat: "json" | "yaml"): "Ignition" | "MachineConfig" {
  return outputFormat === "yaml" ? "MachineConfig" : "Ignition";
}

const SOURCE_EXT = /\.(bu|butane|ya?ml|txt)$/i;

/** The output's file name: `server.bu` → `server.ign` (`.yaml` for a MachineConfig), else `config.ign`. */
export function outputFileName(sourceName: string | null, outputFormat: "json" | "yaml"): string {
  // A project file's name has its folder in front (snippets/ntp.bu): a download is named by the file alone.
  const base =
    sourceName
      ?.slice(sourceName.lastIndexOf("/") + 1)
      .replace(SOURCE_EXT, "")
      .trim() || "config";
  return base + (outputFormat === "yaml" ? ".yaml" : ".ign");
}

/** The source's file name for "download the file instead": the opened name, else `config.bu`. */
export function sourceFileName(sourceName: string | null): string {
  return sourceName?.trim() || "config.bu";
}

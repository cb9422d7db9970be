/**
 * The two files of the pointer-config remedy: the full config to host at a URL, and the small
 * pointer config to pass as user data, which fetches it and checks its SHA-512.
 */
import { sha512 } from "@noble/hashes/sha2.js";
import { bytesToHex } from "@noble/hashes/utils.js";
import { buildPointerConfig, remoteContentsYaml } from "../../transpiler/lint/pointer-config.ts";

/** Lowercase hex SHA-512 of the UTF-8 bytes of `text` (or of `bytes`). */
export function sha512Hex(data: string | Uint8Array): string {
  const bytes = typeof data === "string" ? new TextEncoder().encode(data) : data;
  return bytesToHex(sha512(bytes));
}

export interface PointerFiles {
  /** The pointer config (user data). */
  pointer: { name: string; text: string };
  /** The full config, exactly as hashed (host it unchanged at the URL). */
  full: { name: string; text: string };
  sha512: string;
}

/** Both files for hosting `fullConfig` at `url`; an error text when the URL will not do. */
export function pointerFiles(
  fullConfig: string,
  url: string,
  ignitionVersion: string,
  fullName: string,
  pretty: boolean,
): { ok: true; files: PointerFiles } | { ok: false; error: string } {
  const digest = sha512Hex(fullConfig);
  const built = buildPointerConfig({ url, ignitionVersion, sha512Hex: digest, pretty });
  if (!built.ok) return built;
  const base = fullName.replace(/\.ign$/, "");
  return { ok: true, files: { pointer: { name: `${base}.pointer.ign`, text: built.text }, full: { name: fullName, text: fullConfig }, sha512: digest } };
}

/** The `contents:` that fetches a file's bytes from `url` instead of embedding them. */
export function remoteFileContents(bytes: Uint8Array, url: string): { ok: true; yaml: string } | { ok: false; error: string } {
  const r = remoteContentsYaml(url, sha512Hex(bytes));
  return r.ok ? { ok: true, yaml: r.text } : r;
}

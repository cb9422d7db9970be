// Generates an openshift-install-style bootstrap Ignition config (spec 3.2.0) of about `targetBytes`:
// base64 data URLs of certificates, manifests and scripts (as openshift-install writes them, with
// empty objects for unset fields), systemd units, and the core user. Deterministic (seeded).
import { rng } from "./bench-configs.mjs";

const WORDS =
  "apiVersion kind metadata name namespace spec containers image command args volumeMounts mountPath env value replicas selector matchLabels template labels".split(
    " ",
  );

function manifest(r, lines) {
  const out = [];
  for (let i = 0; i < lines; i++) {
    const depth = Math.floor(r() * 4);
    const w = WORDS[Math.floor(r() * WORDS.length)];
    out.push(`${"  ".repeat(depth)}${w}: ${WORDS[Math.floor(r() * WORDS.length)]}-${Math.floor(r() * 1e6).toString(36)}`);
  }
  return out.join("\n") + "\n";
}

function pem(r, lines) {
  const chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  const body = Array.from({ length: lines }, () => Array.from({ length: 64 }, () => chars[Math.floor(r() * 64)]).join(""));
  return `-----BEGIN CERTIFICATE-----\n${body.join("\n")}\n-----END CERTIFICATE-----\n`;
}

const b64 = (s) => Buffer.from(s, "utf8").toString("base64");

export function makeBootstrapIgn(targetBytes, seed = 1) {
  const r = rng(seed);
  const files = [];
  const units = [];
  let size = 0;
  let i = 0;
  while (size < targetBytes) {
    const kind = i % 4;
    let path,
      text,
      mode = 420;
    if (kind === 0) [path, text] = [`/opt/openshift/tls/cert-${i}.crt`, pem(r, 20 + Math.floor(r() * 20))];
    else if (kind === 1) [path, text] = [`/opt/openshift/manifests/manifest-${i}.yaml`, manifest(r, 40 + Math.floor(r() * 80))];
    else if (kind === 2)
      [path, text, mode] = [`/usr/local/bin/step-${i}.sh`, `#!/usr/bin/env bash\nset -euo pipefail\n${manifest(r, 30).replace(/: /g, "=")}`, 365];
    else {
      const name = `release-step-${i}.service`;
      const contents = `[Unit]\nDescription=Bootstrap step ${i}\nWants=network-online.target\nAfter=network-online.target\n\n[Service]\nType=oneshot\nExecStart=/usr/local/bin/step-${i - 1}.sh\nRestart=on-failure\nRestartSec=5s\n\n[Install]\nWantedBy=multi-user.target\n`;
      units.push({ contents, enabled: true, name });
      size += contents.length + 60;
      i++;
      continue;
    }
    const source = `data:text/plain;charset=utf-8;base64,${b64(text)}`;
    files.push({ overwrite: true, path, user: { name: "root" }, contents: { source, verification: {} }, mode });
    size += source.length + 120;
    i++;
  }
  return {
    ignition: { config: { replace: { verification: {} } }, proxy: {}, security: { tls: {} }, timeouts: {}, version: "3.2.0" },
    passwd: {
      users: [{ name: "core", sshAuthorizedKeys: ["ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKindlingBenchKeyNotARealKey0000000000000000 bench@example.com"] }],
    },
    storage: { files },
    systemd: { units },
  };
}

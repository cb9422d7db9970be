/** Rules for LUKS devices (3.2+): names, labels, devices, clevis (custom pin, tang), key files, cex. */
import { unmarshals } from "../go/json.ts";
import { boolAt, intAt, isTrue, nilOrEmpty, notEmpty, objAt, objListAt, optObjAt, plainStrAt, strAt } from "./access.ts";
import { byteLength } from "../go/utf8.ts";
import { MSG } from "./messages.ts";
import { validatePath } from "./node-rules.ts";
import { at, type IgnPath, type Report } from "./report.ts";
import { walkResource } from "./resource-rules.ts";
import type { IgnObject } from "./types.ts";
import { validateTangUrl, validateUrlNilOk } from "./url-rules.ts";

const knownPins = ["tpm2", "tang", "sss"];

function thresholdSet(clevis: IgnObject): boolean {
  const t = intAt(clevis, "threshold");
  return t !== undefined && t !== 0;
}

/** Go `Clevis.IsPresent` (3.3+). */
function clevisPresent(clevis: IgnObject): boolean {
  return notEmpty(strAt(objAt(clevis, "custom"), "pin")) || objListAt(clevis, "tang").length > 0 || isTrue(boolAt(clevis, "tpm2")) || thresholdSet(clevis);
}

function validateLuksSelf(r: Report, luks: IgnObject, path: IgnPath): void {
  if (plainStrAt(luks, "name").includes("/")) r.error(at(path, "name"), MSG.luksNameContainsSlash);
  const label = strAt(luks, "label");
  if (notEmpty(label) && byteLength(label) > 47) r.error(at(path, "label"), MSG.luksLabelTooLong);
  const device = strAt(luks, "device");
  if (nilOrEmpty(device)) r.error(at(path, "device"), MSG.diskDeviceRequired);
  else r.error(at(path, "device"), validatePath(device ?? ""));

  const clevis = optObjAt(luks, "clevis");
  if (r.has.plainClevisCustom) {
    if (clevis !== undefined && optObjAt(clevis, "custom") !== undefined) {
      if (objListAt(clevis, "tang").length > 0 || isTrue(boolAt(clevis, "tpm2")) || thresholdSet(clevis)) {
        r.error(at(path, "clevis"), MSG.clevisCustomWithOthers);
      }
    }
  } else {
    const c = clevis ?? {};
    if (notEmpty(strAt(objAt(c, "custom"), "pin")) && (objListAt(c, "tang").length > 0 || isTrue(boolAt(c, "tpm2")) || thresholdSet(c))) {
      r.error(at(path, "clevis"), MSG.clevisCustomWithOthers);
    }
  }

  const keyFileSource = strAt(objAt(luks, "keyFile"), "source");
  if (validateUrlNilOk(keyFileSource, r.has) !== null) r.error(at(path, "keys"), MSG.invalidLuksKeyFile);

  if (r.has.luksCex) {
    const cexEnabled = isTrue(boolAt(objAt(luks, "cex"), "enabled"));
    if (clevisPresent(clevis ?? {}) && cexEnabled) r.error(at(path, "cex"), MSG.cexWithClevis);
    if (cexEnabled && notEmpty(keyFileSource)) r.error(at(path, "cex"), MSG.cexWithKeyFile);
  }
}

/** 3.2 `Custom.Validate` (plain-string pin and config). */
function validateCustom32(r: Report, custom: IgnObject, path: IgnPath): void {
  const pin = plainStrAt(custom, "pin");
  const config = plainStrAt(custom, "config");
  if (pin === "" && config === "") return;
  if (!knownPins.includes(pin)) r.error(at(path, "pin"), MSG.unknownClevisPin);
  if (config === "") r.error(at(path, "config"), MSG.clevisConfigRequired);
}

/** 3.3+ `ClevisCustom.Validate`. */
function validateClevisCustom(r: Report, custom: IgnObject, path: IgnPath): void {
  const pin = strAt(custom, "pin");
  const config = strAt(custom, "config");
  if (nilOrEmpty(pin) && nilOrEmpty(config) && !isTrue(boolAt(custom, "needsNetwork"))) return;
  if (notEmpty(pin)) {
    if (r.has.knownClevisPinsOnly && !knownPins.includes(pin)) r.error(at(path, "pin"), MSG.unknownClevisPin);
  } else {
    r.error(at(path, "pin"), MSG.clevisPinRequired);
  }
  if (nilOrEmpty(config)) r.error(at(path, "config"), MSG.clevisConfigRequired);
}

function validateTang(r: Report, tang: IgnObject, path: IgnPath): void {
  r.error(at(path, "url"), validateTangUrl(plainStrAt(tang, "url")));
  if (nilOrEmpty(strAt(tang, "thumbprint"))) r.error(at(path, "thumbprint"), MSG.tangThumbprintRequired);
  if (r.has.tangAdvertisement) {
    const adv = strAt(tang, "advertisement");
    if (notEmpty(adv) && !unmarshals(adv)) r.error(at(path, "advertisement"), MSG.invalidTangAdvertisement);
  }
}

/** A LUKS device (`Luks.Validate`), then clevis (custom, tang) and the key file resource. */
export function walkLuks(r: Report, luks: IgnObject, path: IgnPath): void {
  validateLuksSelf(r, luks, path);
  const clevisPath = at(path, "clevis");
  const clevis = optObjAt(luks, "clevis");
  if (r.has.plainClevisCustom) {
    const custom = clevis === undefined ? undefined : optObjAt(clevis, "custom");
    if (custom !== undefined) validateCustom32(r, custom, at(clevisPath, "custom"));
  } else {
    validateClevisCustom(r, objAt(clevis, "custom"), at(clevisPath, "custom"));
  }
  objListAt(clevis, "tang").forEach((t, i) => validateTang(r, t, at(clevisPath, "tang", i)));
  walkResource(r, objAt(luks, "keyFile"), at(path, "keyFile"), "fileContents");
}

/**
 * yaml.v3's map key ordering (sorter.go `keyList.Less`) for string keys: letters by code point,
 * digit runs compared numerically, with its particular letter/non-letter rules.
 */

import { Memo } from "../util/memo.ts";

const LETTER = /^\p{L}$/u;
const DIGIT = /^\p{Nd}$/u;

// ASCII answers without a regex; keys are nearly always ASCII.
const isLetter = (cp: number): boolean => (cp < 0x80 ? (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a) : LETTER.test(String.fromCodePoint(cp)));
const isDigit = (cp: number): boolean => (cp < 0x80 ? cp >= 0x30 && cp <= 0x39 : DIGIT.test(String.fromCodePoint(cp)));

function codePoints(s: string): number[] {
  return Array.from(s, (ch) => ch.codePointAt(0)!);
}

/** yaml.v3 `keyList.Less` for two string keys. */
export function yamlKeyLess(a: string, b: string): boolean {
  const ar = codePoints(a);
  const br = codePoints(b);
  let digits = false;
  for (let i = 0; i < ar.length && i < br.length; i++) {
    const ac = ar[i]!;
    const bc = br[i]!;
    if (ac === bc) {
      digits = isDigit(ac);
      continue;
    }
    const al = isLetter(ac);
    const bl = isLetter(bc);
    if (al && bl) return ac < bc;
    if (al || bl) return digits ? al : bl;
    let an = 0n;
    let bn = 0n;
    if (ac === 0x30 || bc === 0x30) {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]!); j--) {
        if (ar[j] !== 0x30) {
          an = 1n;
          bn = 1n;
          break;
        }
      }
    }
    let ai = i;
    for (; ai < ar.length && isDigit(ar[ai]!); ai++) an = BigInt.asIntN(64, an * 10n + BigInt(ar[ai]! - 0x30));
    let bi = i;
    for (; bi < br.length && isDigit(br[bi]!); bi++) bn = BigInt.asIntN(64, bn * 10n + BigInt(br[bi]! - 0x30));
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return ac < bc;
  }
  return ar.length < br.length;
}

/** Orders already worked out, by key set: a config repeats the same few shapes many times. */
const sorted = new Memo<readonly string[]>(512, () => 1, { always: true });

/** Sorts keys the way yaml.v3 orders a Go map's keys when encoding. */
export function sortYamlKeys(keys: readonly string[]): string[] {
  if (keys.length < 2) return [...keys];
  const order = sorted.get(JSON.stringify(keys), () => [...keys].sort((x, y) => (yamlKeyLess(x, y) ? -1 : yamlKeyLess(y, x) ? 1 : 0)));
  return [...order];
}

/**
 * gzip (RFC 1952) around a DEFLATE (RFC 1951) encoder, written for many small texts.
 *
 * Matching uses a hash of 3 bytes, chains through a 32 KiB window and lazy evaluation (a short
 * match is emitted only when the next position's is no longer); inputs larger than the window
 * get longer searches. Symbols are collected into blocks of
 * up to BLOCK_SYMBOLS, and each block is written stored, with the fixed code or with its own
 * length-limited Huffman codes, whichever takes the fewest bits.
 *
 * Every large table is allocated once per module and reused: hash-chain entries are positions
 * offset by a base that grows from call to call, so entries left by earlier calls lie below the
 * base and read as empty, and nothing needs clearing between calls.
 */

const MIN_MATCH = 3;
const MAX_MATCH = 258;
const WINDOW = 32768;

const HASH_BITS = 15;
const HASH_SHIFT = 32 - HASH_BITS;
const HASH_MULTIPLIER = 0x9e3779b1;
/** Chain slots cover twice the window, so a position's slot outlives every match that reaches it. */
const CHAIN_MASK = 2 * WINDOW - 1;

/** How hard to look for matches. */
interface Effort {
  /** Candidates tried per position. */
  chain: number;
  /** The chain is cut to a quarter when looking past a match this long found one position back. */
  good: number;
  /** A match this long is emitted without trying the next position. */
  lazy: number;
  /** A match this long ends the search. */
  nice: number;
}
/**
 * Up to a window's worth of input, candidates are few and a short search finds nearly all
 * there is to find. Past that, chains fill up and longer searches keep up with zlib's level 6.
 */
const SMALL_INPUT_EFFORT: Effort = { chain: 24, good: 4, lazy: 5, nice: 12 };
const LARGE_INPUT_EFFORT: Effort = { chain: 64, good: 8, lazy: 16, nice: 64 };
const SMALL_INPUT = WINDOW;
/** Length-3 matches further away than this cost more bits than three literals. */
const FAR_THREE = 4096;

/** Symbols per block (the last match may bring lazily emitted literals past it). */
const BLOCK_SYMBOLS = 16384;
const SYMBOL_ROOM = BLOCK_SYMBOLS + MAX_MATCH;
/** Most input bytes one block can cover. */
const BLOCK_SPAN = SYMBOL_ROOM * MAX_MATCH;

const END_OF_BLOCK = 256;
const LIT_CODES = 286;
const DIST_CODES = 30;
const CL_CODES = 19;
/** Longest codes: DEFLATE allows 15 bits (7 for the code-length code); distance codes are kept
 * shorter so that one with its extra bits fits in a single write, at no measurable cost. */
const LIT_CODE_LIMIT = 15;
const DIST_CODE_LIMIT = 10;
const CL_CODE_LIMIT = 7;
/** Order in which the code-length code's lengths are sent. */
const CL_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15] as const;

// --- Length and distance codes -------------------------------------------------------------

/** Match length (3..258) → index of its length code. */
const LEN_INDEX = new Uint8Array(MAX_MATCH + 1);
/** Per length-code index: extra bits and the smallest length. */
const LEN_EXTRA = new Uint8Array(29);
const LEN_BASE = new Uint16Array(29);
for (let k = 0; k < 28; k++) {
  const extra = k < 8 ? 0 : (k >> 2) - 1;
  const first = k < 8 ? MIN_MATCH + k : MIN_MATCH + ((4 | (k & 3)) << extra);
  LEN_EXTRA[k] = extra;
  LEN_BASE[k] = first;
  for (let len = first; len < first + (1 << extra); len++) LEN_INDEX[len] = k;
}
LEN_BASE[28] = MAX_MATCH;
LEN_INDEX[MAX_MATCH] = 28;
/** Match length → its lit/len symbol. */
const LEN_SYMBOL = Uint16Array.from(LEN_INDEX, (k) => 257 + k);

/** Distance code (0..29) of a distance (1..32768). */
function distCode(dist: number): number {
  const d = dist - 1;
  if (d < 4) return d;
  const top = 31 - Math.clz32(d);
  return (top << 1) | ((d >> (top - 1)) & 1);
}

/** Per distance code: extra bits and the smallest distance minus one. */
const DIST_EXTRA = new Uint8Array(DIST_CODES);
const DIST_BASE = new Uint16Array(DIST_CODES);
for (let c = 0; c < DIST_CODES; c++) {
  DIST_EXTRA[c] = c < 4 ? 0 : (c >> 1) - 1;
  DIST_BASE[c] = c < 4 ? c : (2 | (c & 1)) << ((c >> 1) - 1);
}

// --- Huffman codes -------------------------------------------------------------------------

/** Bit-reversed bytes: canonical codes go out most significant bit first. */
const REVERSED = Uint8Array.from({ length: 256 }, (_, b) => {
  let r = 0;
  for (let i = 0; i < 8; i++) r |= ((b >> i) & 1) << (7 - i);
  return r;
});

const lengthCounts = new Uint16Array(16);
const nextCode = new Uint16Array(16);

/** Canonical codes (RFC 1951 3.2.2) for `lengths[0..n)`, bit-reversed for LSB-first output. */
function assignCodes(lengths: Uint8Array, n: number, codes: Uint16Array): void {
  lengthCounts.fill(0);
  for (let s = 0; s < n; s++) lengthCounts[lengths[s]!]!++;
  lengthCounts[0] = 0;
  let code = 0;
  for (let len = 1; len < 16; len++) {
    code = (code + lengthCounts[len - 1]!) << 1;
    nextCode[len] = code;
  }
  for (let s = 0; s < n; s++) {
    const len = lengths[s]!;
    if (len === 0) continue;
    const c = nextCode[len]!++;
    codes[s] = ((REVERSED[c & 255]! << 8) | REVERSED[c >> 8]!) >> (16 - len);
  }
}

// Scratch for huffmanLengths, sized for the largest alphabet.
const sortKeys = new Int32Array(LIT_CODES + 2);
const nodeWeight = new Int32Array(2 * (LIT_CODES + 2));
const nodeParent = new Int32Array(2 * (LIT_CODES + 2));
const depthCounts = new Int32Array(LIT_CODES + 2);

/**
 * Lengths of a Huffman code for `freq[0..n)` no longer than `limit` bits, into `lengths`
 * (0 for unused symbols). At least two symbols always get a code, so the code is complete.
 */
function huffmanLengths(freq: Int32Array, n: number, limit: number, lengths: Uint8Array): void {
  // Leaves sorted by frequency, ties by symbol: key = frequency << 9 | symbol.
  let m = 0;
  for (let s = 0; s < n; s++) {
    lengths[s] = 0;
    if (freq[s]! > 0) sortKeys[m++] = (freq[s]! << 9) | s;
  }
  if (m < 2) {
    // Pad with unused symbols (frequency 0) so that the code is complete.
    const used = m === 0 ? -1 : sortKeys[0]! & 511;
    for (let s = 0; m < 2; s++) if (s !== used) sortKeys[m++] = s;
  }
  sortKeys.subarray(0, m).sort();

  // Huffman's algorithm with two queues: the sorted leaves, then inner nodes in creation order
  // (which is also weight order). Ties prefer leaves, which keeps the tree shallow.
  for (let k = 0; k < m; k++) nodeWeight[k] = sortKeys[k]! >> 9;
  let leaf = 0;
  let inner = m;
  const root = 2 * m - 2;
  for (let next = m; next <= root; next++) {
    const a = leaf < m && (inner >= next || nodeWeight[leaf]! <= nodeWeight[inner]!) ? leaf++ : inner++;
    const b = leaf < m && (inner >= next || nodeWeight[leaf]! <= nodeWeight[inner]!) ? leaf++ : inner++;
    nodeWeight[next] = nodeWeight[a]! + nodeWeight[b]!;
    nodeParent[a] = next;
    nodeParent[b] = next;
  }
  // Depths, reusing the weights (a parent always comes after its children).
  nodeWeight[root] = 0;
  for (let k = root - 1; k >= 0; k--) nodeWeight[k] = nodeWeight[nodeParent[k]!]! + 1;
  depthCounts.fill(0, 0, m);
  let maxDepth = 0;
  for (let k = 0; k < m; k++) {
    const depth = nodeWeight[k]!;
    depthCounts[depth]!++;
    if (depth > maxDepth) maxDepth = depth;
  }

  // Too deep: move pairs of leaves up, each time splitting the deepest leaf above them, which
  // keeps the Kraft sum at 1 (JPEG, ITU T.81 Annex K.3).
  for (let len = maxDepth; len > limit; len--) {
    while (depthCounts[len]! > 0) {
      let j = len - 2;
      while (j > 0 && depthCounts[j] === 0) j--;
      depthCounts[len]! -= 2;
      depthCounts[len - 1]!++;
      depthCounts[j + 1]! += 2;
      depthCounts[j]!--;
    }
  }

  // The rarest symbols get the longest codes.
  let k = 0;
  for (let len = Math.min(maxDepth, limit); len > 0; len--) {
    for (let c = depthCounts[len]!; c > 0; c--) lengths[sortKeys[k++]! & 511] = len;
  }
}

/** Sum of frequency × code length. */
function codedBits(freq: Int32Array, lengths: Uint8Array, n: number): number {
  let bits = 0;
  for (let s = 0; s < n; s++) bits += freq[s]! * lengths[s]!;
  return bits;
}

// The fixed code (RFC 1951 3.2.6).
const FIXED_LIT_LEN = new Uint8Array(288);
FIXED_LIT_LEN.fill(8, 0, 144).fill(9, 144, 256).fill(7, 256, 280).fill(8, 280, 288);
const FIXED_LIT_CODE = new Uint16Array(288);
assignCodes(FIXED_LIT_LEN, 288, FIXED_LIT_CODE);
const FIXED_DIST_LEN = new Uint8Array(DIST_CODES).fill(5);
const FIXED_DIST_CODE = new Uint16Array(DIST_CODES);
assignCodes(FIXED_DIST_LEN, DIST_CODES, FIXED_DIST_CODE);

// --- CRC-32 --------------------------------------------------------------------------------

/** CRC tables for four bytes at a time: CRC_TABLES[k * 256 + b] is b's CRC followed by k zero bytes. */
const CRC_TABLES = new Int32Array(4 * 256);
for (let b = 0; b < 256; b++) {
  let c = b;
  for (let i = 0; i < 8; i++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  CRC_TABLES[b] = c;
}
for (let i = 256; i < 4 * 256; i++) {
  const c = CRC_TABLES[i - 256]!;
  CRC_TABLES[i] = (c >>> 8) ^ CRC_TABLES[c & 255]!;
}

/** CRC-32 (ISO-HDLC, as in gzip) of `data`. */
export function crc32(data: Uint8Array): number {
  const t = CRC_TABLES;
  let crc = -1;
  const n = data.length;
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    crc ^= data[i]! | (data[i + 1]! << 8) | (data[i + 2]! << 16) | (data[i + 3]! << 24);
    crc = t[768 + (crc & 255)]! ^ t[512 + ((crc >>> 8) & 255)]! ^ t[256 + ((crc >>> 16) & 255)]! ^ t[crc >>> 24]!;
  }
  for (; i < n; i++) crc = t[(crc ^ data[i]!) & 255]! ^ (crc >>> 8);
  return ~crc >>> 0;
}

// --- Output --------------------------------------------------------------------------------

/** Output scratch: grown as a call needs, and dropped after a call that made it large. */
const INITIAL_OUTPUT = 64 * 1024;
let out = new Uint8Array(INITIAL_OUTPUT);
const KEEP_OUTPUT = 1024 * 1024;
let outPos = 0;
/** Bits not yet written (fewer than 8) and how many. */
let bitBuf = 0;
let bitCount = 0;

/** Appends the low `n` (≤ 24) bits of `value`. */
function putBits(value: number, n: number): void {
  bitBuf |= value << bitCount;
  bitCount += n;
  while (bitCount >= 8) {
    out[outPos++] = bitBuf;
    bitBuf >>>= 8;
    bitCount -= 8;
  }
}

/** Pads the bits to a whole byte. */
function alignToByte(): void {
  if (bitCount > 0) out[outPos++] = bitBuf;
  bitBuf = 0;
  bitCount = 0;
}

// --- Blocks --------------------------------------------------------------------------------

/** The block's symbols: a literal byte, or (length << 16 | distance) for a match. */
const symbols = new Int32Array(SYMBOL_ROOM);
let symbolCount = 0;
const litFreq = new Int32Array(LIT_CODES);
const distFreq = new Int32Array(DIST_CODES);

const litLen = new Uint8Array(LIT_CODES);
const litCode = new Uint16Array(LIT_CODES);
const distLen = new Uint8Array(DIST_CODES);
const distCodes = new Uint16Array(DIST_CODES);

// The dynamic header: code lengths, run-length coded with the code-length code.
const allLengths = new Uint8Array(LIT_CODES + DIST_CODES);
const clSymbols = new Uint8Array(LIT_CODES + DIST_CODES);
const clExtra = new Uint8Array(LIT_CODES + DIST_CODES);
let clCount = 0;
const clFreq = new Int32Array(CL_CODES);
const clLen = new Uint8Array(CL_CODES);
const clCode = new Uint16Array(CL_CODES);

function pushCl(symbol: number, extra: number): void {
  clSymbols[clCount] = symbol;
  clExtra[clCount++] = extra;
  clFreq[symbol]!++;
}

/** Run-length codes `allLengths[0..n)` into clSymbols/clExtra (RFC 1951 3.2.7) and counts them. */
function runLengthCode(n: number): void {
  clCount = 0;
  clFreq.fill(0);
  for (let i = 0; i < n; ) {
    const v = allLengths[i]!;
    let run = 1;
    while (i + run < n && allLengths[i + run] === v) run++;
    i += run;
    if (v === 0) {
      while (run >= 11) {
        const k = Math.min(run, 138);
        pushCl(18, k - 11);
        run -= k;
      }
      if (run >= 3) {
        pushCl(17, run - 3);
        run = 0;
      }
    } else {
      pushCl(v, 0);
      run--;
      while (run >= 3) {
        const k = Math.min(run, 6);
        pushCl(16, k - 3);
        run -= k;
      }
    }
    for (; run > 0; run--) pushCl(v, 0);
  }
}

/** Bits of extra length and distance bits in the block. */
function extraBits(): number {
  let bits = 0;
  for (let k = 0; k < 29; k++) bits += litFreq[257 + k]! * LEN_EXTRA[k]!;
  for (let c = 0; c < DIST_CODES; c++) bits += distFreq[c]! * DIST_EXTRA[c]!;
  return bits;
}

/** Writes the block's symbols with the given codes, then end-of-block. */
function writeSymbols(lc: Uint16Array, ll: Uint8Array, dc: Uint16Array, dl: Uint8Array): void {
  // A literal, a length or a distance goes out as one code with its extra bits: at most 15 + 5
  // bits for a length, DIST_CODE_LIMIT + 13 for a distance, which fit in 31 bits beside the at
  // most 7 waiting in `buf`. After each, the whole bytes go out without branching: three are
  // always written (the output has room past its end) and as many as are complete are counted.
  const o = out;
  let pos = outPos;
  let buf = bitBuf;
  let count = bitCount;
  /** The distance of the match whose length was just written, else 0. */
  let dist = 0;
  for (let k = 0; k < symbolCount || dist !== 0; ) {
    if (dist !== 0) {
      const c = distCode(dist);
      buf |= (dc[c]! | ((dist - 1 - DIST_BASE[c]!) << dl[c]!)) << count;
      count += dl[c]! + DIST_EXTRA[c]!;
      dist = 0;
    } else {
      const s = symbols[k++]!;
      if (s < 256) {
        buf |= lc[s]! << count;
        count += ll[s]!;
      } else {
        const len = s >>> 16;
        const li = LEN_INDEX[len]!;
        const sym = 257 + li;
        buf |= (lc[sym]! | ((len - LEN_BASE[li]!) << ll[sym]!)) << count;
        count += ll[sym]! + LEN_EXTRA[li]!;
        dist = s & 0xffff;
      }
    }
    o[pos] = buf;
    o[pos + 1] = buf >>> 8;
    o[pos + 2] = buf >>> 16;
    pos += count >> 3;
    buf >>>= count & ~7;
    count &= 7;
  }
  outPos = pos;
  bitBuf = buf;
  bitCount = count;
  putBits(lc[END_OF_BLOCK]!, ll[END_OF_BLOCK]!);
}

/** Most bytes one stored block holds. */
const MAX_STORED = 65535;

/**
 * Bits a stored block of `length` bytes takes from the current bit position. A block covering
 * more than MAX_STORED bytes has matches enough to be shorter coded, and is never stored.
 */
function storedBits(length: number): number {
  if (length > MAX_STORED) return Infinity;
  const pad = (8 - ((bitCount + 3) & 7)) & 7;
  return 3 + pad + 32 + 8 * length;
}

function writeStored(data: Uint8Array, start: number, end: number, final: boolean): void {
  const length = end - start;
  putBits(final ? 1 : 0, 3);
  alignToByte();
  out[outPos++] = length;
  out[outPos++] = length >> 8;
  out[outPos++] = ~length;
  out[outPos++] = ~length >> 8;
  out.set(data.subarray(start, end), outPos);
  outPos += length;
}

/** Makes room for `bytes` more output bytes (and a few spare ones writeSymbols may touch). */
function reserve(bytes: number): void {
  const needed = outPos + bytes + 16;
  if (needed <= out.length) return;
  const bigger = new Uint8Array(Math.max(needed, 2 * out.length));
  bigger.set(out.subarray(0, outPos));
  out = bigger;
}

/** Below this many symbols a block's own code seldom beats the fixed one, and then by a byte or two. */
const MIN_DYNAMIC_SYMBOLS = 48;

/** Writes the collected symbols, covering data[start..end), as the cheapest kind of block. */
function writeBlock(data: Uint8Array, start: number, end: number, final: boolean): void {
  litFreq[END_OF_BLOCK] = 1;
  const extra = extraBits();
  const stored = storedBits(end - start);
  const fixed = 3 + codedBits(litFreq, FIXED_LIT_LEN, LIT_CODES) + codedBits(distFreq, FIXED_DIST_LEN, DIST_CODES) + extra;

  let dynamic = Infinity;
  let hlit = 0;
  let hdist = 0;
  let hclen = 0;
  if (symbolCount >= MIN_DYNAMIC_SYMBOLS) {
    huffmanLengths(litFreq, LIT_CODES, LIT_CODE_LIMIT, litLen);
    huffmanLengths(distFreq, DIST_CODES, DIST_CODE_LIMIT, distLen);
    hlit = LIT_CODES;
    while (litLen[hlit - 1] === 0) hlit--;
    hdist = DIST_CODES;
    while (distLen[hdist - 1] === 0) hdist--;
    allLengths.set(litLen.subarray(0, hlit), 0);
    allLengths.set(distLen.subarray(0, hdist), hlit);
    runLengthCode(hlit + hdist);
    huffmanLengths(clFreq, CL_CODES, CL_CODE_LIMIT, clLen);
    hclen = CL_CODES;
    while (hclen > 4 && clLen[CL_ORDER[hclen - 1]!] === 0) hclen--;
    dynamic =
      3 + 14 + 3 * hclen + codedBits(clFreq, clLen, CL_CODES) + 2 * clFreq[16]! + 3 * clFreq[17]! + 7 * clFreq[18]! +
      codedBits(litFreq, litLen, LIT_CODES) + codedBits(distFreq, distLen, DIST_CODES) + extra;
  }

  const flag = final ? 1 : 0;
  reserve(Math.ceil(Math.min(stored, fixed, dynamic) / 8) + 1);
  if (stored <= fixed && stored <= dynamic) {
    writeStored(data, start, end, final);
  } else if (fixed <= dynamic) {
    putBits(flag | (1 << 1), 3);
    writeSymbols(FIXED_LIT_CODE, FIXED_LIT_LEN, FIXED_DIST_CODE, FIXED_DIST_LEN);
  } else {
    putBits(flag | (2 << 1), 3);
    putBits(hlit - 257, 5);
    putBits(hdist - 1, 5);
    putBits(hclen - 4, 4);
    for (let k = 0; k < hclen; k++) putBits(clLen[CL_ORDER[k]!]!, 3);
    assignCodes(clLen, CL_CODES, clCode);
    for (let k = 0; k < clCount; k++) {
      const s = clSymbols[k]!;
      putBits(clCode[s]!, clLen[s]!);
      if (s >= 16) putBits(clExtra[k]!, s === 16 ? 2 : s === 17 ? 3 : 7);
    }
    assignCodes(litLen, LIT_CODES, litCode);
    assignCodes(distLen, DIST_CODES, distCodes);
    writeSymbols(litCode, litLen, distCodes, distLen);
  }
}

// --- Matching ------------------------------------------------------------------------------

/** Most recent position (plus offset) per hash of 3 bytes. */
const head = new Int32Array(1 << HASH_BITS);
/** Per position (plus offset, masked): the previous position with the same hash. */
const chain = new Int32Array(CHAIN_MASK + 1);
/** Table entries below this are empty (left by earlier calls, or never written). */
let base = 1;
/** Table entries stay below this; past it they are renumbered or cleared. */
let positionLimit = 0x7fffffff;

/**
 * Lowers the bound table entries are kept under, so tests can reach the renumbering and
 * clearing that otherwise only gigabytes of input reach. Returns the previous bound.
 */
export function setPositionLimitForTests(limit: number): number {
  const previous = positionLimit;
  positionLimit = limit;
  return previous;
}

/** Renumbers the tables so that an entry `delta` lower is the same position; entries at or below `delta` become empty. */
function slideTables(delta: number): void {
  for (let h = 0; h < head.length; h++) head[h] = Math.max(0, head[h]! - delta);
  for (let p = 0; p < chain.length; p++) chain[p] = Math.max(0, chain[p]! - delta);
}

/** Adds positions [from, to) to the hash chains. */
function insertRange(data: Uint8Array, from: number, to: number, offset: number): void {
  const last = Math.min(to, data.length - MIN_MATCH + 1);
  for (let j = from; j < last; j++) {
    const h = Math.imul(data[j]! | (data[j + 1]! << 8) | (data[j + 2]! << 16), HASH_MULTIPLIER) >>> HASH_SHIFT;
    chain[(offset + j) & CHAIN_MASK] = head[h]!;
    head[h] = offset + j;
  }
}

/**
 * Adds position i to the hash chains and looks back for a match there longer than `shorter`
 * (at least MIN_MATCH bytes): returns length << 16 | distance, or 0 for none.
 */
function insertAndMatch(data: Uint8Array, i: number, offset: number, shorter: number, effort: Effort): number {
  const n = data.length;
  if (i + MIN_MATCH > n) return 0;
  const b0 = data[i]!;
  const b1 = data[i + 1]!;
  const b2 = data[i + 2]!;
  const h = Math.imul(b0 | (b1 << 8) | (b2 << 16), HASH_MULTIPLIER) >>> HASH_SHIFT;
  const entry = offset + i;
  let candidate = head[h]!;
  head[h] = entry;
  chain[entry & CHAIN_MASK] = candidate;

  const maxLen = Math.min(MAX_MATCH, n - i);
  let best = Math.max(shorter, MIN_MATCH - 1);
  if (best >= maxLen) return 0;
  let found = 0;
  let tail = data[i + best]!;
  const lowest = Math.max(base, entry - WINDOW);
  let tries = shorter >= effort.good ? effort.chain >> 2 : effort.chain;
  while (candidate >= lowest) {
    const p = candidate - offset;
    // The byte that would make this match longer than the best so far is the likeliest to differ.
    if (data[p + best] === tail && data[p] === b0 && data[p + 1] === b1 && data[p + 2] === b2) {
      let l = MIN_MATCH;
      while (l < maxLen && data[p + l] === data[i + l]) l++;
      if (l > best && (l > MIN_MATCH || i - p <= FAR_THREE)) {
        best = l;
        found = (l << 16) | (i - p);
        if (l >= effort.nice || l === maxLen) break;
        tail = data[i + l]!;
      }
    }
    if (--tries === 0) break;
    candidate = chain[candidate & CHAIN_MASK]!;
  }
  return found;
}

/**
 * Collects one block's symbols and their frequencies from position `start` on (table entries are
 * position + offset). Returns where the block ends.
 */
function matchBlock(data: Uint8Array, start: number, offset: number): number {
  const n = data.length;
  const effort = n <= SMALL_INPUT ? SMALL_INPUT_EFFORT : LARGE_INPUT_EFFORT;
  const lazy = effort.lazy;
  const syms = symbols;
  const lf = litFreq;
  const df = distFreq;
  lf.fill(0);
  df.fill(0);
  let count = 0;
  let i = start;
  while (i < n && count < BLOCK_SYMBOLS) {
    let found = insertAndMatch(data, i, offset, 0, effort);
    if (found === 0) {
      const b = data[i++]!;
      syms[count++] = b;
      lf[b]!++;
      continue;
    }
    // Lazy evaluation: while the next position has a longer match, emit a literal and move on.
    let inserted = i + 1;
    while (found >>> 16 < lazy && i + 1 < n) {
      const next = insertAndMatch(data, i + 1, offset, found >>> 16, effort);
      inserted = i + 2;
      if (next === 0) break;
      const b = data[i++]!;
      syms[count++] = b;
      lf[b]!++;
      found = next;
    }
    const len = found >>> 16;
    syms[count++] = found;
    lf[LEN_SYMBOL[len]!]!++;
    df[distCode(found & 0xffff)]!++;
    insertRange(data, inserted, i + len, offset);
    i += len;
  }
  symbolCount = count;
  return i;
}

/** Raw DEFLATE of `data` into `out` from `outPos`, ending on a byte boundary. */
function deflate(data: Uint8Array): void {
  const n = data.length;
  if (base + n >= positionLimit) {
    head.fill(0);
    chain.fill(0);
    base = 1;
  }
  /** Table entry of position i is offset + i. */
  let offset = base;
  let i = 0;
  do {
    if (offset + Math.min(n, i + BLOCK_SPAN) >= positionLimit && i > WINDOW) {
      // A multiple of the chain's size, so every position keeps its chain slot.
      const delta = Math.floor((offset + i - WINDOW - 1) / (CHAIN_MASK + 1)) * (CHAIN_MASK + 1);
      if (delta > 0) {
        slideTables(delta);
        offset -= delta;
        base = 1;
      }
    }
    const start = i;
    i = matchBlock(data, start, offset);
    writeBlock(data, start, i, i >= n);
  } while (i < n);
  alignToByte();
  base = offset + n;
}

/** Magic, method 8 (deflate), no flags, mtime 0, no extra flags, OS 3. */
const HEADER = Uint8Array.of(0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3);

/** Appends a 32-bit little-endian word (the low 32 bits of `v`). */
function putWord(v: number): void {
  out[outPos++] = v;
  out[outPos++] = v >>> 8;
  out[outPos++] = v >>> 16;
  out[outPos++] = v >>> 24;
}

/** gzip member of `bytes`: no name, mtime 0, OS 3 (as fflate writes it). */
export function gzip(bytes: Uint8Array): Uint8Array {
  const n = bytes.length;
  outPos = 0;
  bitBuf = 0;
  bitCount = 0;
  // Room for the usual worst case, nearly all stored; writeBlock makes more if a block needs it.
  reserve(HEADER.length + n + Math.ceil(n / 4096) + 64);
  out.set(HEADER, 0);
  outPos = HEADER.length;
  deflate(bytes);
  reserve(8);
  putWord(crc32(bytes));
  putWord(n);
  const result = out.slice(0, outPos);
  if (out.length > KEEP_OUTPUT) out = new Uint8Array(INITIAL_OUTPUT);
  return result;
}

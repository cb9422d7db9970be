/**
 * gzip (RFC 1952) around a DEFLATE (RFC 1951) encoder, written for many small texts.
 *
 * Matching uses a hash of 3 bytes, chains through a 32 KiB window and lazy evaluation (a short
 * match is emitted only when the next position's is no longer); inputs larger than the window
 * get longer searches. Symbols are collected into blocks of up to BLOCK_SYMBOLS, and each block
 * is written stored, with the fixed code or with its own length-limited Huffman codes,
 * whichever takes the fewest bits.
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
const LARGE_INPUT_EFFORT: Effort = { chain: 96, good: 4, lazy: 8, nice: 64 };
const SMALL_INPUT = WINDOW;
/** Length-3 matches further away than this cost more bits than three literals. */
const FAR_THREE = 4096;

/** Symbols per block (its last steps may add up to two more). */
const BLOCK_SYMBOLS = 16384;
const SYMBOL_ROOM = BLOCK_SYMBOLS + 2;
/** Most input bytes one block can cover. */
const BLOCK_SPAN = SYMBOL_ROOM * MAX_MATCH;

const END_OF_BLOCK = 256;
const LIT_CODES = 286;
const DIST_CODES = 30;
const CL_CODES = 19;
/**
 * Longest codes: DEFLATE allows 15 bits (7 for the code-length code); distance codes are kept
 * shorter so that one with its extra bits fits in a single write, at no measurable cost.
 */
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

/** An alphabet's statistics and code for the current block. */
interface Alphabet {
  /** Longest code allowed. */
  readonly limit: number;
  readonly freq: Int32Array;
  /** Symbols in use, increasing: those with a frequency, then (after buildCode) those with a code. */
  readonly used: Uint16Array;
  usedCount: number;
  readonly lengths: Uint8Array;
  /** Codes, bit-reversed for LSB-first output. */
  readonly codes: Uint16Array;
}

function alphabet(size: number, limit: number): Alphabet {
  const lengths = new Uint8Array(size);
  return { limit, freq: new Int32Array(size), used: new Uint16Array(size), usedCount: 0, lengths, codes: new Uint16Array(size) };
}

/** Lists the symbols with a frequency. */
function collectUsed(a: Alphabet): void {
  const { freq, used } = a;
  let m = 0;
  for (let s = 0; s < freq.length; s++) if (freq[s] !== 0) used[m++] = s;
  a.usedCount = m;
}

/** Sum of frequency × code length over the symbols in use. */
function codedBits(a: Alphabet, lengths: Uint8Array): number {
  const { freq, used } = a;
  let bits = 0;
  for (let k = 0; k < a.usedCount; k++) bits += freq[used[k]!]! * lengths[used[k]!]!;
  return bits;
}

const lengthCounts = new Uint16Array(16);
const nextCode = new Uint16Array(16);

/** Canonical codes (RFC 1951 3.2.2) of the symbols in use, from their lengths. */
function assignCodes(a: Alphabet): void {
  const { used, lengths, codes } = a;
  const m = a.usedCount;
  lengthCounts.fill(0);
  for (let k = 0; k < m; k++) lengthCounts[lengths[used[k]!]!]!++;
  let code = 0;
  for (let len = 1; len < 16; len++) {
    code = (code + lengthCounts[len - 1]!) << 1;
    nextCode[len] = code;
  }
  for (let k = 0; k < m; k++) {
    const s = used[k]!;
    const len = lengths[s]!;
    const c = nextCode[len]!++;
    codes[s] = ((REVERSED[c & 255]! << 8) | REVERSED[c >> 8]!) >> (16 - len);
  }
}

// Scratch for buildLengths, sized for the largest alphabet.
const sortKeys = new Int32Array(LIT_CODES);
const nodeWeight = new Int32Array(2 * LIT_CODES);
const nodeParent = new Int32Array(2 * LIT_CODES);
const depthCounts = new Int32Array(LIT_CODES);

/**
 * Lengths of a Huffman code no longer than the alphabet's limit for the symbols in use (0 for
 * the others). At least two symbols always get a code, so the code is complete: unused ones
 * are added when fewer are in use.
 */
function buildLengths(a: Alphabet): void {
  const { freq, used, lengths, limit } = a;
  lengths.fill(0);
  if (a.usedCount < 2) {
    const only = a.usedCount === 1 ? used[0]! : 0;
    used[0] = 0;
    used[1] = only === 0 ? 1 : only;
    a.usedCount = 2;
  }
  const m = a.usedCount;
  // Leaves sorted by frequency, ties by symbol: key = frequency << 9 | symbol.
  for (let k = 0; k < m; k++) sortKeys[k] = (freq[used[k]!]! << 9) | used[k]!;
  sortKeys.subarray(0, m).sort();

  // Huffman's algorithm with two queues: the sorted leaves, then inner nodes in creation order
  // (which is also weight order). Ties prefer leaves, which keeps the tree shallow.
  for (let k = 0; k < m; k++) nodeWeight[k] = sortKeys[k]! >> 9;
  let leaf = 0;
  let inner = m;
  const root = 2 * m - 2;
  for (let next = m; next <= root; next++) {
    const x = leaf < m && (inner >= next || nodeWeight[leaf]! <= nodeWeight[inner]!) ? leaf++ : inner++;
    const y = leaf < m && (inner >= next || nodeWeight[leaf]! <= nodeWeight[inner]!) ? leaf++ : inner++;
    nodeWeight[next] = nodeWeight[x]! + nodeWeight[y]!;
    nodeParent[x] = next;
    nodeParent[y] = next;
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

// The fixed code (RFC 1951 3.2.6).
function fixedCode(lengths: Uint8Array): Alphabet {
  const a = alphabet(lengths.length, 15);
  a.lengths.set(lengths);
  a.used.forEach((_, s) => (a.used[s] = s));
  a.usedCount = lengths.length;
  assignCodes(a);
  return a;
}
const FIXED_LIT = fixedCode(new Uint8Array(288).fill(8, 0, 144).fill(9, 144, 256).fill(7, 256, 280).fill(8, 280, 288));
const FIXED_DIST = fixedCode(new Uint8Array(DIST_CODES).fill(5));

// --- CRC-32 --------------------------------------------------------------------------------

/** CRC tables for eight bytes at a time: CRC_TABLES[k * 256 + b] is b's CRC followed by k zero bytes. */
const CRC_TABLES = new Int32Array(8 * 256);
for (let b = 0; b < 256; b++) {
  let c = b;
  for (let i = 0; i < 8; i++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  CRC_TABLES[b] = c;
}
for (let i = 256; i < 8 * 256; i++) {
  const c = CRC_TABLES[i - 256]!;
  CRC_TABLES[i] = (c >>> 8) ^ CRC_TABLES[c & 255]!;
}

/** CRC-32 (ISO-HDLC, as in gzip) of `data`. */
export function crc32(data: Uint8Array): number {
  const t = CRC_TABLES;
  let crc = -1;
  const n = data.length;
  let i = 0;
  for (; i + 8 <= n; i += 8) {
    const lo = crc ^ (data[i]! | (data[i + 1]! << 8) | (data[i + 2]! << 16) | (data[i + 3]! << 24));
    const hi = data[i + 4]! | (data[i + 5]! << 8) | (data[i + 6]! << 16) | (data[i + 7]! << 24);
    crc =
      t[1792 + (lo & 255)]! ^ t[1536 + ((lo >>> 8) & 255)]! ^ t[1280 + ((lo >>> 16) & 255)]! ^ t[1024 + (lo >>> 24)]! ^
      t[768 + (hi & 255)]! ^ t[512 + ((hi >>> 8) & 255)]! ^ t[256 + ((hi >>> 16) & 255)]! ^ t[hi >>> 24]!;
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

/**
 * The block's symbols: a literal byte, or a match as MATCH_FLAG | length code index << 23 |
 * length extra bits << 18 | distance code << 13 | distance extra bits.
 */
const symbols = new Int32Array(SYMBOL_ROOM);
const MATCH_FLAG = 1 << 30;
let symbolCount = 0;
const litCodes = alphabet(LIT_CODES, LIT_CODE_LIMIT);
const distCodes = alphabet(DIST_CODES, DIST_CODE_LIMIT);

// The dynamic header: code lengths, run-length coded with the code-length code.
const allLengths = new Uint8Array(LIT_CODES + DIST_CODES);
const clSymbols = new Uint8Array(LIT_CODES + DIST_CODES);
const clExtra = new Uint8Array(LIT_CODES + DIST_CODES);
let clCount = 0;
const clCodes = alphabet(CL_CODES, CL_CODE_LIMIT);

function pushCl(symbol: number, extra: number): void {
  clSymbols[clCount] = symbol;
  clExtra[clCount++] = extra;
  clCodes.freq[symbol]!++;
}

/** Run-length codes `allLengths[0..n)` into clSymbols/clExtra (RFC 1951 3.2.7) and counts them. */
function runLengthCode(n: number): void {
  clCount = 0;
  clCodes.freq.fill(0);
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
  for (let k = 0; k < litCodes.usedCount; k++) {
    const s = litCodes.used[k]!;
    if (s > END_OF_BLOCK) bits += litCodes.freq[s]! * LEN_EXTRA[s - 257]!;
  }
  for (let k = 0; k < distCodes.usedCount; k++) {
    const c = distCodes.used[k]!;
    bits += distCodes.freq[c]! * DIST_EXTRA[c]!;
  }
  return bits;
}

/** Writes the block's symbols with the given codes, then end-of-block. */
function writeSymbols(lits: Alphabet, dists: Alphabet): void {
  const { codes: lc, lengths: ll } = lits;
  const { codes: dc, lengths: dl } = dists;
  // A literal, a length or a distance goes out as one code with its extra bits: at most 15 + 5
  // bits for a length, DIST_CODE_LIMIT + 13 for a distance, which fit in 31 bits beside the at
  // most 7 waiting in `buf`. After each, the whole bytes go out without branching: three are
  // always written (the output has room past its end) and as many as are complete are counted.
  const o = out;
  const syms = symbols;
  const n = symbolCount;
  const lenExtra = LEN_EXTRA;
  const distExtra = DIST_EXTRA;
  let pos = outPos;
  let buf = bitBuf;
  let count = bitCount;
  /** The match whose length was just written, else 0. */
  let match = 0;
  for (let k = 0; k < n || match !== 0; ) {
    if (match !== 0) {
      const c = (match >>> 13) & 31;
      buf |= (dc[c]! | ((match & 0x1fff) << dl[c]!)) << count;
      count += dl[c]! + distExtra[c]!;
      match = 0;
    } else {
      const s = syms[k++]!;
      if (s < MATCH_FLAG) {
        buf |= lc[s]! << count;
        count += ll[s]!;
      } else {
        const li = (s >>> 23) & 31;
        const sym = 257 + li;
        buf |= (lc[sym]! | (((s >>> 18) & 31) << ll[sym]!)) << count;
        count += ll[sym]! + lenExtra[li]!;
        match = s;
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
  litCodes.freq[END_OF_BLOCK] = 1;
  collectUsed(litCodes);
  collectUsed(distCodes);
  const extra = extraBits();
  const stored = storedBits(end - start);
  const fixed = 3 + codedBits(litCodes, FIXED_LIT.lengths) + codedBits(distCodes, FIXED_DIST.lengths) + extra;

  let dynamic = Infinity;
  let hlit = 0;
  let hdist = 0;
  let hclen = 0;
  if (symbolCount >= MIN_DYNAMIC_SYMBOLS) {
    buildLengths(litCodes);
    buildLengths(distCodes);
    hlit = litCodes.used[litCodes.usedCount - 1]! + 1;
    hdist = distCodes.used[distCodes.usedCount - 1]! + 1;
    allLengths.set(litCodes.lengths.subarray(0, hlit), 0);
    allLengths.set(distCodes.lengths.subarray(0, hdist), hlit);
    runLengthCode(hlit + hdist);
    collectUsed(clCodes);
    buildLengths(clCodes);
    const { freq: clFreq, lengths: clLen } = clCodes;
    hclen = CL_CODES;
    while (hclen > 4 && clLen[CL_ORDER[hclen - 1]!] === 0) hclen--;
    dynamic =
      3 + 14 + 3 * hclen + codedBits(clCodes, clLen) + 2 * clFreq[16]! + 3 * clFreq[17]! + 7 * clFreq[18]! +
      codedBits(litCodes, litCodes.lengths) + codedBits(distCodes, distCodes.lengths) + extra;
  }

  const flag = final ? 1 : 0;
  reserve(Math.ceil(Math.min(stored, fixed, dynamic) / 8) + 1);
  if (stored <= fixed && stored <= dynamic) {
    writeStored(data, start, end, final);
  } else if (fixed <= dynamic) {
    putBits(flag | (1 << 1), 3);
    writeSymbols(FIXED_LIT, FIXED_DIST);
  } else {
    putBits(flag | (2 << 1), 3);
    putBits(hlit - 257, 5);
    putBits(hdist - 1, 5);
    putBits(hclen - 4, 4);
    const { codes: clCode, lengths: clLen } = clCodes;
    for (let k = 0; k < hclen; k++) putBits(clLen[CL_ORDER[k]!]!, 3);
    assignCodes(clCodes);
    for (let k = 0; k < clCount; k++) {
      const s = clSymbols[k]!;
      putBits(clCode[s]!, clLen[s]!);
      if (s >= 16) putBits(clExtra[k]!, s === 16 ? 2 : s === 17 ? 3 : 7);
    }
    assignCodes(litCodes);
    assignCodes(distCodes);
    writeSymbols(litCodes, distCodes);
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
  if (from >= last) return;
  // (Module tables in locals: V8 then loads them once, not on every access.)
  const heads = head;
  const links = chain;
  // The three bytes at j, rolled along.
  let bytes = (data[from]! << 8) | data[from + 1]!;
  for (let j = from; j < last; j++) {
    bytes = ((bytes << 8) | data[j + 2]!) & 0xffffff;
    const h = Math.imul(bytes, HASH_MULTIPLIER) >>> HASH_SHIFT;
    links[(offset + j) & CHAIN_MASK] = heads[h]!;
    heads[h] = offset + j;
  }
}

/**
 * The longest match at position i (already in the hash chains) longer than `shorter` and at
 * least MIN_MATCH bytes, among the candidates the effort allows: length << 16 | distance, or 0.
 */
function longestMatch(data: Uint8Array, i: number, offset: number, shorter: number, effort: Effort): number {
  const maxLen = Math.min(MAX_MATCH, data.length - i);
  let best = Math.max(shorter, MIN_MATCH - 1);
  if (best >= maxLen) return 0;
  const entry = offset + i;
  const lowest = Math.max(base, entry - WINDOW);
  const links = chain;
  let candidate = links[entry & CHAIN_MASK]!;
  let tries = shorter >= effort.good ? effort.chain >> 2 : effort.chain;
  const b0 = data[i]!;
  const b1 = data[i + 1]!;
  const b2 = data[i + 2]!;
  let tail = data[i + best]!;
  let found = 0;
  // Candidates come from the chain of the 3 bytes at i + shift (then a candidate's entry plus
  // shift is on that chain).
  let shift = 0;
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
        // A longer match also shares every 3 bytes of this one: go on along the chain of the
        // 3 bytes whose previous occurrence lies furthest back (positions before i only).
        let next = links[(candidate + shift) & CHAIN_MASK]! - shift;
        const last = Math.min(l - MIN_MATCH, i - p - 1);
        for (let k = 0; k <= last; k++) {
          const there = links[(candidate + k) & CHAIN_MASK]! - k;
          if (there < next) {
            next = there;
            shift = k;
          }
        }
      }
    }
    if (--tries === 0) break;
    candidate = links[(candidate + shift) & CHAIN_MASK]! - shift;
  }
  return found;
}

/** Puts a match in the block's symbols at `at` and counts its codes. */
function recordMatch(at: number, len: number, dist: number): void {
  const li = LEN_INDEX[len]!;
  const c = distCode(dist);
  litCodes.freq[257 + li]!++;
  distCodes.freq[c]!++;
  symbols[at] = MATCH_FLAG | (li << 23) | ((len - LEN_BASE[li]!) << 18) | (c << 13) | (dist - 1 - DIST_BASE[c]!);
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
  const lf = litCodes.freq;
  lf.fill(0);
  distCodes.freq.fill(0);
  let count = 0;
  let i = start;
  /** Positions before this are in the hash chains. */
  let inserted = start;
  // Lazy evaluation: a match found at i - 1 waits in `pending` (length << 16 | distance) until
  // the search at i finds nothing longer; else i - 1 goes out as a literal.
  let pending = 0;
  while (i < n && count < BLOCK_SYMBOLS) {
    insertRange(data, inserted, i + 1, offset);
    inserted = i + 1;
    const found = pending >>> 16 < lazy && i + MIN_MATCH <= n ? longestMatch(data, i, offset, pending >>> 16, effort) : 0;
    if (pending !== 0) {
      if (found === 0) {
        const len = pending >>> 16;
        recordMatch(count++, len, pending & 0xffff);
        i += len - 1;
        pending = 0;
        continue;
      }
      const b = data[i - 1]!;
      syms[count++] = b;
      lf[b]!++;
    }
    if (found === 0) {
      const b = data[i]!;
      syms[count++] = b;
      lf[b]!++;
    }
    pending = found;
    i++;
  }
  if (pending !== 0) {
    recordMatch(count++, pending >>> 16, pending & 0xffff);
    i += (pending >>> 16) - 1;
  }
  insertRange(data, inserted, i, offset);
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

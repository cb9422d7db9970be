/**
 * DEFLATE (RFC 1951) streams exactly as Go's `compress/flate` writes them at `BestCompression`
 * (level 9), for one `Write` of the whole input followed by `Close`.
 *
 * Follows Go 1.24, `src/compress/flate`: `deflate.go` (the lazy matcher, its level-9 limits, the
 * 64 KiB window and when it slides, when a block is cut), `huffman_bit_writer.go` (each block
 * written stored, with the fixed code or with its own code, whichever Go sizes smallest; the
 * run-length coded code lengths), `huffman_code.go` (length-limited codes and their tie-breaking)
 * and `token.go`. Every choice that shapes the bytes is Go's; how the work is done is ours:
 * positions are kept in input coordinates (the window's slides only bound what can be matched
 * and stored), the hash tables are reused from call to call without being cleared, bytes are
 * compared 4 at a time, and a search at a run of one byte settles each stretch of candidates
 * inside earlier runs at once.
 */

// --- Parameters (deflate.go) ----------------------------------------------------------------

const WINDOW = 1 << 15;
const WINDOW_MASK = WINDOW - 1;
/** Go emits no match shorter than 4 bytes, and a 4-byte one only up to FAR_FOUR back. */
const MIN_MATCH = 4;
const FAR_FOUR = 4096;
const MAX_MATCH = 258;
/** Go processes a position only while this much input follows it, until the input ends. */
const LOOKAHEAD = MIN_MATCH + MAX_MATCH;
/** Level 9: candidates tried per position, and the match length that ends the search. */
const CHAIN = 4096;
const NICE = 258;
/** Level 9: a match this long is emitted without looking for a longer one at the next position. */
const LAZY = 258;
/** Tokens per block. */
const MAX_BLOCK_TOKENS = 1 << 14;
const MAX_STORED = 65535;
const HASH_BITS = 17;
const HASH_MULTIPLIER = 0x1e35a7bd;

// --- Alphabets (huffman_bit_writer.go, token.go) --------------------------------------------

const END_OF_BLOCK = 256;
const LENGTH_CODES_START = 257;
const LIT_CODES = 286;
const OFFSET_CODES = 30;
const CODEGEN_CODES = 19;
/** Order of the code-length code's lengths in a dynamic header. */
const CODEGEN_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15] as const;

/** Per length code (0..28): extra bits, and the smallest length minus 3. */
const LENGTH_EXTRA = Uint8Array.of(0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0);
const LENGTH_BASE = new Uint16Array(29);
/** Match length minus 3 (0..255) → length code. */
const LENGTH_CODE = new Uint8Array(256);
for (let c = 0, base = 0; c < 28; c++) {
  LENGTH_BASE[c] = base;
  for (let k = 0; k < 1 << LENGTH_EXTRA[c]!; k++) LENGTH_CODE[base++] = c;
}
LENGTH_BASE[28] = 255;
LENGTH_CODE[255] = 28;

/** Per offset code (0..29): extra bits, and the smallest offset minus 1. */
const OFFSET_EXTRA = new Uint8Array(OFFSET_CODES);
const OFFSET_BASE = new Uint16Array(OFFSET_CODES);
for (let c = 0; c < OFFSET_CODES; c++) {
  OFFSET_EXTRA[c] = c < 4 ? 0 : (c >> 1) - 1;
  OFFSET_BASE[c] = c < 4 ? c : (2 | (c & 1)) << ((c >> 1) - 1);
}

/** Offset code of a match offset minus 1 (0..32767). */
function offsetCode(off: number): number {
  if (off < 4) return off;
  const top = 31 - Math.clz32(off);
  return (top << 1) | ((off >> (top - 1)) & 1);
}

// --- Huffman codes (huffman_code.go) --------------------------------------------------------

/** A code for one alphabet: bit lengths, and codes bit-reversed for LSB-first output. */
interface Code {
  readonly lengths: Uint8Array;
  readonly codes: Uint16Array;
}

function newCode(size: number): Code {
  return { lengths: new Uint8Array(size), codes: new Uint16Array(size) };
}

/** Bytes with their bits in reverse order. */
const REVERSED_BYTE = Uint8Array.from({ length: 256 }, (_, b) => {
  let r = 0;
  for (let i = 0; i < 8; i++) r |= ((b >> i) & 1) << (7 - i);
  return r;
});

/** The low `bits` (≤ 16) bits of `value` in reverse order. */
function reverseBits(value: number, bits: number): number {
  return ((REVERSED_BYTE[value & 255]! << 8) | REVERSED_BYTE[(value >> 8) & 255]!) >> (16 - bits);
}

const lengthCounts = new Int32Array(16);
const nextCode = new Int32Array(16);

/** Canonical codes (RFC 1951 3.2.2) of symbols 0..size-1 from their lengths (0: no code). */
function assignCanonicalCodes(code: Code, size: number): void {
  const { lengths, codes } = code;
  lengthCounts.fill(0);
  for (let s = 0; s < size; s++) lengthCounts[lengths[s]!]!++;
  lengthCounts[0] = 0;
  let next = 0;
  for (let len = 1; len < 16; len++) {
    next = (next + lengthCounts[len - 1]!) << 1;
    nextCode[len] = next;
  }
  for (let s = 0; s < size; s++) {
    const len = lengths[s]!;
    if (len !== 0) codes[s] = reverseBits(nextCode[len]!++, len);
  }
}

function fixedCode(lengths: number[]): Code {
  const code = newCode(lengths.length);
  code.lengths.set(lengths);
  assignCanonicalCodes(code, lengths.length);
  return code;
}
/** The fixed literal/length code is defined for 288 symbols, of which blocks use 286. */
const FIXED_LIT = fixedCode(Array.from({ length: 288 }, (_, s) => (s < 144 ? 8 : s < 256 ? 9 : s < 280 ? 7 : 8)));
const FIXED_OFFSET = fixedCode(new Array<number>(OFFSET_CODES).fill(5));

const INFINITE = 0x7fffffff;
/** Scratch for buildCode: symbols in use sorted by frequency then symbol (key = freq << 9 | symbol). */
const sortKeys = new Int32Array(LIT_CODES);
/** Their frequencies in that order, then a sentinel. */
const sortedFreq = new Int32Array(LIT_CODES + 1);
/** Symbols per code length, from lengthLimitedCounts. */
const countPerLength = new Int32Array(16);
// Per tree level in lengthLimitedCounts.
const lastFreq = new Int32Array(17);
const nextLeafFreq = new Int32Array(17);
const nextPairFreq = new Int32Array(17);
const needed = new Int32Array(17);
const itemCount = new Int32Array(17);
/** Room per level: a level lists fewer than 2n items (n leaves and fewer than n pairs), n ≤ 286. */
const LEVEL_ROOM = 2 * LIT_CODES + 2;
/** leavesBefore[level * LEVEL_ROOM + k]: how many of the level's first k items are leaves. */
const leavesBefore = new Int32Array(17 * LEVEL_ROOM);

/**
 * How many of the `n` (≥ 3) symbols, frequencies ascending in `sortedFreq`, get each code length
 * 1..maxBits, for an optimal code no longer than `maxBits`, as Go's `bitCounts` decides (its
 * choice among equally good codes decides the bytes). Returns the longest length used
 * (`maxBits`, or n - 1 when smaller).
 *
 * Boundary package-merge: each level lists items in increasing weight, merging the leaves with
 * pairs of consecutive items of the level below (a leaf first only when strictly lighter); the
 * top level takes 2n - 2 items, and levels below make items only as pairs are taken. A leaf's
 * code length is the number of levels whose taken items include it.
 */
function lengthLimitedCounts(n: number, maxBits: number): number {
  const f = sortedFreq;
  f[n] = INFINITE;
  if (maxBits > n - 1) maxBits = n - 1;
  needed.fill(0, 0, maxBits + 2);
  nextPairFreq[maxBits + 1] = 0;
  for (let level = 1; level <= maxBits; level++) {
    // Every level starts with its two lightest items, the two rarest leaves.
    lastFreq[level] = f[1]!;
    nextLeafFreq[level] = f[2]!;
    nextPairFreq[level] = level === 1 ? INFINITE : f[0]! + f[1]!;
    itemCount[level] = 2;
    const row = level * LEVEL_ROOM;
    leavesBefore[row] = 0;
    leavesBefore[row + 1] = 1;
    leavesBefore[row + 2] = 2;
  }
  needed[maxBits] = 2 * n - 4;

  let level = maxBits;
  for (;;) {
    if (nextPairFreq[level] === INFINITE && nextLeafFreq[level] === INFINITE) {
      // Out of leaves and pairs: this level is done, and no pair from it will be taken.
      needed[level] = 0;
      nextPairFreq[level + 1] = INFINITE;
      level++;
      continue;
    }
    const previous = lastFreq[level]!;
    const row = level * LEVEL_ROOM;
    const items = itemCount[level]!;
    let leaves = leavesBefore[row + items]!;
    if (nextLeafFreq[level]! < nextPairFreq[level]!) {
      leaves++;
      lastFreq[level] = nextLeafFreq[level]!;
      nextLeafFreq[level] = f[leaves]!;
    } else {
      // A pair from the level below, which then makes the next pair.
      lastFreq[level] = nextPairFreq[level]!;
      needed[level - 1] = 2;
    }
    itemCount[level] = items + 1;
    leavesBefore[row + items + 1] = leaves;
    if (--needed[level]! === 0) {
      if (level === maxBits) break;
      nextPairFreq[level + 1] = previous + lastFreq[level]!;
      level++;
    } else {
      while (needed[level - 1]! > 0) level--;
    }
  }

  // From the top down: the pairs taken at a level are the first items of the level below.
  let taken = 2 * n - 2;
  let above = 0;
  for (let lv = maxBits, bits = 1; lv > 0; lv--, bits++) {
    const leaves = leavesBefore[lv * LEVEL_ROOM + taken]!;
    // Leaves taken here but not below get `bits` bits (the ones taken below too get more).
    if (lv < maxBits) countPerLength[bits - 1] = above - leaves;
    above = leaves;
    taken = 2 * (taken - leaves);
  }
  countPerLength[maxBits] = above;
  return maxBits;
}

/**
 * Go's `huffmanEncoder.generate`: a code for symbols 0..size-1 with frequencies `freq`, no
 * longer than `maxBits`. Symbols without frequency get no code; with one or two in use, each
 * gets a 1-bit code. The rarest symbols (ties: the larger symbol value first) get the longest codes.
 * Returns the bits the symbols take with it (Go's `bitLength`: Σ frequency × code length), summed
 * over the symbols in use only.
 */
function buildCode(freq: Int32Array, size: number, maxBits: number, code: Code): number {
  const { lengths } = code;
  lengths.fill(0, 0, size);
  let count = 0;
  for (let s = 0; s < size; s++) {
    const fs = freq[s]!;
    if (fs !== 0) sortKeys[count++] = (fs << 9) | s;
  }
  let bits = 0;
  if (count <= 2) {
    for (let k = 0; k < count; k++) {
      lengths[sortKeys[k]! & 511] = 1;
      bits += sortKeys[k]! >> 9;
    }
  } else {
    const keys = sortKeys.subarray(0, count);
    keys.sort();
    for (let k = 0; k < count; k++) sortedFreq[k] = keys[k]! >> 9;
    const longest = lengthLimitedCounts(count, maxBits);
    // The most frequent symbols take the shortest codes.
    let k = count;
    for (let length = 1; length <= longest; length++) {
      for (let c = countPerLength[length]!; c > 0; c--) {
        const key = keys[--k]!;
        lengths[key & 511] = length;
        bits += (key >> 9) * length;
      }
    }
  }
  assignCanonicalCodes(code, size);
  return bits;
}

/** Σ frequency × code length over symbols 0..size-1. */
function codedBits(freq: Int32Array, lengths: Uint8Array, size: number): number {
  let bits = 0;
  for (let s = 0; s < size; s++) bits += freq[s]! * lengths[s]!;
  return bits;
}

// --- Output ---------------------------------------------------------------------------------

/** Output buffer, reused across calls (replaced after a call that grew it large). */
const INITIAL_OUTPUT = 64 * 1024;
const KEEP_OUTPUT = 1024 * 1024;
let out = new Uint8Array(INITIAL_OUTPUT);
let outPos = 0;
/** Pending bits (fewer than 8) and their count. */
let bitBuf = 0;
let bitCount = 0;

/**
 * Appends the low `n` (≤ 20) bits of `value`. Three bytes are written whether complete or not
 * (`reserve` leaves room past the end; later writes replace the incomplete ones).
 */
function putBits(value: number, n: number): void {
  const buf = bitBuf | (value << bitCount);
  const count = bitCount + n;
  const o = out;
  const at = outPos;
  o[at] = buf;
  o[at + 1] = buf >>> 8;
  o[at + 2] = buf >>> 16;
  outPos = at + (count >> 3);
  bitBuf = buf >>> (count & ~7);
  bitCount = count & 7;
}

/** Pads the pending bits to a whole byte (Go's `flush`). */
function alignToByte(): void {
  if (bitCount > 0) out[outPos++] = bitBuf;
  bitBuf = 0;
  bitCount = 0;
}

/** Makes room for `bytes` more output bytes. */
function reserve(bytes: number): void {
  const needed = outPos + bytes + 16;
  if (needed <= out.length) return;
  const bigger = new Uint8Array(Math.max(needed, 2 * out.length));
  bigger.set(out.subarray(0, outPos));
  out = bigger;
}

/** A stored block's header: type bits, byte alignment, LEN and NLEN. */
function writeStoredHeader(length: number, final: boolean): void {
  putBits(final ? 1 : 0, 3);
  alignToByte();
  out[outPos++] = length;
  out[outPos++] = length >> 8;
  out[outPos++] = ~length;
  out[outPos++] = ~length >> 8;
}

// --- Blocks (huffman_bit_writer.go) ---------------------------------------------------------

/** The block's tokens: a literal byte, or MATCH | (length - 3) << 22 | (offset - 1). */
const MATCH = 1 << 30;
const tokens = new Int32Array(MAX_BLOCK_TOKENS + 1);
let tokenCount = 0;
/** Token frequencies per literal/length code and per offset code, counted as tokens are added. */
const litFreq = new Int32Array(LIT_CODES);
const offsetFreq = new Int32Array(OFFSET_CODES);
const litCode = newCode(LIT_CODES);
const offsetCodeTable = newCode(OFFSET_CODES);
const codegenFreq = new Int32Array(CODEGEN_CODES);
const codegenCode = newCode(CODEGEN_CODES);
/** Code lengths of both alphabets, then (in place) their run-length coding; END_CODEGEN ends it. */
const codegen = new Uint8Array(LIT_CODES + OFFSET_CODES + 1);
const END_CODEGEN = 255;

function addLiteral(b: number): void {
  tokens[tokenCount++] = b;
  litFreq[b]!++;
}

function addMatch(length: number, offset: number): void {
  const xlength = length - 3;
  const xoffset = offset - 1;
  tokens[tokenCount++] = MATCH | (xlength << 22) | xoffset;
  litFreq[LENGTH_CODES_START + LENGTH_CODE[xlength]!]!++;
  offsetFreq[offsetCode(xoffset)]!++;
}

function clearBlock(): void {
  tokenCount = 0;
  litFreq.fill(0);
  offsetFreq.fill(0);
}

/**
 * Run-length codes the lengths of literal/length codes 0..numLiterals-1 and offset codes
 * 0..numOffsets-1 (RFC 1951 3.2.7) into `codegen`, counting `codegenFreq`, as Go does: a
 * nonzero length is sent once and then repeated with 16 (3–6 times); zeros use 18 (11–138)
 * and 17 (3–10); shorter remainders are sent as they are.
 */
function runLengthCode(numLiterals: number, numOffsets: number): void {
  codegenFreq.fill(0);
  const cg = codegen;
  cg.set(litCode.lengths.subarray(0, numLiterals), 0);
  cg.set(offsetCodeTable.lengths.subarray(0, numOffsets), numLiterals);
  const total = numLiterals + numOffsets;
  cg[total] = END_CODEGEN;
  let outIndex = 0;
  /** Appends a repeat code and its count's extra value. */
  const repeat = (symbol: number, extra: number): void => {
    cg[outIndex++] = symbol;
    cg[outIndex++] = extra;
    codegenFreq[symbol]!++;
  };
  let size = cg[0]!;
  let count = 1;
  for (let inIndex = 1; size !== END_CODEGEN; inIndex++) {
    const nextSize = cg[inIndex]!;
    if (nextSize === size) {
      count++;
      continue;
    }
    if (size !== 0) {
      cg[outIndex++] = size;
      codegenFreq[size]!++;
      count--;
      for (; count >= 3; count -= Math.min(count, 6)) repeat(16, Math.min(count, 6) - 3);
    } else {
      for (; count >= 11; count -= Math.min(count, 138)) repeat(18, Math.min(count, 138) - 11);
      if (count >= 3) {
        repeat(17, count - 3);
        count = 0;
      }
    }
    for (; count > 0; count--) {
      cg[outIndex++] = size;
      codegenFreq[size]!++;
    }
    size = nextSize;
    count = 1;
  }
  cg[outIndex] = END_CODEGEN;
}

/** Writes the block's tokens and end-of-block with the given codes. */
function writeTokens(lit: Code, off: Code): void {
  const { lengths: ll, codes: lc } = lit;
  const { lengths: ol, codes: oc } = off;
  const t = tokens;
  const n = tokenCount;
  for (let k = 0; k < n; k++) {
    const token = t[k]!;
    if (token < MATCH) {
      putBits(lc[token]!, ll[token]!);
      continue;
    }
    const xlength = (token >>> 22) & 255;
    const lcode = LENGTH_CODE[xlength]!;
    const sym = LENGTH_CODES_START + lcode;
    // The length code (≤ 15 bits) and its extra bits (≤ 5) in one write.
    putBits(lc[sym]! | ((xlength - LENGTH_BASE[lcode]!) << ll[sym]!), ll[sym]! + LENGTH_EXTRA[lcode]!);
    const xoffset = token & 0x3fffff;
    const ocode = offsetCode(xoffset);
    putBits(oc[ocode]!, ol[ocode]!);
    putBits(xoffset - OFFSET_BASE[ocode]!, OFFSET_EXTRA[ocode]!);
  }
  putBits(lc[END_OF_BLOCK]!, ll[END_OF_BLOCK]!);
}

/**
 * Writes the collected tokens, covering data[start..end), as one non-final block, choosing as
 * Go's `writeBlock` does: the fixed code unless its own code is strictly smaller, and stored
 * (when the window still holds the bytes and they fit one stored block) when strictly smaller
 * than that, all sizes as Go estimates them.
 */
function writeBlock(data: Uint8Array, start: number, end: number, inWindow: boolean): void {
  litFreq[END_OF_BLOCK]!++;
  let numLiterals = LIT_CODES;
  while (litFreq[numLiterals - 1] === 0) numLiterals--;
  let numOffsets = OFFSET_CODES;
  while (numOffsets > 0 && offsetFreq[numOffsets - 1] === 0) numOffsets--;
  if (numOffsets === 0) {
    // Go counts one offset code so that a dynamic header can describe the offset code.
    offsetFreq[0] = 1;
    numOffsets = 1;
  }
  const litBits = buildCode(litFreq, LIT_CODES, 15, litCode);
  const offsetBits = buildCode(offsetFreq, OFFSET_CODES, 15, offsetCodeTable);

  const span = end - start;
  const storable = inWindow && span <= MAX_STORED;
  let extraBits = 0;
  if (storable) {
    // Extra bits count only when comparing with a stored block (they are the same for both codes).
    for (let c = LENGTH_CODES_START + 8; c < numLiterals; c++) extraBits += litFreq[c]! * LENGTH_EXTRA[c - LENGTH_CODES_START]!;
    for (let c = 4; c < numOffsets; c++) extraBits += offsetFreq[c]! * OFFSET_EXTRA[c]!;
  }
  // Codes past numLiterals and numOffsets have no frequency; every fixed offset code is 5 bits.
  let offsetCount = 0;
  for (let c = 0; c < numOffsets; c++) offsetCount += offsetFreq[c]!;
  const fixedSize = 3 + codedBits(litFreq, FIXED_LIT.lengths, numLiterals) + 5 * offsetCount + extraBits;

  runLengthCode(numLiterals, numOffsets);
  const codegenBits = buildCode(codegenFreq, CODEGEN_CODES, 7, codegenCode);
  let numCodegens = CODEGEN_CODES;
  while (numCodegens > 4 && codegenFreq[CODEGEN_ORDER[numCodegens - 1]!] === 0) numCodegens--;
  const dynamicSize =
    3 + 5 + 5 + 4 + 3 * numCodegens + codegenBits + 2 * codegenFreq[16]! + 3 * codegenFreq[17]! + 7 * codegenFreq[18]! + litBits + offsetBits + extraBits;

  const dynamic = dynamicSize < fixedSize;
  const size = dynamic ? dynamicSize : fixedSize;
  if (storable && (span + 5) * 8 < size) {
    reserve(span + 8);
    writeStoredHeader(span, false);
    out.set(data.subarray(start, end), outPos);
    outPos += span;
    return;
  }
  // A fixed block takes at most 9 bits an input byte (a match's codes and extra bits take less
  // than 8 a byte), and a dynamic one is chosen only when smaller.
  reserve(Math.ceil((9 * span) / 8) + 64);
  if (!dynamic) {
    putBits(2, 3);
    writeTokens(FIXED_LIT, FIXED_OFFSET);
    return;
  }
  putBits(4, 3);
  putBits(numLiterals - 257, 5);
  putBits(numOffsets - 1, 5);
  putBits(numCodegens - 4, 4);
  const { lengths: cl, codes: cc } = codegenCode;
  for (let k = 0; k < numCodegens; k++) putBits(cl[CODEGEN_ORDER[k]!]!, 3);
  for (let k = 0; ;) {
    const sym = codegen[k++]!;
    if (sym === END_CODEGEN) break;
    putBits(cc[sym]!, cl[sym]!);
    if (sym === 16) putBits(codegen[k++]!, 2);
    else if (sym === 17) putBits(codegen[k++]!, 3);
    else if (sym === 18) putBits(codegen[k++]!, 7);
  }
  writeTokens(litCode, offsetCodeTable);
}

// --- Matching (deflate.go) ------------------------------------------------------------------

/**
 * hashHead[h]: the latest position (+ `base`) whose 4 bytes hash to h; hashPrev[p & WINDOW_MASK]:
 * the position before p with the same hash (negative: none). Head entries left by earlier calls
 * lie below `base` and read as empty, as Go's cleared tables do, so nothing is cleared between
 * calls; a position's link is written before it is read.
 */
const hashHead = new Int32Array(1 << HASH_BITS);
const hashPrev = new Int32Array(WINDOW);
let base = 1;
/** Entries are kept below this; past it they are renumbered (as Go does past 2^24). */
let entryLimit = 2 ** 30;

/**
 * Lowers the bound on table entries, so tests reach the renumbering that otherwise takes a
 * gigabyte of input. Returns the previous bound.
 */
export function setEntryLimitForTests(limit: number): number {
  const previous = entryLimit;
  entryLimit = limit;
  return previous;
}

/** Whether searches at runs take findRunMatch's shortcut (tests compare it with findMatch). */
let runSearch = true;

/** Turns findRunMatch off (false) or on; returns the previous setting. */
export function setRunSearchForTests(on: boolean): boolean {
  const previous = runSearch;
  runSearch = on;
  return previous;
}

/** Renumbers head entries `delta` lower; entries that would drop below 1 become empty (0). */
function renumber(delta: number): void {
  const head = hashHead;
  for (let k = 0; k < head.length; k++) {
    const v = head[k]! - delta;
    head[k] = v > 0 ? v : 0;
  }
  base -= delta;
}

/**
 * words[p]: the 4 bytes at p as a big-endian 32-bit word, for every p with 4 bytes to read;
 * hashed for the chains and compared 4 bytes at a time when matching. runStart[p], where the
 * word at p is one byte repeated: the first position of the stretch of such words that ends at p.
 * Grown as inputs need.
 */
let words = new Int32Array(INITIAL_OUTPUT);
let runStart = new Int32Array(INITIAL_OUTPUT);
const KEEP_WORDS = 1 << 20;

/** Whether a word is one byte repeated 4 times. */
function isRun(word: number): boolean {
  return word >>> 8 === (word & 0xffffff);
}

function loadWords(data: Uint8Array): Int32Array {
  const last = data.length - 3;
  if (words.length < last) {
    words = new Int32Array(last);
    runStart = new Int32Array(last);
  }
  const w = words;
  const starts = runStart;
  let word = (data[0]! << 16) | (data[1]! << 8) | data[2]!;
  let previous = 0;
  for (let p = 0; p < last; p++) {
    word = (word << 8) | data[p + 3]!;
    w[p] = word;
    if (isRun(word)) starts[p] = p > 0 && previous === word ? starts[p - 1]! : p;
    previous = word;
  }
  return w;
}

/** Go's hash4 of a 4-byte word: its top HASH_BITS bits after multiplying. */
function hash(word: number): number {
  return Math.imul(word, HASH_MULTIPLIER) >>> (32 - HASH_BITS);
}

/**
 * Go's `findMatch` at level 9: the longest match at `pos` of at least MIN_MATCH bytes (4-byte
 * ones no further than FAR_FOUR back), looking at up to CHAIN candidates from `candidate` on
 * and at none before `lowest`; up to `maxLen` bytes; the nearest of the longest. Returns
 * length << 16 | offset, or 0 when none is longer than `shorter` (≥ MIN_MATCH - 1): Go then
 * emits the match pending from the position before, whatever the search found.
 */
function findMatch(data: Uint8Array, w: Int32Array, pos: number, candidate: number, lowest: number, maxLen: number, shorter: number): number {
  const chain = hashPrev;
  const farthest = pos - WINDOW;
  const nice = Math.min(NICE, maxLen);
  let best = shorter;
  let found = 0;
  // A candidate can beat `best` only if its bytes best-3..best match too (Go tests byte `best`).
  let tailAt = best - 3;
  let tail = w[pos + tailAt]!;
  let i = candidate;
  for (let tries = CHAIN; ;) {
    if (w[i + tailAt] === tail) {
      let n = 0;
      for (;;) {
        if (n + 4 > maxLen) {
          while (n < maxLen && data[i + n] === data[pos + n]) n++;
          break;
        }
        const diff = w[i + n]! ^ w[pos + n]!;
        if (diff !== 0) {
          n += Math.clz32(diff) >> 3;
          break;
        }
        n += 4;
      }
      if (n > best && (n > MIN_MATCH || pos - i <= FAR_FOUR)) {
        best = n;
        found = (n << 16) | (pos - i);
        if (n >= nice) break;
        tailAt = best - 3;
        tail = w[pos + tailAt]!;
      }
    }
    // (The slot of the position a window back now holds pos's own link.)
    if (--tries === 0 || i === farthest) break;
    i = chain[i & WINDOW_MASK]!;
    if (i < lowest) break;
  }
  return found;
}

/**
 * How many bytes equal to data[at] follow from `at` on, counting at most `cap` (≥ 4, and
 * at + cap within the input); the word at `at` is that byte 4 times.
 */
function runLength(data: Uint8Array, w: Int32Array, at: number, cap: number): number {
  const word = w[at]!;
  let n = 4;
  while (n + 4 <= cap && w[at + n] === word) n += 4;
  const b = data[at];
  while (n < cap && data[at + n] === b) n++;
  return Math.min(n, cap);
}

/**
 * findMatch for a position whose 4 bytes are one byte repeated (indentation, padding, zeros),
 * where chains are long: every true candidate then lies in a stretch of run positions c, c-1, …
 * that the chain visits one after another, and a candidate's match length follows from its run
 * length R (increasing by one along the stretch) and pos's run length r: R when R < r, r when
 * R > r, and r plus whatever follows the two runs when R = r. Each stretch is settled at once,
 * with Go's order of updates, its limit on candidates tried and its window bounds, so the result
 * is findMatch's.
 */
function findRunMatch(data: Uint8Array, w: Int32Array, pos: number, candidate: number, lowest: number, maxLen: number, shorter: number): number {
  const chain = hashPrev;
  const starts = runStart;
  const farthest = pos - WINDOW;
  const nice = Math.min(NICE, maxLen);
  const word = w[pos]!;
  // pos's run, counted up to maxLen; one of at least maxLen bytes ends every search it meets.
  const r = runLength(data, w, pos, maxLen);
  let best = shorter;
  let found = 0;
  /** Go's update for one candidate; true when the search ends there (nice length reached). */
  const consider = (c: number, n: number): boolean => {
    if (n > best && (n > MIN_MATCH || pos - c <= FAR_FOUR)) {
      best = n;
      found = (n << 16) | (pos - c);
      return n >= nice;
    }
    return false;
  };
  let i = candidate;
  for (let tries = CHAIN; ;) {
    if (w[i] !== word) {
      // Another word with the same hash: no match of 4 bytes.
      if (--tries === 0 || i === farthest) break;
      i = chain[i & WINDOW_MASK]!;
      if (i < lowest) break;
      continue;
    }
    // The stretch i, i-1, …, end as the chain walks it.
    const end = Math.max(starts[i]!, lowest);
    const count = Math.min(i - end + 1, tries);
    const last = i - count + 1;
    const r0 = runLength(data, w, i, maxLen + 1);
    // Candidates i - k with R = r0 + k < r: lengths rising, the last of them the longest.
    const rising = Math.min(Math.max(r - r0, 0), count);
    if (rising > 0 && consider(i - (rising - 1), r0 + rising - 1)) break;
    if (rising < count) {
      // The next candidate has R = r (or, when r0 > r already, R > r): its length is r, plus
      // what follows the two runs when both end there; the candidates after it give r.
      const c = i - rising;
      let n = r;
      if (r0 + rising === r && r < maxLen) {
        while (n < maxLen && data[c + n] === data[pos + n]) n++;
      }
      if (consider(c, n)) break;
    }
    tries -= count;
    if (tries === 0 || last === farthest) break;
    i = chain[last & WINDOW_MASK]!;
    if (i < lowest) break;
  }
  return found;
}

/** The DEFLATE stream of `data` as Go's level 9 writes it, appended to `out`. */
function deflateInto(data: Uint8Array): void {
  const n = data.length;
  if (base + n >= entryLimit) {
    hashHead.fill(0);
    base = 1;
  }
  const head = hashHead;
  const chain = hashPrev;
  const w = loadWords(data);
  clearBlock();

  /** Input position of the window's first byte (Go shifts the window by WINDOW at a time). */
  let windowStart = 0;
  /** Input copied into the window so far: Go fills the window (2 × WINDOW) whenever it slides. */
  let filled = Math.min(n, 2 * WINDOW);
  let pos = 0;
  /** Match found at the position before (length < MIN_MATCH: none) and its offset. */
  let length = MIN_MATCH - 1;
  let offset = 0;
  /** Whether the byte before pos awaits its literal (Go's byteAvailable). */
  let byteAvailable = false;
  let chainHead = -1;
  /** Where the tokens collected begin, and whether the window still holds those bytes. */
  let blockStart = 0;
  let blockInWindow = true;

  const flushBlock = (end: number): void => {
    writeBlock(data, blockStart, end, blockInWindow);
    clearBlock();
    blockStart = end;
    blockInWindow = true;
  };

  for (;;) {
    const end = filled;
    const closing = filled === n;
    // Before the input is all in, Go stops while fewer than LOOKAHEAD bytes follow.
    const stop = closing ? end : end - LOOKAHEAD + 1;
    const insertEnd = end - (MIN_MATCH - 1);
    while (pos < stop) {
      if (pos < insertEnd) {
        const h = hash(w[pos]!);
        chainHead = head[h]! - base;
        chain[pos & WINDOW_MASK] = chainHead;
        head[h] = pos + base;
      }
      const lookahead = end - pos;
      const prevLength = length;
      const prevOffset = offset;
      length = MIN_MATCH - 1;
      offset = 0;
      const lowest = Math.max(pos - WINDOW, windowStart);
      if (chainHead >= lowest && lookahead > prevLength && prevLength < LAZY) {
        const maxLen = Math.min(MAX_MATCH, lookahead);
        const found =
          runSearch && isRun(w[pos]!)
            ? findRunMatch(data, w, pos, chainHead, lowest, maxLen, prevLength)
            : findMatch(data, w, pos, chainHead, lowest, maxLen, prevLength);
        if (found !== 0) {
          length = found >>> 16;
          offset = found & 0xffff;
        }
      }
      if (prevLength >= MIN_MATCH && length <= prevLength) {
        // The match from the position before is at least as long: emit it.
        addMatch(prevLength, prevOffset);
        // Every position the match covers goes into the hash chains, while 4 bytes remain.
        const matchEnd = pos + prevLength - 1;
        const last = Math.min(matchEnd, insertEnd);
        for (let p = pos + 1; p < last; p++) {
          const h = hash(w[p]!);
          chain[p & WINDOW_MASK] = head[h]! - base;
          head[h] = p + base;
        }
        pos = matchEnd;
        byteAvailable = false;
        length = MIN_MATCH - 1;
        if (tokenCount === MAX_BLOCK_TOKENS) flushBlock(pos);
      } else {
        if (byteAvailable) {
          addLiteral(data[pos - 1]!);
          if (tokenCount === MAX_BLOCK_TOKENS) flushBlock(pos);
        }
        pos++;
        byteAvailable = true;
      }
    }
    if (closing) break;
    // Go slides the window by WINDOW and refills it; the bytes before its start are gone.
    windowStart += WINDOW;
    if (blockStart < windowStart) blockInWindow = false;
    filled = Math.min(n, windowStart + 2 * WINDOW);
    if (base + filled >= entryLimit) renumber(base + windowStart - 1);
  }
  if (byteAvailable) addLiteral(data[n - 1]!);
  if (tokenCount > 0) flushBlock(n);
  base += n;
  if (words.length > KEEP_WORDS) {
    words = new Int32Array(INITIAL_OUTPUT);
    runStart = new Int32Array(INITIAL_OUTPUT);
  }
  // Close: an empty final stored block.
  reserve(8);
  writeStoredHeader(0, true);
}

/**
 * `data` compressed as Go's `flate.NewWriter(w, flate.BestCompression)`, one `Write` and
 * `Close` produce it, placed after `headroom` bytes left for the caller and followed by
 * `tailroom` more (both zero-filled).
 */
export function deflateBestCompression(data: Uint8Array, headroom = 0, tailroom = 0): Uint8Array {
  outPos = 0;
  bitBuf = 0;
  bitCount = 0;
  reserve(headroom + tailroom + 64);
  out.fill(0, 0, headroom);
  outPos = headroom;
  deflateInto(data);
  reserve(tailroom);
  out.fill(0, outPos, outPos + tailroom);
  outPos += tailroom;
  const result = out.slice(0, outPos);
  if (out.length > KEEP_OUTPUT) out = new Uint8Array(INITIAL_OUTPUT);
  return result;
}

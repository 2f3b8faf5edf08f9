import type { Hash64 } from './hash64.ts';
import { hashFromBits } from './hash64.ts';

/**
 * DCT perceptual hash (pHash, Zauner 2010, "Implementation and Benchmarking of Perceptual Image
 * Hash Functions"): 32×32 grayscale, 2D DCT-II, keep the lowest 8×8 frequencies, drop the DC term
 * (it only encodes mean brightness), threshold each coefficient at the median of the 63 kept.
 *
 * Layout: bit 63 (most significant) is always 0; bits 62..0 are coefficients (u, v) in row-major
 * order without (0, 0). So two hashes differ in at most 63 bits; unrelated logos sit near 31.5.
 */
const SIDE = 32;
const KEPT = 8;
/** The detail hash keeps 16×16 frequencies: 255 informative bits, see dctDetailHash. */
const DETAIL_KEPT = 16;

/** cosTable[u * SIDE + x] = cos((2x + 1)uπ / 2N); DCT scale factors do not change the signs or median. */
const cosTable = buildCosTable(DETAIL_KEPT);

function buildCosTable(kept: number): Float64Array {
  const table = new Float64Array(kept * SIDE);
  for (let u = 0; u < kept; u += 1) {
    for (let x = 0; x < SIDE; x += 1) {
      table[u * SIDE + x] = Math.cos(((2 * x + 1) * u * Math.PI) / (2 * SIDE));
    }
  }
  return table;
}

/** Takes the normalized logo (square, side a multiple of 32) and box-averages it down to 32×32. */
export function dctHash64(gray: Uint8Array, side: number): Hash64 {
  const small = downsampleTo32(gray, side);
  const coefficients = lowFrequencies(small, KEPT);
  const ac = coefficients.slice(1);
  const median = medianOf(ac);
  const bits = [0, ...Array.from(ac, (c) => (c > median ? 1 : 0))];
  return hashFromBits(bits);
}

/**
 * The same construction over the 16×16 lowest frequencies: a 256-bit value (bit 255 always 0), row
 * by row. Four times the bits and finer detail than dctHash64, so it separates near-misses that the
 * 64-bit hashes cannot (two logos 8 bits apart are often the same picture, often not); too exact to
 * search by, it only re-ranks candidates.
 */
export function dctDetailHash(gray: Uint8Array, side: number): bigint {
  const coefficients = lowFrequencies(downsampleTo32(gray, side), DETAIL_KEPT);
  const ac = coefficients.slice(1);
  const median = medianOf(ac);
  let hash = 0n;
  for (const c of ac) hash = (hash << 1n) | (c > median ? 1n : 0n);
  return hash;
}

function downsampleTo32(gray: Uint8Array, side: number): Float64Array {
  if (side % SIDE !== 0) throw new RangeError(`dct hash needs a square side divisible by 32, got ${side}`);
  const factor = side / SIDE;
  const out = new Float64Array(SIDE * SIDE);
  for (let y = 0; y < side; y += 1) {
    for (let x = 0; x < side; x += 1) {
      const target = Math.floor(y / factor) * SIDE + Math.floor(x / factor);
      out[target] = (out[target] ?? 0) + (gray[y * side + x] ?? 0);
    }
  }
  return out;
}

/** The kept × kept lowest-frequency DCT-II coefficients, row-major, computed separably (rows, then columns). */
function lowFrequencies(pixels: Float64Array, kept: number): Float64Array {
  const rowPass = new Float64Array(SIDE * kept); // rowPass[y * kept + v] = Σx pixel(y, x) cos(v, x)
  for (let y = 0; y < SIDE; y += 1) {
    for (let v = 0; v < kept; v += 1) {
      let sum = 0;
      for (let x = 0; x < SIDE; x += 1) sum += (pixels[y * SIDE + x] ?? 0) * (cosTable[v * SIDE + x] ?? 0);
      rowPass[y * kept + v] = sum;
    }
  }
  const out = new Float64Array(kept * kept);
  for (let u = 0; u < kept; u += 1) {
    for (let v = 0; v < kept; v += 1) {
      let sum = 0;
      for (let y = 0; y < SIDE; y += 1) sum += (rowPass[y * kept + v] ?? 0) * (cosTable[u * SIDE + y] ?? 0);
      out[u * kept + v] = sum;
    }
  }
  return out;
}

function medianOf(values: Float64Array): number {
  const sorted = Float64Array.from(values).sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/**
 * 64-bit hashes travel as `bigint` at the public surface and as two unsigned 32-bit halves inside the
 * index, where BigInt arithmetic would be far too slow for a million-entry popcount scan.
 */
export type Hash64 = bigint;

const MASK_32 = 0xffffffffn;
const MASK_64 = 0xffffffffffffffffn;

/** Number of set bits in an unsigned 32-bit integer (SWAR popcount; no loop, no table). */
export function popcount32(value: number): number {
  let v = value - ((value >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  v = (v + (v >>> 4)) & 0x0f0f0f0f;
  return Math.imul(v, 0x01010101) >>> 24;
}

export function highHalf(hash: Hash64): number {
  return Number((hash >> 32n) & MASK_32);
}

export function lowHalf(hash: Hash64): number {
  return Number(hash & MASK_32);
}

export function fromHalves(high: number, low: number): Hash64 {
  return (BigInt(high >>> 0) << 32n) | BigInt(low >>> 0);
}

export function hammingDistance(a: Hash64, b: Hash64): number {
  const x = (a ^ b) & MASK_64;
  return popcount32(Number(x >> 32n)) + popcount32(Number(x & MASK_32));
}

/** Fixed-width 16-digit hex, the form hashes take in JSON and on disk. */
export function hashToHex(hash: Hash64): string {
  return (hash & MASK_64).toString(16).padStart(16, '0');
}

export function hashFromHex(hex: string): Hash64 {
  if (!/^[0-9a-f]{16}$/i.test(hex)) {
    throw new RangeError(`hash "${hex}" is not 16 hex digits; pass a 64-bit hash as written by hashToHex`);
  }
  return BigInt(`0x${hex}`);
}

/** Packs 64 bits given most significant first (truthy = 1) into a hash. */
export function hashFromBits(bits: ArrayLike<number | boolean>): Hash64 {
  if (bits.length !== 64) throw new RangeError(`expected 64 bits, got ${bits.length}`);
  let high = 0;
  let low = 0;
  for (let i = 0; i < 32; i += 1) {
    high = ((high << 1) | (bits[i] ? 1 : 0)) >>> 0;
    low = ((low << 1) | (bits[i + 32] ? 1 : 0)) >>> 0;
  }
  return fromHalves(high, low);
}

/**
 * Bits [start, start + width) of the hash, counted from the most significant bit, as an unsigned
 * integer. `width` is at most 16, so the result always fits a bucket table index.
 */
export function substringOf(high: number, low: number, start: number, width: number): number {
  const end = start + width;
  const mask = (1 << width) - 1;
  if (end <= 32) return (high >>> (32 - end)) & mask;
  if (start >= 32) return (low >>> (64 - end)) & mask;
  const lowBits = end - 32;
  return (((high << lowBits) | (low >>> (32 - lowBits))) >>> 0) & mask;
}

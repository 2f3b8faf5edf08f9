import { describe, expect, it } from 'vitest';
import {
  fromHalves,
  hammingDistance,
  hashFromBits,
  hashFromHex,
  hashToHex,
  popcount32,
  substringOf,
} from './hash64.ts';

describe('64-bit hash helpers', () => {
  it('counts bits', () => {
    expect(popcount32(0)).toBe(0);
    expect(popcount32(0xffffffff)).toBe(32);
    expect(popcount32(0x80000001)).toBe(2);
    expect(popcount32(0b1011_0110)).toBe(5);
  });

  it('measures Hamming distance across both halves', () => {
    expect(hammingDistance(0n, 0xffffffffffffffffn)).toBe(64);
    expect(hammingDistance(0x8000000000000001n, 0n)).toBe(2);
    expect(hammingDistance(0x0f0f0f0f0f0f0f0fn, 0x0f0f0f0f0f0f0f0en)).toBe(1);
  });

  it('round-trips hex and halves', () => {
    expect(hashToHex(0x0f0f0f0f0f0f0f0fn)).toBe('0f0f0f0f0f0f0f0f');
    expect(hashFromHex('00000000000000ff')).toBe(255n);
    expect(fromHalves(0xdeadbeef, 0x00000001)).toBe(0xdeadbeef00000001n);
    expect(() => hashFromHex('xyz')).toThrow(/16 hex digits/);
  });

  it('packs bits most significant first', () => {
    const bits = Array.from({ length: 64 }, (_, i) => (i === 0 || i === 63 ? 1 : 0));
    expect(hashFromBits(bits)).toBe(0x8000000000000001n);
  });

  it('cuts substrings, including one that straddles the two halves', () => {
    const high = 0x12345678;
    const low = 0x9abcdef0;
    expect(substringOf(high, low, 0, 16)).toBe(0x1234);
    expect(substringOf(high, low, 48, 16)).toBe(0xdef0);
    expect(substringOf(high, low, 24, 16)).toBe(0x789a);
    // bits 26..31 of 0x12345678 are 111000, bits 0..6 of 0x9a are 1001101
    expect(substringOf(high, low, 26, 13)).toBe(0b111000_1001101);
  });
});

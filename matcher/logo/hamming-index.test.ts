import { describe, expect, it } from 'vitest';
import type { Hash64 } from './hash64.ts';
import { LinearHammingIndex } from './linear-scan.ts';
import { MultiIndexHammingIndex } from './multi-index.ts';

/** mulberry32: reproducible test data without a dependency. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomHash(random: () => number): Hash64 {
  return (BigInt(Math.floor(random() * 2 ** 32)) << 32n) | BigInt(Math.floor(random() * 2 ** 32));
}

function flipBits(hash: Hash64, count: number, random: () => number): Hash64 {
  let out = hash;
  for (let i = 0; i < count; i += 1) out ^= 1n << BigInt(Math.floor(random() * 64));
  return out;
}

/** maxPending 0: every search goes through the bucket tables, none through the linear tail. */
function buildBoth(hashes: Hash64[], substrings = 4, maxPending = 0) {
  const multi = new MultiIndexHammingIndex(substrings, { maxPending });
  const linear = new LinearHammingIndex();
  hashes.forEach((h, i) => {
    multi.add(`h${i}`, h);
    linear.add(`h${i}`, h);
  });
  return { multi, linear };
}

describe('multi-index Hamming search', () => {
  const random = seeded(7);
  // Clusters of near-duplicates (as real logos form) among uniformly random hashes.
  const centres = Array.from({ length: 40 }, () => randomHash(random));
  const hashes = [
    ...Array.from({ length: 3000 }, () => randomHash(random)),
    ...centres.flatMap((c) => Array.from({ length: 5 }, () => flipBits(c, 4, random))),
  ];

  it('returns exactly what the linear scan returns, for near and far queries, k and limits', () => {
    const { multi, linear } = buildBoth(hashes);
    const queries = [
      ...centres.map((c) => [flipBits(c, 3, random)]),
      ...Array.from({ length: 30 }, () => [randomHash(random)]),
      ...centres.slice(0, 10).map((c) => [randomHash(random), flipBits(c, 6, random)]),
    ];
    for (const q of queries) {
      for (const k of [1, 5, 20]) expect(multi.search(q, k)).toEqual(linear.search(q, k));
      expect(multi.search(q, 50, 10)).toEqual(linear.search(q, 50, 10));
    }
  });

  it('finds the planted near-duplicate first, and says which query variant matched', () => {
    const { multi } = buildBoth(hashes);
    const target = hashes[1234]!;
    const [best] = multi.search([randomHash(random), flipBits(target, 2, random)], 1);
    expect(best?.id).toBe('h1234');
    expect(best?.distance).toBeLessThanOrEqual(2);
    expect(best?.variant).toBe(1);
  });

  it('agrees with the linear scan at other substring counts', () => {
    const { multi, linear } = buildBoth(hashes.slice(0, 1500), 6);
    for (let i = 0; i < 20; i += 1) {
      const q = [flipBits(hashes[i * 50]!, i % 9, random)];
      expect(multi.search(q, 7)).toEqual(linear.search(q, 7));
    }
  });

  it('stays exact while recent additions wait in the linear tail', () => {
    const { multi, linear } = buildBoth(hashes.slice(0, 2000), 4, 500);
    multi.search([0n], 1); // builds the tables from the first 2000
    for (const [i, h] of hashes.slice(2000, 2400).entries()) {
      multi.add(`tail${i}`, h);
      linear.add(`tail${i}`, h);
    }
    for (let i = 0; i < 2400; i += 61) {
      const q = [flipBits(hashes[i]!, i % 7, random)];
      expect(multi.search(q, 5)).toEqual(linear.search(q, 5));
    }
  });

  it('stays exact after removals and re-adds', () => {
    const { multi, linear } = buildBoth(hashes.slice(0, 2000));
    for (let i = 0; i < 2000; i += 3) {
      expect(multi.remove(`h${i}`)).toBe(true);
      linear.remove(`h${i}`);
    }
    for (let i = 0; i < 300; i += 1) {
      const h = randomHash(random);
      multi.add(`new${i}`, h);
      linear.add(`new${i}`, h);
    }
    expect(multi.size).toBe(linear.size);
    expect(multi.remove('h0')).toBe(false);
    for (let i = 1; i < 2000; i += 97) {
      const q = [flipBits(hashes[i]!, 2, random)];
      expect(multi.search(q, 5)).toEqual(linear.search(q, 5));
    }
    expect(multi.search([hashes[0]!], 1)[0]?.id).not.toBe('h0');
  });

  it('handles the edges: empty index, k beyond size, duplicate ids', () => {
    const multi = new MultiIndexHammingIndex();
    expect(multi.search([0n], 5)).toEqual([]);
    multi.add('a', 0n);
    multi.add('b', 0xffn);
    expect(multi.search([0n], 10)).toEqual([
      { id: 'a', distance: 0, variant: 0 },
      { id: 'b', distance: 8, variant: 0 },
    ]);
    expect(() => multi.add('a', 1n)).toThrow(/already stored/);
    expect(() => new MultiIndexHammingIndex(2)).toThrow(/from 4 to 16/);
  });
});

import { describe, expect, it } from 'vitest';
import type { LogoHashes } from './hash-logo.ts';
import { LogoIndex } from './logo-index.ts';

/** Hand-made hashes: the mirrored variants are distinct so we can tell which one matched. */
function logo(dct: bigint, dctMirrored: bigint, block = 0n): LogoHashes {
  return { dct, dctMirrored, block, blockMirrored: block, alternates: [], parts: [], variants: [] };
}

describe('LogoIndex', () => {
  it('matches on the mirror image when that is closer, and says so', () => {
    const index = new LogoIndex();
    index.add('brand', logo(0x00000000000000ffn, 0xff00000000000000n));
    index.add('other', logo(0x0f0f0f0f0f0f0f0fn, 0xf0f0f0f0f0f0f0f0n));
    // The query's own hash is far from 'brand', its mirror hash is 1 bit from it.
    const query = logo(0xffff000000000000n, 0x00000000000000fen);
    expect(index.search(query, 1)).toEqual([{ id: 'brand', distance: 1, mirrored: true }]);
  });

  it('replaces a logo added twice under one id, and forgets removed ones', () => {
    const index = new LogoIndex();
    index.add('a', logo(0n, 0n));
    index.add('a', logo(0xffn, 0xffn));
    expect(index.size).toBe(1);
    expect(index.search(logo(0xffn, 0xffn), 5)).toEqual([{ id: 'a', distance: 0, mirrored: false }]);
    expect(index.remove('a')).toBe(true);
    expect(index.search(logo(0xffn, 0xffn), 5)).toEqual([]);
  });

  it('ranks by the chosen hash kind, the same with either strategy, within a distance limit', () => {
    const entries: [string, LogoHashes][] = [
      ['near', logo(0n, 0n, 0x1n)],
      ['mid', logo(0n, 0n, 0xffn)],
      ['far', logo(0n, 0n, 0xffffffffn)],
    ];
    const multi = new LogoIndex({ kind: 'block' });
    const linear = new LogoIndex({ kind: 'block', strategy: 'linear' });
    for (const [id, hashes] of entries) {
      multi.add(id, hashes);
      linear.add(id, hashes);
    }
    const query = logo(0n, 0n, 0n);
    const expected = [
      { id: 'near', distance: 1, mirrored: false },
      { id: 'mid', distance: 8, mirrored: false },
    ];
    expect(multi.search(query, 5, 8)).toEqual(expected);
    expect(linear.search(query, 5, 8)).toEqual(expected);
  });
});

describe('LogoIndex.rank', () => {
  it('re-ranks the shortlist on both hashes and explains each match', () => {
    const index = new LogoIndex();
    // Same dct distance (1) to the query; 'twin' also agrees on the block hash, 'decoy' does not.
    index.add('decoy', logo(0x1n, 0x1n, 0xffffffffn));
    index.add('twin', logo(0x2n, 0x2n, 0x0n));
    const ranked = index.rank(logo(0n, 0n, 0n), 2);
    expect(ranked.map((m) => [m.id, m.hashDistance, m.distance])).toEqual([
      ['twin', 1, 0.5],
      ['decoy', 1, 16.5],
    ]);
    expect(ranked[0]?.reasons).toEqual(['logo matches (distance 0.5 of 64)']);
    expect(ranked[1]?.reasons).toEqual(['logos look different (distance 16.5 of 64)']);
  });
});

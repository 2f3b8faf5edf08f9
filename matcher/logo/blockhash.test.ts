import { describe, expect, it } from 'vitest';
import { blockhash64 } from './blockhash.ts';
import { dctHash64 } from './dct-hash.ts';
import { hammingDistance } from './hash64.ts';

/** 64×64 gray image from a function of (x, y). */
function image(tone: (x: number, y: number) => number): Uint8Array {
  const out = new Uint8Array(64 * 64);
  for (let y = 0; y < 64; y += 1) for (let x = 0; x < 64; x += 1) out[y * 64 + x] = tone(x, y);
  return out;
}

describe('perceptual hashes of hand-made images', () => {
  it('blockhash: black left half, white right half gives 00001111 on every row of blocks', async () => {
    expect(
      await blockhash64(
        image((x) => (x < 32 ? 0 : 255)),
        64,
        64,
      ),
    ).toBe(0x0f0f0f0f0f0f0f0fn);
  });

  it('blockhash: white top half, black bottom half gives ones then zeros', async () => {
    expect(
      await blockhash64(
        image((_, y) => (y < 32 ? 255 : 0)),
        64,
        64,
      ),
    ).toBe(0xffffffff00000000n);
  });

  it('dct: the most significant bit is always 0 and a mirror image changes the hash', () => {
    const wedge = image((x, y) => (x > y ? 255 : x < 16 ? 0 : 128));
    const mirrored = image((x, y) => (63 - x > y ? 255 : 63 - x < 16 ? 0 : 128));
    const a = dctHash64(wedge, 64);
    expect(a >> 63n).toBe(0n);
    expect(hammingDistance(a, dctHash64(mirrored, 64))).toBeGreaterThan(10);
    expect(dctHash64(wedge, 64)).toBe(a);
  });
});

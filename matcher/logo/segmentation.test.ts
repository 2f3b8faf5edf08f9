import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { connectedComponents } from './connected-components.ts';
import { estimateTilt } from './estimate-tilt.ts';
import { findLogoParts } from './logo-parts.ts';
import type { GrayImage } from './pixels.ts';

/** A white canvas with black rectangles [left, top, width, height]. */
function canvas(width: number, height: number, boxes: [number, number, number, number][]): GrayImage {
  const pixels = new Uint8Array(width * height).fill(255);
  for (const [left, top, w, h] of boxes)
    for (let y = top; y < top + h; y += 1) for (let x = left; x < left + w; x += 1) pixels[y * width + x] = 0;
  return { pixels, width, height };
}

describe('connectedComponents', () => {
  it('joins diagonal neighbours (8-connectivity) and keeps separate blobs apart, with boxes and sizes', () => {
    const mask = new Uint8Array([1, 0, 0, 0, 1, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 1, 1, 1, 0, 0]);
    const components = connectedComponents(mask, 5, 4).sort((a, b) => a.top - b.top || a.left - b.left);
    expect(components).toEqual([
      { left: 0, top: 0, width: 2, height: 2, pixels: 2 },
      { left: 4, top: 0, width: 1, height: 2, pixels: 2 },
      { left: 0, top: 3, width: 3, height: 1, pixels: 3 },
    ]);
  });

  it('merges a U shape whose arms meet only at the bottom', () => {
    const mask = new Uint8Array([1, 0, 1, 1, 0, 1, 1, 1, 1]);
    expect(connectedComponents(mask, 3, 3)).toEqual([{ left: 0, top: 0, width: 3, height: 3, pixels: 7 }]);
  });
});

describe('findLogoParts', () => {
  it('splits an icon from the word beside it at the widest gap', () => {
    // A 60×60 icon, a 20-pixel gap, then four "letters" 16 wide with 4-pixel gaps.
    const letters: [number, number, number, number][] = [0, 1, 2, 3].map((i) => [80 + i * 20, 20, 16, 24]);
    const image = canvas(160, 60, [[0, 0, 60, 60], ...letters]);
    const parts = findLogoParts(image, 255);
    expect(parts).toContainEqual(expect.objectContaining({ left: 0, top: 0, width: 60, height: 60 }));
    expect(parts).toContainEqual(expect.objectContaining({ left: 80, top: 20, width: 76, height: 24 }));
  });

  it('finds no parts in a logo that is one blob, nor in a frame with a block inside', () => {
    expect(findLogoParts(canvas(50, 50, [[5, 5, 40, 40]]), 255)).toEqual([]);
    // A square frame 4 pixels thick with a block inside: their boxes overlap, so it is one block.
    const frame = canvas(60, 60, [
      [0, 0, 60, 4],
      [0, 56, 60, 4],
      [0, 0, 4, 60],
      [56, 0, 4, 60],
      [20, 20, 20, 20],
    ]);
    expect(findLogoParts(frame, 255).filter((p) => p.kind === 'group')).toEqual([]);
  });
});

describe('estimateTilt', () => {
  const gray = async (svg: string, degrees: number): Promise<GrayImage> => {
    // Two steps: sharp rotates before it composites, so the drawing is rendered first.
    const drawn = await sharp(Buffer.from(svg)).png().toBuffer();
    const { data, info } = await sharp(drawn)
      .rotate(degrees, { background: '#fff' })
      .raw()
      .toBuffer({ resolveWithObject: true });
    const pixels = new Uint8Array(info.width * info.height);
    for (let i = 0; i < pixels.length; i += 1) pixels[i] = data[i * info.channels]!;
    return { pixels, width: info.width, height: info.height };
  };
  const rectangle = (degrees: number) =>
    gray(
      '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="120"><rect width="120" height="120" fill="#fff"/><rect x="25" y="35" width="70" height="50"/></svg>',
      degrees,
    );

  it('reads the turn of a rectangle from its edges, and 0 for one standing straight', async () => {
    expect(estimateTilt(await rectangle(0))).toBe(0);
    expect(estimateTilt(await rectangle(5))).toBeCloseTo(5, 0);
    expect(estimateTilt(await rectangle(-4))).toBeCloseTo(-4, 0);
  });

  it('gives no answer for a ring, whose edges point every way', async () => {
    const ring =
      '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="120"><rect width="120" height="120" fill="#fff"/><circle cx="60" cy="60" r="40" fill="none" stroke="#000" stroke-width="12"/></svg>';
    expect(estimateTilt(await gray(ring, 0))).toBeUndefined();
  });
});

import sharp from 'sharp';
import type { EdgeSet } from './trim-to-ink.ts';
import { trimToInk } from './trim-to-ink.ts';
import { estimateTilt } from './estimate-tilt.ts';
import type { GrayImage } from './pixels.ts';
import { borderTone } from './pixels.ts';

/**
 * How a logo may have been altered on its way into a photo, a listing or a gazette scan, undone on the
 * query side: tilted a few degrees, or cut off along one edge. Each variant is a trimmed image that is
 * resized and hashed like the whole logo; a search asks with all of them.
 */
export type VariantEdit =
  { kind: 'rotated'; degrees: number } | { kind: 'cropped'; side: Side; share: number };
export type Side = keyof EdgeSet;
/** A variant image, trimmed, with the paper tone it is fitted on. */
export type Variant = { edit: VariantEdit; image: GrayImage; paper: number };

/**
 * Tilts undone by rotating back: every 3° up to 6° each way, so any tilt up to 7.5° is within 1.5° of
 * one of them, which the hashes absorb (see bench/logo.ts). Fixed in the code, not tuned per logo.
 */
export const ROTATION_DEGREES = [-6, -3, 3, 6];
/**
 * A cut-off logo lacks a strip of its own width or height on the cut side. We restore the frame by
 * adding this share of paper there, so the visible part sits where it sat in the whole logo and at
 * its scale. One share, because a hash tolerates a few percent of misplacement either way.
 */
export const CROP_SHARE = 0.11;

/**
 * Rotated copies of the logo as delivered (before trimming), by sharp's affine rotate, the new corners
 * filled with the frame's tone, then trimmed like any logo (see trimToInk): a tilted tile is only
 * reduced to its symbol once it stands straight again.
 */
export async function rotatedVariants(untrimmed: GrayImage): Promise<Variant[]> {
  const frame = borderTone(untrimmed.pixels, untrimmed.width, untrimmed.height);
  const background = { r: frame, g: frame, b: frame };
  // Straight edges tell the tilt itself, or that there is none; the fixed steps serve logos without.
  const tilt = estimateTilt(untrimmed);
  const degrees = tilt === undefined ? ROTATION_DEGREES : tilt === 0 ? [] : [-tilt];
  return Promise.all(
    degrees.map(async (degrees) => {
      const { data, info } = await sharp(untrimmed.pixels, {
        raw: { width: untrimmed.width, height: untrimmed.height, channels: 1 },
      })
        .rotate(degrees, { background })
        .extractChannel(0)
        .raw()
        .toBuffer({ resolveWithObject: true });
      const trimmed = trimToInk({ pixels: new Uint8Array(data), width: info.width, height: info.height });
      return { edit: { kind: 'rotated' as const, degrees }, image: trimmed.image, paper: trimmed.paper };
    }),
  );
}

/**
 * For each side where the ink ran into the edge of the delivered image (where a cut would be), the
 * logo with a strip of paper added on that side. A logo with a margin all round touches no edge and
 * gets no crop variants.
 */
export function croppedVariants(image: GrayImage, paper: number, touches: EdgeSet): Variant[] {
  return (Object.keys(touches) as Side[])
    .filter((side) => touches[side])
    .map((side) => ({
      edit: { kind: 'cropped' as const, side, share: CROP_SHARE },
      image: extendSide(image, paper, side, CROP_SHARE),
      paper,
    }));
}

function extendSide(image: GrayImage, paper: number, side: Side, share: number): GrayImage {
  const horizontal = side === 'left' || side === 'right';
  const added = Math.max(1, Math.round((horizontal ? image.width : image.height) * share));
  const width = image.width + (horizontal ? added : 0);
  const height = image.height + (horizontal ? 0 : added);
  const pixels = new Uint8Array(width * height).fill(paper);
  const offsetX = side === 'left' ? added : 0;
  const offsetY = side === 'top' ? added : 0;
  for (let y = 0; y < image.height; y += 1) {
    const from = y * image.width;
    pixels.set(image.pixels.subarray(from, from + image.width), (y + offsetY) * width + offsetX);
  }
  return { pixels, width, height };
}

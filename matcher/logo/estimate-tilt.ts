import type { GrayImage } from './pixels.ts';

/** Tilts are looked for within this many degrees either way; beyond it a logo is drawn slanted. */
const MAX_TILT = 10;
const BIN_DEGREES = 0.25;
/** Gradients weaker than this (of 255 × 4, Sobel) are flat paper or JPEG noise. */
const MIN_MAGNITUDE = 80;
/** The peak (with its neighbours) must carry this share of the edge weight within ±MAX_TILT. */
const MIN_PEAK_SHARE = 0.2;
/** A peak this close to 0° is a logo standing straight, up to the histogram's own blur. */
const STRAIGHT = 1;

/**
 * How many degrees a logo seems to be turned clockwise, from the direction of its edges (the way a
 * document scanner deskews a page): a logo with straight strokes or a frame has most of its edge
 * weight at one angle modulo 90°, which is 0 when it stands straight. Sobel gradients, folded into
 * [−45°, 45°), a magnitude-weighted histogram in quarter degrees within ±MAX_TILT. 0 when the logo
 * stands straight (within STRAIGHT degrees); undefined when no angle stands out (round or organic
 * shapes, where only trying several angles will do).
 */
export function estimateTilt(image: GrayImage): number | undefined {
  const { pixels, width, height } = image;
  const bins = Math.round((2 * MAX_TILT) / BIN_DEGREES) + 1;
  const histogram = new Float64Array(bins);
  let total = 0;
  const at = (x: number, y: number) => pixels[y * width + x] ?? 0;
  for (let y = 1; y < height - 1; y += 1) {
    for (let x = 1; x < width - 1; x += 1) {
      const gx =
        at(x + 1, y - 1) +
        2 * at(x + 1, y) +
        at(x + 1, y + 1) -
        at(x - 1, y - 1) -
        2 * at(x - 1, y) -
        at(x - 1, y + 1);
      const gy =
        at(x - 1, y + 1) +
        2 * at(x, y + 1) +
        at(x + 1, y + 1) -
        at(x - 1, y - 1) -
        2 * at(x, y - 1) -
        at(x + 1, y - 1);
      const magnitude = Math.hypot(gx, gy);
      if (magnitude < MIN_MAGNITUDE) continue;
      const degrees = (Math.atan2(gy, gx) * 180) / Math.PI;
      const folded = ((((degrees + 45) % 90) + 90) % 90) - 45;
      if (Math.abs(folded) > MAX_TILT) continue;
      histogram[Math.round((folded + MAX_TILT) / BIN_DEGREES)]! += magnitude;
      total += magnitude;
    }
  }
  if (total === 0) return undefined;
  let best = 0;
  let bestWeight = -1;
  for (let i = 0; i < bins; i += 1) {
    const weight = (histogram[i - 1] ?? 0) + 2 * histogram[i]! + (histogram[i + 1] ?? 0);
    if (weight > bestWeight) {
      bestWeight = weight;
      best = i;
    }
  }
  const peakShare = ((histogram[best - 1] ?? 0) + histogram[best]! + (histogram[best + 1] ?? 0)) / total;
  if (peakShare < MIN_PEAK_SHARE) return undefined;
  const tilt = best * BIN_DEGREES - MAX_TILT;
  return Math.abs(tilt) < STRAIGHT ? 0 : tilt;
}

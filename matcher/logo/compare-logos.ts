import type { ClosestPair } from './closest-pair.ts';
import { closestPair } from './closest-pair.ts';
import type { LogoHashes, LogoPart } from './hash-logo.ts';
import type { PackedLogo } from './packed-logo.ts';
import { GROUP, MIRROR, PART, VARIANT, WHOLE, packLogo } from './packed-logo.ts';
import type { VariantEdit } from './query-variants.ts';

/** Which pair of images decided a comparison. */
export type LogoMatchVia = 'whole' | 'rotated' | 'cropped' | 'part';

export type LogoComparison = {
  /** 1 for the same picture, 0 at or beyond the distance of unrelated logos. */
  similarity: number;
  /**
   * Distance (0–64) of the closest pair of images (see closestPair: the DCT and block hashes, the
   * 256-bit detail hash, the shape veto), plus a small allowance when that pair is not whole logo
   * against whole logo.
   */
  distance: number;
  mirrored: boolean;
  via: LogoMatchVia;
  reasons: string[];
};

/**
 * Random hashes differ in 32 of 64 bits; the closest wrong logo among a thousand sits near 18
 * (bench/logo.ts, design subset) and 1% of them within 10. So similarity falls linearly from 1 at
 * distance 0 to 0 at UNRELATED_DISTANCE, and "matches" ends at CLOSE_DISTANCE.
 */
const UNRELATED_DISTANCE = 28;
const CLOSE_DISTANCE = 10;
export function compareLogos(a: LogoHashes, b: LogoHashes): LogoComparison {
  return comparePacked(packLogo(a), packLogo(b));
}

export function comparePacked(a: PackedLogo, b: PackedLogo): LogoComparison {
  return describeComparison(a, b, closestPair(a, b));
}

export function describeComparison(a: PackedLogo, b: PackedLogo, best: ClosestPair): LogoComparison {
  const similarity = Math.max(0, Math.min(1, 1 - best.distance / UNRELATED_DISTANCE));
  const mirrored = a.roles[best.imageA] === WHOLE && b.roles[best.imageB] === MIRROR;
  const slotA = slotOf(a, best.imageA);
  const slotB = slotOf(b, best.imageB);
  return {
    similarity,
    distance: best.distance,
    mirrored,
    via: viaOf(slotA, slotB),
    reasons: explain(slotA, slotB, best, mirrored),
  };
}

/** What one image slot of a packed logo holds. */
type Slot = { kind: 'whole' } | { kind: 'part'; part: LogoPart } | { kind: 'variant'; edit: VariantEdit };

function slotOf(logo: PackedLogo, image: number): Slot {
  const role = logo.roles[image];
  const firstPart = 2 + logo.hashes.alternates.length;
  if (role === PART || role === GROUP) return { kind: 'part', part: logo.hashes.parts[image - firstPart]! };
  if (role === VARIANT)
    return {
      kind: 'variant',
      edit: logo.hashes.variants[image - firstPart - logo.hashes.parts.length]!.edit,
    };
  return { kind: 'whole' };
}

function viaOf(a: Slot, b: Slot): LogoMatchVia {
  if (a.kind === 'part' || b.kind === 'part') return 'part';
  const variant = a.kind === 'variant' ? a : b.kind === 'variant' ? b : undefined;
  return variant ? variant.edit.kind : 'whole';
}

function explain(a: Slot, b: Slot, best: ClosestPair, mirrored: boolean): string[] {
  const shown = (x: number) => Math.round(x * 100) / 100;
  const of =
    best.distance === best.raw
      ? `distance ${shown(best.raw)} of 64`
      : `distance ${shown(best.raw)} of 64, counted as ${shown(best.distance)}`;
  if (best.distance > CLOSE_DISTANCE) return [`logos look different (${of})`];
  if (a.kind === 'part' && b.kind === 'part')
    return [
      `a part of each image matches (${describePart(a.part)} and ${describePart(b.part)}); the rest of each differs (${of})`,
    ];
  const part = a.kind === 'part' ? a : b.kind === 'part' ? b : undefined;
  if (part?.kind === 'part')
    return [
      `logo matches a part of the other image (${describePart(part.part)}), which adds other matter beside it (${of})`,
    ];
  const variant = a.kind === 'variant' ? a : b.kind === 'variant' ? b : undefined;
  if (variant?.kind === 'variant') {
    const edit = variant.edit;
    return edit.kind === 'rotated'
      ? [
          `logo matches once one image is turned ${Math.abs(edit.degrees)}° ${edit.degrees > 0 ? 'clockwise' : 'anticlockwise'} (${of})`,
        ]
      : [`logo matches as if one image were cut off along its ${edit.side} edge (${of})`];
  }
  const how = best.raw === 0 ? 'logo is identical in shape' : 'logo matches';
  return [mirrored ? `${how} after mirroring (${of})` : `${how} (${of})`];
}

/** "the left 40% of it" when the part runs along one side only, else where in the image it sits. */
function describePart(part: LogoPart): string {
  const { left, top, width, height } = part.box;
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  const atLeft = left <= 0.05;
  const atRight = left + width >= 0.95;
  const atTop = top <= 0.05;
  const atBottom = top + height >= 0.95;
  if (atLeft !== atRight) return `the ${atLeft ? 'left' : 'right'} ${pct(width)} of it`;
  if (atTop !== atBottom) return `the ${atTop ? 'top' : 'bottom'} ${pct(height)} of it`;
  return `a region ${pct(width)} wide and ${pct(height)} high at ${pct(left)} from the left, ${pct(top)} from the top`;
}

import type { LogoHashes, LogoPart } from './hash-logo.ts';
import type { Hash64 } from './hash64.ts';
import { highHalf, lowHalf, popcount32 } from './hash64.ts';
import type { VariantEdit } from './query-variants.ts';

/** Which pair of images decided a comparison. */
export type LogoMatchVia = 'whole' | 'rotated' | 'cropped' | 'part';

export type LogoComparison = {
  /** 1 for the same picture, 0 at or beyond the distance of unrelated logos. */
  similarity: number;
  /**
   * Mean of the DCT and block hash distances (0–64) of the closest pair of images, plus a small
   * allowance when that pair is a part or a variant rather than the whole logo.
   */
  distance: number;
  mirrored: boolean;
  via: LogoMatchVia;
  reasons: string[];
};

/**
 * Unrelated logos land near 32 of 64 bits on either hash, so similarity falls linearly from 1 at
 * distance 0 to 0 at UNRELATED_DISTANCE. Averaging both hashes smooths out the cases where one of
 * them is thrown by a detail the other ignores.
 */
const UNRELATED_DISTANCE = 28;
const CLOSE_DISTANCE = 10;
/**
 * Allowances added to the distance of a pair that is not whole logo against whole logo. Every extra
 * pair is one more chance for two different logos to look alike by accident, so the whole-logo match
 * wins a tie, a variant (tilt, cut edge) costs a little and a part (an icon set beside other matter)
 * more, two parts most. Chosen on the design half of bench/logo.ts.
 */
export const VARIANT_ALLOWANCE = 1;
export const PART_ALLOWANCE = 2;
export const PARTS_ALLOWANCE = 3;

/**
 * A logo's hashes packed as 32-bit words, four per image (dct high, dct low, block high, block low):
 * whole, mirror, then parts, then variants. Comparing two logos tries dozens of pairs, which BigInt
 * arithmetic would make the slowest step of a search.
 */
export type PackedLogo = { words: Uint32Array; parts: LogoPart[]; variants: LogoHashes['variants'] };

export function packLogo(hashes: LogoHashes): PackedLogo {
  const images: [Hash64, Hash64][] = [
    [hashes.dct, hashes.block],
    [hashes.dctMirrored, hashes.blockMirrored],
    ...hashes.parts.map((p): [Hash64, Hash64] => [p.dct, p.block]),
    ...hashes.variants.map((v): [Hash64, Hash64] => [v.dct, v.block]),
  ];
  const words = new Uint32Array(images.length * 4);
  images.forEach(([dct, block], i) => {
    words[i * 4] = highHalf(dct);
    words[i * 4 + 1] = lowHalf(dct);
    words[i * 4 + 2] = highHalf(block);
    words[i * 4 + 3] = lowHalf(block);
  });
  return { words, parts: hashes.parts, variants: hashes.variants };
}

export function compareLogos(a: LogoHashes, b: LogoHashes): LogoComparison {
  return comparePacked(packLogo(a), packLogo(b));
}

/** What decided a comparison, in terms of the two logos' image slots (see PackedLogo). */
type Best = { distance: number; raw: number; slotA: number; slotB: number };

/**
 * The closest pair of images of two logos, allowances included: whole against whole (and against
 * the mirror image), each side's variants against the other's whole, each side's parts against the
 * other's whole, and parts against parts.
 */
export function comparePacked(a: PackedLogo, b: PackedLogo): LogoComparison {
  const partsA = a.parts.length;
  const partsB = b.parts.length;
  const firstVariantA = 2 + partsA;
  const firstVariantB = 2 + partsB;
  const best: Best = { distance: Infinity, raw: Infinity, slotA: 0, slotB: 0 };
  const consider = (slotA: number, slotB: number, allowance: number) => {
    const raw = pairDistance(a.words, slotA, b.words, slotB);
    if (raw + allowance < best.distance) {
      best.distance = raw + allowance;
      best.raw = raw;
      best.slotA = slotA;
      best.slotB = slotB;
    }
  };
  consider(0, 0, 0);
  consider(0, 1, 0);
  for (let v = 0; v < b.variants.length; v += 1) consider(0, firstVariantB + v, VARIANT_ALLOWANCE);
  for (let v = 0; v < a.variants.length; v += 1) consider(firstVariantA + v, 0, VARIANT_ALLOWANCE);
  for (let p = 0; p < partsB; p += 1) consider(0, 2 + p, PART_ALLOWANCE);
  for (let p = 0; p < partsA; p += 1) consider(2 + p, 0, PART_ALLOWANCE);
  for (let p = 0; p < partsA; p += 1)
    for (let q = 0; q < partsB; q += 1) consider(2 + p, 2 + q, PARTS_ALLOWANCE);

  const distance = best.distance;
  const similarity = Math.max(0, Math.min(1, 1 - distance / UNRELATED_DISTANCE));
  const mirrored = best.slotA === 0 && best.slotB === 1;
  const slotA = slotOf(a, best.slotA);
  const slotB = slotOf(b, best.slotB);
  return {
    similarity,
    distance,
    mirrored,
    via: viaOf(slotA, slotB),
    reasons: explain(slotA, slotB, best, mirrored),
  };
}

/** Mean of the dct and block Hamming distances between image slotA of `a` and image slotB of `b`. */
function pairDistance(a: Uint32Array, slotA: number, b: Uint32Array, slotB: number): number {
  const i = slotA * 4;
  const j = slotB * 4;
  const dct = popcount32((a[i]! ^ b[j]!) >>> 0) + popcount32((a[i + 1]! ^ b[j + 1]!) >>> 0);
  const block = popcount32((a[i + 2]! ^ b[j + 2]!) >>> 0) + popcount32((a[i + 3]! ^ b[j + 3]!) >>> 0);
  return (dct + block) / 2;
}

/** What one image slot of a packed logo holds. */
type Slot = { kind: 'whole' } | { kind: 'part'; part: LogoPart } | { kind: 'variant'; edit: VariantEdit };

function slotOf(logo: PackedLogo, slot: number): Slot {
  if (slot < 2) return { kind: 'whole' };
  if (slot < 2 + logo.parts.length) return { kind: 'part', part: logo.parts[slot - 2]! };
  return { kind: 'variant', edit: logo.variants[slot - 2 - logo.parts.length]!.edit };
}

function viaOf(a: Slot, b: Slot): LogoMatchVia {
  if (a.kind === 'part' || b.kind === 'part') return 'part';
  const variant = a.kind === 'variant' ? a : b.kind === 'variant' ? b : undefined;
  return variant ? variant.edit.kind : 'whole';
}

function explain(a: Slot, b: Slot, best: Best, mirrored: boolean): string[] {
  const of =
    best.distance === best.raw
      ? `distance ${best.raw} of 64`
      : `distance ${best.raw} of 64, counted as ${best.distance}`;
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

/** "the left 40% of it", "the top 55% of it", or "a region in the middle 50% of it". */
function describePart(part: LogoPart): string {
  const { left, top, width, height } = part.box;
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  const wide = width >= 0.9;
  const tall = height >= 0.9;
  if (tall && left <= 0.05) return `the left ${pct(width)} of it`;
  if (tall && left + width >= 0.95) return `the right ${pct(width)} of it`;
  if (wide && top <= 0.05) return `the top ${pct(height)} of it`;
  if (wide && top + height >= 0.95) return `the bottom ${pct(height)} of it`;
  return `a region ${pct(width)} wide and ${pct(height)} high at ${pct(left)} from the left, ${pct(top)} from the top`;
}

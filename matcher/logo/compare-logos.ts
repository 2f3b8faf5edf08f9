import type { ImageHashes, LogoHashes, LogoPart } from './hash-logo.ts';
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
 * wins a tie, a second reading or a variant (tilt, cut edge) costs a little and a part (an icon set
 * beside other matter) more, two parts most. Chosen on the design subset of bench/logo.ts.
 */
export const VARIANT_ALLOWANCE = 1;
export const PART_ALLOWANCE = 2;
export const PARTS_ALLOWANCE = 3;

/** What an image of a packed logo is. */
const WHOLE = 0;
const MIRROR = 1;
const ALTERNATE = 2;
/** A part that is one blob of ink (see LogoPart.kind). */
const PART = 3;
const VARIANT = 4;
/** A part grouped from several blobs: an icon in pieces, or a word. */
const GROUP = 5;
const NOT_COMPARED = -1;

/**
 * ALLOWANCE[role of a's image][role of b's image]: which pairs are compared, at what allowance. The
 * mirror image is only held against the other's whole (once is enough); an alternate reading stands
 * in for the whole; variants, being edits of the query, meet the other's whole and alternate
 * readings but never a part or another variant.
 */
const V = VARIANT_ALLOWANCE;
const P = PART_ALLOWANCE;
const X = NOT_COMPARED;
const ALLOWANCE: number[][] = [
  // whole mirror alternate part  variant group
  [0, 0, V, P, V, P], // whole
  [X, X, X, X, X, X], // mirror
  [V, X, V, P, V, P], // alternate
  [P, X, P, PARTS_ALLOWANCE, X, X], // part (one blob)
  [V, X, V, X, X, X], // variant
  [P, X, P, X, X, X], // group
];

/**
 * A logo's hashes packed as 32-bit words, four per image (dct high, dct low, block high, block low),
 * with each image's role: whole, mirror, alternate readings, parts, variants. Comparing two logos
 * tries dozens of pairs, which BigInt arithmetic would make the slowest step of a search.
 */
export type PackedLogo = {
  words: Uint32Array;
  roles: Uint8Array;
  /** 1 where the image has a shape hash (see ImageHashes.shape). */
  shaped: Uint8Array;
  /** 1 where the image has a detail hash (see ImageHashes.detail). */
  detailed: Uint8Array;
  hashes: LogoHashes;
};

/**
 * How far the stretched shapes of a pair may differ beyond its fitted distance before the shape
 * distance counts instead: the veto on two wide wordmarks (or a wordmark and a word) that fit into
 * the square as the same band. Chosen on the design subset of bench/logo.ts.
 */
export const SHAPE_SLACK = 4;
const WORDS = 14;
/** Weight of the 256-bit detail hash (scaled to 64 bits) against the mean of dct and block. */
export const DETAIL_WEIGHT = 0.5;

export function packLogo(hashes: LogoHashes): PackedLogo {
  const images: [number, ImageHashes][] = [
    [WHOLE, hashes],
    [
      MIRROR,
      {
        dct: hashes.dctMirrored,
        block: hashes.blockMirrored,
        shape: hashes.shapeMirrored,
        detail: hashes.detailMirrored,
      },
    ],
    ...hashes.alternates.map((a): [number, ImageHashes] => [ALTERNATE, a]),
    ...hashes.parts.map((p): [number, ImageHashes] => [p.kind === 'component' ? PART : GROUP, p]),
    ...hashes.variants.map((v): [number, ImageHashes] => [VARIANT, v]),
  ];
  const words = new Uint32Array(images.length * WORDS);
  const roles = new Uint8Array(images.length);
  const shaped = new Uint8Array(images.length);
  const detailed = new Uint8Array(images.length);
  images.forEach(([role, { dct, block, shape, detail }], i) => {
    roles[i] = role;
    shaped[i] = shape === undefined ? 0 : 1;
    detailed[i] = detail === undefined ? 0 : 1;
    words.set([highHalf(dct), lowHalf(dct), highHalf(block), lowHalf(block)], i * WORDS);
    if (shape !== undefined) words.set([highHalf(shape), lowHalf(shape)], i * WORDS + 4);
    if (detail !== undefined)
      for (let w = 0; w < 8; w += 1)
        words[i * WORDS + 6 + w] = Number((detail >> BigInt(32 * (7 - w))) & 0xffffffffn);
  });
  return { words, roles, shaped, detailed, hashes };
}

export function compareLogos(a: LogoHashes, b: LogoHashes): LogoComparison {
  return comparePacked(packLogo(a), packLogo(b));
}

/** The closest pair: its distance with the allowance, without it, and the two images' indexes. */
export type ClosestPair = { distance: number; raw: number; imageA: number; imageB: number };

/**
 * The closest pair of images of two logos, allowances included (see ALLOWANCE); ties go to the pair
 * met first, whole against whole before anything else. Numbers only: a search calls this for every
 * candidate and builds reasons for the few it returns.
 */
export function closestPair(a: PackedLogo, b: PackedLogo): ClosestPair {
  const best: ClosestPair = { distance: Infinity, raw: Infinity, imageA: 0, imageB: 0 };
  const wa = a.words;
  const wb = b.words;
  for (let i = 0; i < a.roles.length; i += 1) {
    const row = ALLOWANCE[a.roles[i]!]!;
    for (let j = 0; j < b.roles.length; j += 1) {
      const allowance = row[b.roles[j]!]!;
      if (allowance === NOT_COMPARED) continue;
      const x = i * WORDS;
      const y = j * WORDS;
      const dct = popcount32((wa[x]! ^ wb[y]!) >>> 0) + popcount32((wa[x + 1]! ^ wb[y + 1]!) >>> 0);
      const block = popcount32((wa[x + 2]! ^ wb[y + 2]!) >>> 0) + popcount32((wa[x + 3]! ^ wb[y + 3]!) >>> 0);
      let raw = (dct + block) / 2;
      if (DETAIL_WEIGHT > 0 && a.detailed[i] && b.detailed[j]) {
        // The detail hash can only add to (1 − weight) × raw: skip it for a pair that cannot win.
        if (raw * (1 - DETAIL_WEIGHT) + allowance >= best.distance) continue;
        let detail = 0;
        for (let w = 6; w < 14; w += 1) detail += popcount32((wa[x + w]! ^ wb[y + w]!) >>> 0);
        raw = raw * (1 - DETAIL_WEIGHT) + (detail / 4) * DETAIL_WEIGHT;
      }
      if (a.shaped[i] && b.shaped[j]) {
        const shape =
          popcount32((wa[x + 4]! ^ wb[y + 4]!) >>> 0) + popcount32((wa[x + 5]! ^ wb[y + 5]!) >>> 0);
        raw = Math.max(raw, shape - SHAPE_SLACK);
      }
      if (raw + allowance < best.distance) {
        best.distance = raw + allowance;
        best.raw = raw;
        best.imageA = i;
        best.imageB = j;
      }
    }
  }
  return best;
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

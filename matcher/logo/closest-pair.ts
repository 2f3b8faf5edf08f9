import type { PackedLogo } from './packed-logo.ts';
import { ALTERNATE, GROUP, MIRROR, PART, VARIANT, WHOLE, WORDS } from './packed-logo.ts';
import { popcount32 } from './hash64.ts';

/**
 * Allowances added to the distance of a pair that is not whole logo against whole logo. Every extra
 * pair is one more chance for two different logos to look alike by accident, so the whole-logo match
 * wins a tie, a second reading or a variant (tilt, cut edge) costs a little and a part (an icon set
 * beside other matter) more, two parts most. Chosen on the design subset of bench/logo.ts.
 */
export const VARIANT_ALLOWANCE = 1;
export const PART_ALLOWANCE = 2;
export const PARTS_ALLOWANCE = 3;

const NOT_COMPARED = -1;

/**
 * ALLOWANCE[role of a's image][role of b's image]: which pairs are compared, at what allowance. The
 * mirror image is only held against the other's whole (once is enough); an alternate reading stands
 * in for the whole; variants, being edits of the query, meet the other's whole and alternate
 * readings but never a part or another variant; parts meet wholes and alternate readings, and each
 * other only when both are single blobs (two unrelated logos carrying the same added word would
 * otherwise match on the word).
 */
const ALLOWANCE = allowanceTable([
  [WHOLE, WHOLE, 0],
  [WHOLE, MIRROR, 0, 'one way'],
  [WHOLE, ALTERNATE, VARIANT_ALLOWANCE],
  [ALTERNATE, ALTERNATE, VARIANT_ALLOWANCE],
  [WHOLE, VARIANT, VARIANT_ALLOWANCE],
  [ALTERNATE, VARIANT, VARIANT_ALLOWANCE],
  [WHOLE, PART, PART_ALLOWANCE],
  [WHOLE, GROUP, PART_ALLOWANCE],
  [ALTERNATE, PART, PART_ALLOWANCE],
  [ALTERNATE, GROUP, PART_ALLOWANCE],
  [PART, PART, PARTS_ALLOWANCE],
]);

function allowanceTable(pairs: [number, number, number, 'one way'?][]): number[][] {
  const roles = Math.max(WHOLE, MIRROR, ALTERNATE, PART, VARIANT, GROUP) + 1;
  const table = Array.from({ length: roles }, () => new Array<number>(roles).fill(NOT_COMPARED));
  for (const [a, b, allowance, oneWay] of pairs) {
    table[a]![b] = allowance;
    if (!oneWay) table[b]![a] = allowance;
  }
  return table;
}

/**
 * How far the stretched shapes of a pair may differ beyond its fitted distance before the shape
 * distance counts instead: the veto on two wide wordmarks (or a wordmark and a word) that fit into
 * the square as the same band. Chosen on the design subset of bench/logo.ts.
 */
export const SHAPE_SLACK = 4;
/** Weight of the 256-bit detail hash (scaled to 64 bits) against the mean of dct and block. */
export const DETAIL_WEIGHT = 0.5;

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

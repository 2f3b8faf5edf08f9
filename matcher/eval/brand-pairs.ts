import { normalizeMark } from '../normalize/index.ts';
import { pick, seededRandom } from './seeded-random.ts';
import { makeTypo, TYPO_KINDS, type TypoKind } from './typo-variants.ts';

export interface LabelledPair {
  a: string;
  b: string;
  similar: boolean;
  kind: TypoKind | 'unrelated';
}

/**
 * Real brand names fit for typo tests: Latin, at least four letters once normalized, one per
 * comparison key, sorted so that splits by index are stable.
 */
export function usableBrands(titles: readonly string[]): string[] {
  const byKey = new Map<string, string>();
  for (const title of titles) {
    const key = normalizeMark(title).key;
    if (/^[a-z][a-z0-9]{3,}$/.test(key) && /^[\x20-\x7e]+$/.test(title) && !byKey.has(key))
      byKey.set(key, title);
  }
  return [...byKey.values()].sort();
}

/** Typo variants of each brand (one per applicable kind and brand, up to the limit), labelled similar. */
export function typoPairs(brands: readonly string[], limit: number, seed: number): LabelledPair[] {
  const random = seededRandom(seed);
  const out: LabelledPair[] = [];
  for (let round = 0; out.length < limit && round < limit * 4; round++) {
    const brand = pick(brands, random);
    const kind = TYPO_KINDS[round % TYPO_KINDS.length]!;
    const variant = makeTypo(brand.toLowerCase(), kind, random);
    if (variant !== null && variant !== brand.toLowerCase())
      out.push({ a: brand, b: variant, similar: true, kind });
  }
  return out;
}

/** Random pairs of different real brands, labelled not similar (names that merely coexist in the market). */
export function unrelatedPairs(brands: readonly string[], limit: number, seed: number): LabelledPair[] {
  const random = seededRandom(seed);
  const out: LabelledPair[] = [];
  while (out.length < limit) {
    const a = pick(brands, random);
    const b = pick(brands, random);
    if (a !== b) out.push({ a, b, similar: false, kind: 'unrelated' });
  }
  return out;
}

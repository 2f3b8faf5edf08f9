import { lookalikesOf } from '../normalize/index.ts';
import { pick, seededRandom } from './seeded-random.ts';

/** The scripts a homoglyph set draws from, by code point: what squatters use to disguise a name. */
const HOMOGLYPH_SOURCES: ReadonlyArray<readonly [string, RegExp]> = [
  ['Cyrillic', /\p{Script=Cyrillic}/u],
  ['Greek', /\p{Script=Greek}/u],
  ['Armenian', /\p{Script=Armenian}/u],
  ['fullwidth', /[\uff01-\uff5e]/u],
  ['mathematical', /[\u{1d400}-\u{1d7ff}]/u],
];

export interface HomoglyphPair {
  a: string;
  b: string;
  /** Scripts the swapped letters came from. */
  scripts: string[];
}

const poolCache = new Map<string, { char: string; script: string }[]>();

/** Look-alikes of one lower-case letter from the scripts above, per Unicode's confusables data. */
function lookalikePool(letter: string): { char: string; script: string }[] {
  let pool = poolCache.get(letter);
  if (!pool) {
    pool = lookalikesOf(letter).flatMap((char) => {
      const source = HOMOGLYPH_SOURCES.find(([, test]) => test.test(char));
      return source ? [{ char, script: source[0] }] : [];
    });
    poolCache.set(letter, pool);
  }
  return pool;
}

/**
 * Each brand with one or two of its letters swapped for a Unicode confusable (Cyrillic, Greek,
 * Armenian, fullwidth or mathematical), deterministic for a seed. Brands with no swappable letter
 * are skipped.
 */
export function homoglyphPairs(brands: readonly string[], limit: number, seed: number): HomoglyphPair[] {
  const random = seededRandom(seed);
  const out: HomoglyphPair[] = [];
  for (let round = 0; out.length < limit && round < limit * 4 && brands.length > 0; round++) {
    const brand = pick(brands, random);
    const chars = Array.from(brand);
    const swappable = chars.flatMap((ch, i) => (lookalikePool(ch.toLowerCase()).length > 0 ? [i] : []));
    if (swappable.length === 0) continue;
    const swaps = swappable.length > 1 && random() < 0.5 ? 2 : 1;
    const scripts: string[] = [];
    for (let s = 0; s < swaps; s++) {
      const at = swappable.splice(Math.floor(random() * swappable.length), 1)[0]!;
      const choice = pick(lookalikePool(chars[at]!.toLowerCase()), random);
      chars[at] = choice.char;
      scripts.push(choice.script);
    }
    out.push({ a: brand, b: chars.join(''), scripts });
  }
  return out;
}

import { pick, seededRandom } from './seeded-random.ts';
import { makeTypo, TYPO_KINDS } from './typo-variants.ts';

const ONSETS = [
  'b',
  'c',
  'd',
  'f',
  'g',
  'h',
  'j',
  'k',
  'l',
  'm',
  'n',
  'p',
  'r',
  's',
  't',
  'v',
  'w',
  'z',
  'br',
  'cr',
  'dr',
  'fl',
  'gr',
  'kl',
  'pr',
  'st',
  'tr',
  'sh',
  'ch',
  'th',
  '',
];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'io', 'ou', 'y'];
const CODAS = ['', '', '', 'n', 'r', 's', 'x', 'l', 'm', 'k', 'nt', 'st'];
const SUFFIXES = [
  '',
  '',
  '',
  ' labs',
  ' tech',
  ' foods',
  ' studio',
  ' store',
  ' co',
  ' group',
  ' wear',
  ' home',
];

/** A pronounceable invented name of two to four syllables, sometimes with a trade word. */
export function inventName(random: () => number): string {
  const syllables = 2 + Math.floor(random() * 3);
  let word = '';
  for (let i = 0; i < syllables; i++)
    word += pick(ONSETS, random) + pick(VOWELS, random) + (i === syllables - 1 ? pick(CODAS, random) : '');
  return word + pick(SUFFIXES, random);
}

export function inventNames(count: number, seed: number): string[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => inventName(random));
}

/**
 * New filings for a screening run: mostly invented names, with a share of typo variants and of
 * "brand + trade word" filings of the watched marks, as squatters file them.
 */
export function generateFilings(marks: readonly string[], count: number, seed: number): string[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, i) => {
    const roll = random();
    if (roll < 0.05) {
      const variant = makeTypo(pick(marks, random).toLowerCase(), TYPO_KINDS[i % TYPO_KINDS.length]!, random);
      if (variant !== null) return variant;
    } else if (roll < 0.07) {
      return `${pick(marks, random)} ${pick(['store', 'pro', 'shop', 'official', 'max', 'world'], random)}`;
    }
    return inventName(random);
  });
}

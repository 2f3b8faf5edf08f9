import { pick } from './seeded-random.ts';

/** The typo families that squatters and typosquatting studies (dnstwist, URLCrazy) use. */
export const TYPO_KINDS = [
  'omission',
  'insertion',
  'repetition',
  'transposition',
  'replacement',
  'homoglyph',
  'vowel-swap',
  'hyphenation',
  'bitsquatting',
  'addition',
  'respelling',
  'combination',
] as const;
export type TypoKind = (typeof TYPO_KINDS)[number];

const KEYBOARD_NEIGHBOURS: Readonly<Record<string, string>> = {
  q: 'wa',
  w: 'qes',
  e: 'wrd',
  r: 'etf',
  t: 'ryg',
  y: 'tuh',
  u: 'yij',
  i: 'uok',
  o: 'ipl',
  p: 'ol',
  a: 'qsz',
  s: 'awdz',
  d: 'sefx',
  f: 'drgc',
  g: 'fthv',
  h: 'gyjb',
  j: 'hukn',
  k: 'jilm',
  l: 'kop',
  z: 'asx',
  x: 'zsdc',
  c: 'xdfv',
  v: 'cfgb',
  b: 'vghn',
  n: 'bhjm',
  m: 'njk',
};
const HOMOGLYPHS: Readonly<Record<string, string>> = {
  o: '0',
  l: '1',
  i: '1',
  e: '3',
  a: '@',
  s: '5',
  m: 'rn',
  d: 'cl',
  w: 'vv',
};
/**
 * English spellings of the same sound (ph/f, c/k, x/ks, ee/i …): how imitators respell a name that
 * must still sound the same (NAIKI, KWIK, FOTO).
 */
const RESPELLINGS: ReadonlyArray<readonly [RegExp, string]> = [
  [/ph/g, 'f'],
  [/f/g, 'ph'],
  [/ck/g, 'k'],
  [/c(?=[aou])/g, 'k'],
  [/k/g, 'c'],
  [/c(?=[eiy])/g, 's'],
  [/qu/g, 'kw'],
  [/x/g, 'ks'],
  [/s(?=[aeiou])/g, 'z'],
  [/z/g, 's'],
  [/i/g, 'y'],
  [/y$/g, 'ie'],
  [/ee/g, 'i'],
  [/oo/g, 'u'],
  [/ai/g, 'ay'],
  [/ay/g, 'ai'],
  [/i(?=[^aeiou]e$)/g, 'ai'],
  [/ou/g, 'ow'],
];
/**
 * Words squatters add to a brand (combosquatting: Kintis et al., "Hiding in Plain Sight", CCS 2017,
 * found brand + keyword domains far more common than typos): after it, run together or spaced, or
 * before it.
 */
const COMBO_AFTER = [
  'pro',
  'plus',
  'max',
  'world',
  'express',
  'club',
  'hub',
  'app',
  'pay',
  'cloud',
  'mobile',
  'secure',
  'login',
  'support',
  'deals',
  'direct',
  'kids',
  'sport',
  'tech',
  'life',
];
const COMBO_BEFORE = ['my', 'get', 'go', 'i', 'e', 'buy'];
const VOWELS = 'aeiou';
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

function positions(text: string, test: (ch: string) => boolean): number[] {
  return Array.from(text).flatMap((ch, i) => (test(ch) ? [i] : []));
}

function replaceAt(text: string, index: number, replacement: string, removeCount = 1): string {
  return text.slice(0, index) + replacement + text.slice(index + removeCount);
}

/**
 * One typo of the given kind applied to a lower-case brand name, or null when the kind does not
 * apply (no vowel to swap, no homoglyph letter...). Deterministic for a given random source.
 */
export function makeTypo(brand: string, kind: TypoKind, random: () => number): string | null {
  const letterAt = positions(brand, (ch) => /[a-z]/.test(ch));
  if (letterAt.length < 2) return null;
  const at = pick(letterAt, random);
  const ch = brand.charAt(at);
  switch (kind) {
    case 'omission':
      return replaceAt(brand, at, '');
    case 'insertion':
      return replaceAt(brand, at, pick([...LETTERS], random) + ch);
    case 'repetition':
      return replaceAt(brand, at, ch + ch);
    case 'transposition':
      return at + 1 < brand.length && brand.charAt(at + 1) !== ch
        ? replaceAt(brand, at, brand.charAt(at + 1) + ch, 2)
        : null;
    case 'replacement': {
      const near = KEYBOARD_NEIGHBOURS[ch];
      return near ? replaceAt(brand, at, pick([...near], random)) : null;
    }
    case 'homoglyph': {
      const at2 = positions(brand, (c) => c in HOMOGLYPHS);
      if (at2.length === 0) return null;
      const i = pick(at2, random);
      return replaceAt(brand, i, HOMOGLYPHS[brand.charAt(i)] ?? '');
    }
    case 'vowel-swap': {
      const vowels = positions(brand, (c) => VOWELS.includes(c));
      if (vowels.length === 0) return null;
      const i = pick(vowels, random);
      return replaceAt(brand, i, pick([...VOWELS.replace(brand.charAt(i), '')], random));
    }
    case 'hyphenation':
      return at > 0 ? replaceAt(brand, at, `-${ch}`) : null;
    case 'bitsquatting': {
      const flipped = String.fromCharCode(ch.charCodeAt(0) ^ (1 << Math.floor(random() * 5)));
      return /[a-z0-9]/.test(flipped) ? replaceAt(brand, at, flipped) : null;
    }
    case 'addition':
      return brand + pick([...LETTERS], random);
    case 'combination': {
      const roll = random();
      if (roll < 0.25) return pick(COMBO_BEFORE, random) + brand;
      const word = pick(COMBO_AFTER, random);
      return roll < 0.6 ? `${brand} ${word}` : brand + word;
    }
    case 'respelling': {
      const options = RESPELLINGS.flatMap(([pattern, replacement]) =>
        [...brand.matchAll(pattern)].map((m) => replaceAt(brand, m.index, replacement, m[0].length)),
      );
      return options.length > 0 ? pick(options, random) : null;
    }
  }
}

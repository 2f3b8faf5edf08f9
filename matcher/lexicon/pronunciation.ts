import { createRequire } from 'node:module';

/**
 * Real English pronunciations from the CMU Pronouncing Dictionary (134,000 words and names, the
 * `cmu-pronouncing-dictionary` package), ARPAbet phones with stress digits removed. Loaded on
 * first use.
 */
let dictionary: Readonly<Record<string, string>> | null = null;

function entries(): Readonly<Record<string, string>> {
  if (!dictionary) {
    const module = createRequire(import.meta.url)('cmu-pronouncing-dictionary') as {
      dictionary: Record<string, string>;
    };
    dictionary = module.dictionary;
  }
  return dictionary;
}

/** The word's phones (first pronunciation), or null when the dictionary does not have it. */
export function phonesOf(word: string): string[] | null {
  const entry = Object.hasOwn(entries(), word) ? entries()[word] : undefined;
  return entry ? entry.replace(/[0-9]/g, '').split(' ') : null;
}

/** The phones of several words read one after the other, or null when any word is missing. */
export function phonesOfWords(words: readonly string[]): string[] | null {
  const out: string[] = [];
  for (const word of words) {
    const phones = phonesOf(word);
    if (!phones) return null;
    out.push(...phones);
  }
  return out.length > 0 ? out : null;
}

/**
 * Words of four letters or more spelled differently but pronounced the same (KNIGHT, NIGHT), each
 * group sorted, groups in the dictionary's order: for building sound-alike test and anchor sets.
 */
export function homophoneGroups(): string[][] {
  const byPhones = new Map<string, string[]>();
  for (const [word, phones] of Object.entries(entries())) {
    if (!/^[a-z]{4,}$/.test(word)) continue;
    const key = phones.replace(/[0-9]/g, '');
    const group = byPhones.get(key) ?? [];
    group.push(word);
    byPhones.set(key, group);
  }
  return [...byPhones.values()].filter((g) => g.length > 1).map((g) => g.sort());
}

/**
 * ARPAbet phones written in a phonemic Latin spelling, the way a name heard in English is written
 * down by ear where spelling follows sound (Indonesian, Malay, Spanish, Italian, Tagalog …):
 * NIKE /N AY K IY/ → naiki, COLGATE → kolgeit.
 */
const HEARD_SPELLING: Readonly<Record<string, string>> = {
  AA: 'a',
  AE: 'e',
  AH: 'a',
  AO: 'o',
  AW: 'au',
  AY: 'ai',
  EH: 'e',
  ER: 'er',
  EY: 'ei',
  IH: 'i',
  IY: 'i',
  OW: 'o',
  OY: 'oi',
  UH: 'u',
  UW: 'u',
  B: 'b',
  CH: 'ch',
  D: 'd',
  DH: 'd',
  F: 'f',
  G: 'g',
  HH: 'h',
  JH: 'j',
  K: 'k',
  L: 'l',
  M: 'm',
  N: 'n',
  NG: 'ng',
  P: 'p',
  R: 'r',
  S: 's',
  SH: 'sh',
  T: 't',
  TH: 't',
  V: 'v',
  W: 'w',
  Y: 'y',
  Z: 's',
  ZH: 's',
};

export function spellingByEar(phones: readonly string[]): string {
  return phones.map((p) => HEARD_SPELLING[p] ?? '').join('');
}

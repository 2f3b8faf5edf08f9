import { countScripts, dominantScript, transliterate, type Script } from '../transliterate/index.ts';
import { confusableToLatin } from './confusables.ts';
import { isGenericWord } from './generic-words.ts';
import { unleetWord } from './leet.ts';

export interface NormalizedMark {
  /** The text as filed, trimmed, NFKC. */
  display: string;
  /** Dominant script of the letters as filed. */
  script: Script;
  /** The mark read in Latin letters (transliterated or homoglyphs mapped), lower case, spaced. */
  latin: string;
  /** Distinctive words, in order, after leetspeak and generic words are removed. */
  tokens: string[];
  /** Generic words that were dropped (official, store, ltd ...). */
  genericWords: string[];
  /** The comparison key: the distinctive words joined, letters a-z and digits only. */
  key: string;
  /** Lower-case Latin letters and digits before leetspeak is undone, for the visual comparison. */
  shape: string;
}

const LATIGATURES: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  þ: 'th',
  ı: 'i',
  ð: 'd',
};

function foldLatin(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[ßæœøłđþıð]/g, (ch) => LATIGATURES[ch] ?? ch);
}

/** Homoglyphs mixed into Latin text become their Latin look-alike; whole non-Latin marks are read by sound. */
function toLatin(lower: string, script: Script, scripts: ReadonlyMap<Script, number>): string {
  const mixedIntoLatin = (scripts.get('latin') ?? 0) > 0 && (script === 'latin' || scripts.size > 1);
  const withHomoglyphs = mixedIntoLatin
    ? Array.from(lower, (ch) => confusableToLatin(ch) ?? ch).join('')
    : lower;
  return foldLatin(transliterate(withHomoglyphs));
}

export function normalizeMark(text: string): NormalizedMark {
  const display = text.normalize('NFKC').trim();
  const lower = display.toLowerCase();
  // Plain ASCII (most filings) needs no script detection nor transliteration.
  const ascii = /^[\x20-\x7e]*$/.test(lower);
  const scripts = ascii ? null : countScripts(lower);
  const script = scripts ? dominantScript(scripts) : /[a-z]/.test(lower) ? 'latin' : 'none';
  const latin = (scripts ? toLatin(lower, script, scripts) : lower).replace(/\s+/g, ' ').trim();
  // Hyphens, dots, apostrophes and other punctuation split words; @ $ ! | stay for leetspeak.
  const words = latin.split(/[^a-z0-9@$!|]+/).filter((w) => w.length > 0);
  const pairs = words
    .map((raw) => ({ raw: raw.replace(/[^a-z0-9]/g, ''), word: unleetWord(raw).replace(/[^a-z0-9]/g, '') }))
    .filter((p) => p.word.length > 0);
  const unleeted = pairs.map((p) => p.word);
  const distinctivePairs = pairs.filter((p) => !isGenericWord(p.word));
  const distinctive = distinctivePairs.map((p) => p.word);
  const tokens = distinctive.length > 0 ? distinctive : unleeted;
  return {
    display,
    script,
    latin,
    tokens,
    genericWords: distinctive.length > 0 ? unleeted.filter(isGenericWord) : [],
    key: tokens.join(''),
    shape: (distinctivePairs.length > 0 ? distinctivePairs : pairs).map((p) => p.raw).join(''),
  };
}

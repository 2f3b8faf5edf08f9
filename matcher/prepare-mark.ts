import { englishOf, meaningsOf, phonesOfWords, spellingByEar, type WordMeanings } from './lexicon/index.ts';
import { normalizeMark, type NormalizedMark } from './normalize/index.ts';
import { bigrams, phoneticCodes, visualSkeleton } from './similarity/index.ts';

/** Everything about one mark that comparisons need, computed once per mark. */
export interface PreparedMark {
  norm: NormalizedMark;
  key: string;
  tokens: readonly string[];
  bigrams: readonly string[];
  /** Double Metaphone codes of the whole key under several spelling readings. */
  codes: readonly string[];
  /** Codes per word, for marks of several words. */
  tokenCodes: readonly (readonly string[])[];
  skeleton: string;
  /** English pronunciation (CMU dictionary phones) when every word is in the dictionary. */
  phones: readonly string[] | null;
  /** That pronunciation written down by ear in a phonemic spelling (NIKE → naiki), or null. */
  heard: string | null;
  /** WordNet senses of each word (null when WordNet does not know it), for meaning and its index keys. */
  meanings: readonly (WordMeanings | null)[];
  /** What a mark in Chinese characters means in English (CC-CEDICT), as comparison keys. */
  translations: readonly { gloss: string; key: string; tokens: readonly string[] }[];
  classes: readonly number[] | undefined;
  /** The goods or services as written, when known. */
  goods: string | undefined;
}

/** Japanese and Korean loanwords add vowels after consonants; the phonetic reading drops them. */
const EPENTHETIC_SCRIPTS = new Set(['kana', 'hangul']);

function translationsOf(norm: NormalizedMark): PreparedMark['translations'] {
  const han = norm.display.match(/\p{Script=Han}+/gu);
  if (!han) return [];
  const glosses = new Set(englishOf(han.join('')));
  return [...glosses].map((gloss) => {
    const tokens = gloss
      .replace(/['’]/g, '')
      .split(/[\s-]+/)
      .filter((w) => /^[a-z0-9]+$/.test(w));
    return { gloss, key: tokens.join(''), tokens };
  });
}

export function prepareMark(text: string, classes?: readonly number[], goods?: string): PreparedMark {
  const norm = normalizeMark(text);
  const epenthetic = EPENTHETIC_SCRIPTS.has(norm.script);
  const phones = norm.script === 'latin' ? phonesOfWords(norm.tokens) : null;
  const heard = phones ? spellingByEar(phones) : null;
  return {
    norm,
    key: norm.key,
    tokens: norm.tokens,
    bigrams: bigrams(norm.key),
    codes: phoneticCodes(norm.key, { epenthetic }),
    tokenCodes: norm.tokens.length > 1 ? norm.tokens.map((t) => phoneticCodes(t, { epenthetic })) : [],
    skeleton: visualSkeleton(norm.shape),
    phones,
    heard: heard && heard !== norm.key ? heard : null,
    meanings: norm.tokens.map((t) => (t.length >= 3 && /^[a-z]+$/.test(t) ? meaningsOf(t) : null)),
    translations: norm.script === 'han' ? translationsOf(norm) : [],
    classes,
    goods: goods?.trim() || undefined,
  };
}

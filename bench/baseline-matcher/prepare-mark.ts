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
  classes: readonly number[] | undefined;
}

/** Japanese and Korean loanwords add vowels after consonants; the phonetic reading drops them. */
const EPENTHETIC_SCRIPTS = new Set(['kana', 'hangul']);

export function prepareMark(text: string, classes?: readonly number[]): PreparedMark {
  const norm = normalizeMark(text);
  const epenthetic = EPENTHETIC_SCRIPTS.has(norm.script);
  return {
    norm,
    key: norm.key,
    tokens: norm.tokens,
    bigrams: bigrams(norm.key),
    codes: phoneticCodes(norm.key, { epenthetic }),
    tokenCodes: norm.tokens.length > 1 ? norm.tokens.map((t) => phoneticCodes(t, { epenthetic })) : [],
    skeleton: visualSkeleton(norm.shape),
    classes,
  };
}

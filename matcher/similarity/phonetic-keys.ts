import { doubleMetaphone } from 'double-metaphone';

/**
 * Respellings that bring Spanish, Portuguese and Indonesian spelling to the English reading that
 * Double Metaphone expects, so NAIKI, NAYK and NIKE, or BOLSA and VOLSA, meet. Each list is one
 * reading of the whole word; codes from all readings are kept.
 */
const ROMANCE: ReadonlyArray<readonly [RegExp, string]> = [
  [/v/g, 'b'],
  [/ll/g, 'y'],
  [/ñ/g, 'ny'],
  [/nh/g, 'ny'],
  [/lh/g, 'ly'],
  [/qu([ei])/g, 'k$1'],
  [/qu/g, 'ku'],
  [/c([ei])/g, 's$1'],
  [/z/g, 's'],
  [/ç/g, 's'],
  [/^h/g, ''],
  [/j/g, 'h'],
  [/x/g, 'sh'],
  [/ão/g, 'aun'],
];
/** Indonesian and Malay, with the pre-1972 spelling (dj, tj, oe, sj, and j for y) folded in. */
const INDONESIAN: ReadonlyArray<readonly [RegExp, string]> = [
  [/c(?!h)/g, 'ch'],
  [/tj/g, 'ch'],
  [/dj/g, 'J'],
  [/oe/g, 'u'],
  [/sj/g, 'sh'],
  [/j/g, 'y'],
  [/J/g, 'j'],
  [/sy/g, 'sh'],
  [/kh/g, 'h'],
  [/ny/g, 'ni'],
];
/** Loanwords read through Japanese or Korean add vowels after consonants (sutaabakkusu); drop them. */
const EPENTHETIC: ReadonlyArray<readonly [RegExp, string]> = [
  [/([bcdfghjkmprstz])u(?=[^aeiou]|$)/g, '$1'],
  [/([bdfghkmprsz])(?:eu|o)$/g, '$1'],
  [/([aeiou])\1+/g, '$1'],
];

function respell(word: string, rules: ReadonlyArray<readonly [RegExp, string]>): string {
  let out = word;
  for (const [pattern, replacement] of rules) out = out.replace(pattern, replacement);
  return out;
}

/** Collapses doubled letters, which Double Metaphone mostly ignores but some rules trip on. */
function squeeze(word: string): string {
  return word.replace(/(.)\1+/g, '$1');
}

/** Double Metaphone codes of the word read as English, Romance (es/pt) and Indonesian spelling. */
export function phoneticCodes(word: string, options: { epenthetic?: boolean } = {}): string[] {
  if (word.length === 0) return [];
  const readings = new Set([word, respell(word, ROMANCE), respell(word, INDONESIAN)]);
  if (options.epenthetic) readings.add(respell(word, EPENTHETIC));
  const codes = new Set<string>();
  for (const reading of readings) {
    const letters = squeeze(reading.replace(/[^a-z]/g, ''));
    if (letters.length === 0) continue;
    const [primary, secondary] = doubleMetaphone(letters);
    codes.add(primary);
    codes.add(secondary);
  }
  codes.delete('');
  return [...codes];
}

/**
 * Hangul to Latin by the Revised Romanization of Korean (2000), computed from the Unicode
 * syllable decomposition: syllable = 0xAC00 + (initial * 21 + medial) * 28 + final.
 * 나이키 (Nike) reads "naiki". Sound changes between syllables are not modelled.
 */
const INITIALS = [
  'g',
  'kk',
  'n',
  'd',
  'tt',
  'r',
  'm',
  'b',
  'pp',
  's',
  'ss',
  '',
  'j',
  'jj',
  'ch',
  'k',
  't',
  'p',
  'h',
];
const MEDIALS = [
  'a',
  'ae',
  'ya',
  'yae',
  'eo',
  'e',
  'yeo',
  'ye',
  'o',
  'wa',
  'wae',
  'oe',
  'yo',
  'u',
  'wo',
  'we',
  'wi',
  'yu',
  'eu',
  'ui',
  'i',
];
const FINALS = [
  '',
  'k',
  'k',
  'k',
  'n',
  'n',
  'n',
  't',
  'l',
  'k',
  'm',
  'l',
  'l',
  'l',
  'p',
  'l',
  'm',
  'p',
  'p',
  't',
  't',
  'ng',
  't',
  't',
  'k',
  't',
  'p',
  't',
];

const FIRST_SYLLABLE = 0xac00;
const LAST_SYLLABLE = 0xd7a3;

export function transliterateHangul(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < FIRST_SYLLABLE || code > LAST_SYLLABLE) {
      out += ch;
      continue;
    }
    const index = code - FIRST_SYLLABLE;
    out += INITIALS[Math.floor(index / 588)] ?? '';
    out += MEDIALS[Math.floor((index % 588) / 28)] ?? '';
    out += FINALS[index % 28] ?? '';
  }
  return out;
}

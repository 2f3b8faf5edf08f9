/**
 * Thai to Latin after the Royal Thai General System of Transcription (RTGS), simplified:
 * consonants take their initial-position value, tone marks are dropped, and the vowels written
 * before their consonant (เ แ โ ใ ไ) are moved after it, as they are spoken. ไนกี้ (Nike) reads
 * "naiki".
 */
const CONSONANTS: Readonly<Record<string, string>> = {
  ก: 'k',
  ข: 'kh',
  ฃ: 'kh',
  ค: 'kh',
  ฅ: 'kh',
  ฆ: 'kh',
  ง: 'ng',
  จ: 'ch',
  ฉ: 'ch',
  ช: 'ch',
  ซ: 's',
  ฌ: 'ch',
  ญ: 'y',
  ฎ: 'd',
  ฏ: 't',
  ฐ: 'th',
  ฑ: 'th',
  ฒ: 'th',
  ณ: 'n',
  ด: 'd',
  ต: 't',
  ถ: 'th',
  ท: 'th',
  ธ: 'th',
  น: 'n',
  บ: 'b',
  ป: 'p',
  ผ: 'ph',
  ฝ: 'f',
  พ: 'ph',
  ฟ: 'f',
  ภ: 'ph',
  ม: 'm',
  ย: 'y',
  ร: 'r',
  ฤ: 'rue',
  ล: 'l',
  ว: 'w',
  ศ: 's',
  ษ: 's',
  ส: 's',
  ห: 'h',
  ฬ: 'l',
  อ: '',
  ฮ: 'h',
};
const LEADING_VOWELS: Readonly<Record<string, string>> = { เ: 'e', แ: 'ae', โ: 'o', ใ: 'ai', ไ: 'ai' };
const FOLLOWING_VOWELS: Readonly<Record<string, string>> = {
  ะ: 'a',
  'ั': 'a',
  า: 'a',
  ำ: 'am',
  'ิ': 'i',
  'ี': 'i',
  'ึ': 'ue',
  'ื': 'ue',
  'ุ': 'u',
  'ู': 'u',
  ๅ: '',
};

export function transliterateThai(text: string): string {
  let out = '';
  let heldVowel = '';
  for (const ch of text) {
    if (ch in LEADING_VOWELS) {
      heldVowel = LEADING_VOWELS[ch] ?? '';
    } else if (ch in CONSONANTS) {
      out += (CONSONANTS[ch] ?? '') + heldVowel;
      heldVowel = '';
    } else if (ch in FOLLOWING_VOWELS) {
      out += FOLLOWING_VOWELS[ch];
    } else if (!/[\u0E47-\u0E4E]/.test(ch)) {
      out += ch; // tone marks and other diacritics (U+0E47..U+0E4E) are dropped
    }
  }
  return out + heldVowel;
}

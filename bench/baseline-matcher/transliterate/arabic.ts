/**
 * Arabic (and Persian letters) to Latin, a simplified consonantal romanization after the
 * UNGEGN/BGN system: short vowels are not written in Arabic brand names, so only the letters
 * present are mapped; و and ي read as vowels (u, i) inside a word and as w, y at its start.
 * نايك (Nike) reads "naik".
 */
const ARABIC: Readonly<Record<string, string>> = {
  ا: 'a',
  أ: 'a',
  إ: 'i',
  آ: 'a',
  ء: '',
  ئ: 'i',
  ؤ: 'u',
  ب: 'b',
  ت: 't',
  ث: 'th',
  ج: 'j',
  ح: 'h',
  خ: 'kh',
  د: 'd',
  ذ: 'dh',
  ر: 'r',
  ز: 'z',
  س: 's',
  ش: 'sh',
  ص: 's',
  ض: 'd',
  ط: 't',
  ظ: 'z',
  ع: 'a',
  غ: 'gh',
  ف: 'f',
  ق: 'q',
  ك: 'k',
  ل: 'l',
  م: 'm',
  ن: 'n',
  ه: 'h',
  ة: 'a',
  ى: 'a',
  پ: 'p',
  چ: 'ch',
  ژ: 'zh',
  گ: 'g',
  ک: 'k',
  ی: 'i',
  ڤ: 'v',
};

export function transliterateArabic(text: string): string {
  const chars = Array.from(text);
  return chars
    .map((ch, i) => {
      const atWordStart = i === 0 || /\s/.test(chars[i - 1] ?? ' ');
      if (ch === 'و') return atWordStart ? 'w' : 'u';
      if (ch === 'ي') return atWordStart ? 'y' : 'i';
      return ARABIC[ch] ?? (/\p{M}/u.test(ch) ? '' : ch);
    })
    .join('');
}

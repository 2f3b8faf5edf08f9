/**
 * Cyrillic and Greek letters that Unicode's confusables data (UTS #39, confusables.txt,
 * "MA" mappings) lists as look-alikes of Latin letters, lower-cased. Used only when such letters
 * are mixed into a Latin mark (Nіke with U+0456), the classic homoglyph trick; a mark written
 * wholly in Cyrillic or Greek is transliterated by sound instead.
 */
const CONFUSABLE_TO_LATIN: Readonly<Record<string, string>> = {
  // Cyrillic
  а: 'a',
  в: 'b',
  е: 'e',
  ё: 'e',
  һ: 'h',
  і: 'i',
  ї: 'i',
  ј: 'j',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  ѕ: 's',
  ԁ: 'd',
  ԛ: 'q',
  ԝ: 'w',
  ӏ: 'l',
  ь: 'b',
  г: 'r',
  п: 'n',
  // Greek
  α: 'a',
  β: 'b',
  γ: 'y',
  ε: 'e',
  η: 'n',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
  ω: 'w',
  ϲ: 'c',
  ϳ: 'j',
  ζ: 'z',
  μ: 'u',
};

export function confusableToLatin(lowerChar: string): string | undefined {
  return CONFUSABLE_TO_LATIN[lowerChar];
}

/** True when every letter of the text is Latin or a Latin look-alike (so a visual reading exists). */
export function mapConfusables(lowerText: string): string {
  return Array.from(lowerText, (ch) => CONFUSABLE_TO_LATIN[ch] ?? ch).join('');
}

/**
 * Cyrillic to Latin, after the BGN/PCGN romanization of Russian with the Ukrainian letters
 * (і, ї, є, ґ) added. Phonetic, not visual: Найк reads "naik". Visual look-alikes are handled
 * by normalize/confusables.ts when Cyrillic letters are mixed into a Latin mark.
 */
const CYRILLIC: Readonly<Record<string, string>> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'yo',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
  і: 'i',
  ї: 'yi',
  є: 'ye',
  ґ: 'g',
  ў: 'u',
  ј: 'j',
  љ: 'lj',
  њ: 'nj',
  ћ: 'c',
  ђ: 'dj',
  џ: 'dz',
  ѕ: 'dz',
};

export function transliterateCyrillicChar(lowerChar: string): string | undefined {
  return CYRILLIC[lowerChar];
}

/**
 * Words that carry no distinctiveness in a mark: legal forms and shop words, per language
 * (English, Spanish, Portuguese, French, German, Italian, Indonesian/Malay). Removed before
 * comparison unless nothing would be left.
 */
const GENERIC_BY_LANGUAGE: Readonly<Record<string, readonly string[]>> = {
  en: [
    'the',
    'official',
    'store',
    'shop',
    'co',
    'company',
    'ltd',
    'limited',
    'inc',
    'corp',
    'corporation',
    'llc',
    'llp',
    'plc',
    'group',
    'brand',
    'brands',
    'online',
    'outlet',
    'international',
    'intl',
    'global',
    'and',
    'of',
    'by',
    'www',
    'com',
    'net',
    'org',
  ],
  es: ['tienda', 'oficial', 'sa', 'sl', 'srl', 'cia', 'de', 'del', 'la', 'el', 'los', 'las', 'y'],
  pt: ['loja', 'ltda', 'do', 'da', 'dos', 'das', 'e', 'me', 'eireli'],
  fr: ['boutique', 'officiel', 'officielle', 'sarl', 'sas', 'le', 'les', 'et'],
  de: ['gmbh', 'ag', 'kg', 'laden', 'offiziell', 'der', 'die', 'das', 'und'],
  it: ['negozio', 'ufficiale', 'spa', 'il'],
  id: ['toko', 'resmi', 'pt', 'cv', 'tbk', 'bhd', 'sdn', 'dan'],
};

const GENERIC_WORDS: ReadonlySet<string> = new Set(Object.values(GENERIC_BY_LANGUAGE).flat());

export function isGenericWord(word: string): boolean {
  return GENERIC_WORDS.has(word);
}

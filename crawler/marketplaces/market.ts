import { currencyForCountry } from './currency/index.ts';
/** ISO 3166-1 country codes from host names, and the currency each market prices in. */

// Second-level and country-code suffixes, longest first so "com.br" wins over "br".
const SUFFIX_MARKETS: [string, string][] = [
  ['co.uk', 'GB'],
  ['com.br', 'BR'],
  ['com.ph', 'PH'],
  ['co.id', 'ID'],
  ['co.jp', 'JP'],
  ['com.mx', 'MX'],
  ['com.ar', 'AR'],
  ['com.co', 'CO'],
  ['com.au', 'AU'],
  ['com.my', 'MY'],
  ['co.th', 'TH'],
  ['com.sg', 'SG'],
  ['com.tr', 'TR'],
  ['com.tw', 'TW'],
  ['com.vn', 'VN'],
  ['co.kr', 'KR'],
  ['com.pe', 'PE'],
  ['com.uy', 'UY'],
  ['com.ec', 'EC'],
  ['com.ve', 'VE'],
  ['co.za', 'ZA'],
  ['com.eg', 'EG'],
  ['com.sa', 'SA'],
  ['com.cn', 'CN'],
  ['uk', 'GB'],
  ['br', 'BR'],
  ['ph', 'PH'],
  ['id', 'ID'],
  ['jp', 'JP'],
  ['mx', 'MX'],
  ['ar', 'AR'],
  ['cl', 'CL'],
  ['co', 'CO'],
  ['au', 'AU'],
  ['my', 'MY'],
  ['th', 'TH'],
  ['sg', 'SG'],
  ['tr', 'TR'],
  ['tw', 'TW'],
  ['vn', 'VN'],
  ['kr', 'KR'],
  ['in', 'IN'],
  ['de', 'DE'],
  ['fr', 'FR'],
  ['es', 'ES'],
  ['it', 'IT'],
  ['nl', 'NL'],
  ['be', 'BE'],
  ['at', 'AT'],
  ['pl', 'PL'],
  ['se', 'SE'],
  ['ie', 'IE'],
  ['pt', 'PT'],
  ['ca', 'CA'],
  ['ae', 'AE'],
  ['sa', 'SA'],
  ['eg', 'EG'],
  ['cn', 'CN'],
  ['pe', 'PE'],
  ['ch', 'CH'],
  ['us', 'US'],
  ['ru', 'RU'],
];

/** Market from the host's country-code suffix; null for generic domains (.com) the site must decide. */
export function marketFromHost(host: string): string | null {
  const lower = host.toLowerCase();
  for (const [suffix, market] of SUFFIX_MARKETS) {
    if (lower.endsWith(`.${suffix}`)) return market;
  }
  return null;
}

/** The currency a market prices in, from the ISO 4217 country table (`currency/`), not a hand list. */
export function currencyForMarket(market: string | null): string | null {
  return currencyForCountry(market);
}

/** Main languages of a market (ISO 639-1), for counterfeit word lists. */
const MARKET_LANGUAGES: Record<string, string[]> = {
  US: ['en'],
  GB: ['en'],
  IN: ['en'],
  AU: ['en'],
  CA: ['en', 'fr'],
  SG: ['en', 'zh'],
  PH: ['en', 'tl'],
  BR: ['pt'],
  PT: ['pt'],
  MX: ['es'],
  AR: ['es'],
  CO: ['es'],
  CL: ['es'],
  PE: ['es'],
  ES: ['es'],
  ID: ['id'],
  MY: ['ms', 'en'],
  JP: ['ja'],
  CN: ['zh'],
  TW: ['zh'],
  TH: ['th'],
  VN: ['vi'],
  KR: ['ko'],
  FR: ['fr'],
  DE: ['de'],
  IT: ['it'],
  TR: ['tr'],
  AE: ['ar', 'en'],
  SA: ['ar'],
  EG: ['ar'],
};

export function languagesForMarket(market: string | null): string[] {
  return market ? (MARKET_LANGUAGES[market] ?? ['en']) : ['en'];
}

/**
 * ISO 4217 codes from what pages show: a code, a symbol or a local abbreviation ("Rp", "руб.", "Kč",
 * "NZ$"), resolved with the site's or market's currency when a symbol is shared ("$", "¥", "kr", "Rs").
 * The data is generated from CLDR and ISO 4217 packages (`build-table.ts`), not kept by hand.
 */
import table from './currency-table.json' with { type: 'json' };

interface CurrencyTable {
  codes: Record<string, { digits: number; name: string }>;
  symbols: Record<string, [string, number][]>;
  countries: Record<string, string>;
}
const TABLE = table as CurrencyTable;

/**
 * Unit words printed after amounts that CLDR lists only inside display names, not as symbols
 * ("6,000円", "149元", "115 reais"). Kept here because no table carries them as price markers.
 */
const UNIT_WORDS: [string, string][] = [
  ['円', 'JPY'],
  ['元', 'CNY'],
  ['reais', 'BRL'],
  ['real', 'BRL'],
];

// Longest first, so "US$" wins over "$" and "руб." over "руб".
const MARKERS: [string, [string, number][]][] = [
  ...Object.entries(TABLE.symbols),
  ...UNIT_WORDS.map(([word, code]): [string, [string, number][]] => [word, [[code, 1]]]),
].sort((a, b) => b[0].length - a[0].length);

const LETTER = /\p{L}/u;

export interface CurrencyContext {
  /** ISO code the site or caller expects (a page's main currency, an offer's priceCurrency). */
  hint?: string | null;
  /** ISO 3166-1 alpha-2 market of the page, whose currency settles a shared symbol. */
  market?: string | null;
}

export function isCurrencyCode(value: string | null | undefined): value is string {
  return Boolean(value && Object.hasOwn(TABLE.codes, value));
}

/** Minor units of a currency (2 for USD, 0 for JPY, 3 for KWD); 2 when unknown. */
export function minorDigits(code: string | null | undefined): number {
  return (code && TABLE.codes[code]?.digits) ?? 2;
}

/** The currency a country prices in (ISO 3166-1 alpha-2 → ISO 4217). */
export function currencyForCountry(country: string | null | undefined): string | null {
  return (country && TABLE.countries[country.toUpperCase()]) || null;
}

/**
 * The ISO code a text names or implies: an ISO code next to the amount (or alone) first, then the
 * longest symbol found, chosen among its currencies by the hint, then the market, then by how many
 * CLDR locales use the symbol for each currency. Null when nothing in the text is a currency marker.
 */
export function currencyCode(text: string | null | undefined, context: CurrencyContext = {}): string | null {
  if (!text) return null;
  const trimmed = text.trim();
  if (isCurrencyCode(trimmed.toUpperCase()) && /^[A-Za-z]{3}$/.test(trimmed)) return trimmed.toUpperCase();
  for (const match of trimmed.matchAll(/(?<!\p{L})([A-Z]{3})(?!\p{L})/gu)) {
    const code = match[1] as string;
    if (!isCurrencyCode(code)) continue;
    // "ALL SIZES" or "TOP SELLER" are words; a code counts next to a number or a symbol.
    const around = trimmed.slice(Math.max(0, match.index - 3), match.index + 6);
    if (/\d|[$€£¥]/.test(around) || trimmed.length <= 8) return code;
  }
  const candidates = findMarker(trimmed);
  if (!candidates) return null;
  return chooseAmong(candidates, context);
}

/** A currency field that should hold a code but may hold a symbol ("Rp", "$") or lower case. */
export function normalizeCurrency(
  value: string | null | undefined,
  context: CurrencyContext = {},
): string | null {
  if (!value) return null;
  const upper = value.trim().toUpperCase();
  if (isCurrencyCode(upper)) return upper;
  return currencyCode(value, context);
}

function findMarker(text: string): [string, number][] | null {
  for (const [marker, candidates] of MARKERS) {
    let from = text.indexOf(marker);
    while (from >= 0) {
      if (standsAlone(text, marker, from)) return candidates;
      from = text.indexOf(marker, from + 1);
    }
  }
  return null;
}

/** A marker made of letters must not be part of a longer word ("L" in "Large", "kr" in "kraft"). */
function standsAlone(text: string, marker: string, at: number): boolean {
  const first = marker[0] ?? '';
  const last = marker[marker.length - 1] ?? '';
  const before = text[at - 1] ?? '';
  const after = text[at + marker.length] ?? '';
  if (LETTER.test(first) && LETTER.test(before)) return false;
  if (LETTER.test(last) && LETTER.test(after)) return false;
  return true;
}

function chooseAmong(candidates: [string, number][], context: CurrencyContext): string | null {
  const codes = candidates.map(([code]) => code);
  if (context.hint && codes.includes(context.hint)) return context.hint;
  const marketCurrency = currencyForCountry(context.market);
  if (marketCurrency && codes.includes(marketCurrency)) return marketCurrency;
  return codes[0] ?? null;
}

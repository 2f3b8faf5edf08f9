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
const TABLE = table as unknown as CurrencyTable;

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
  return (code ? TABLE.codes[code]?.digits : undefined) ?? 2;
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
  if (/^[A-Za-z]{3}$/.test(trimmed) && isCurrencyCode(trimmed.toUpperCase())) return trimmed.toUpperCase();
  for (const match of trimmed.matchAll(/(?<!\p{L})([A-Za-z]{3})(?!\p{L})/gu)) {
    const word = match[1] as string;
    const code = word.toUpperCase();
    if (!isCurrencyCode(code)) continue;
    // "ALL SIZES" or "TOP SELLER" are words; a code counts next to a number or a symbol (lower case
    // only right beside the number: "140,00 pln").
    const near = word === code ? 3 : 2;
    const before = trimmed.slice(Math.max(0, match.index - near), match.index);
    const after = trimmed.slice(match.index + 3, match.index + 3 + near);
    if (/\d|[$€£¥]/.test(before + after) || (word === code && trimmed.length <= 8)) return code;
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

/**
 * The marker nearest the first number: "P.V.P. 4,56 €" has a letter marker far from the amount and
 * the euro sign beside it. Longer markers win ties ("US$" over "$").
 */
function findMarker(text: string): [string, number][] | null {
  const number = text.match(/\d[\d.,\s\u00a0]*\d|\d/);
  const start = number?.index ?? -1;
  const end = start < 0 ? -1 : start + (number?.[0].length ?? 0);
  let best: { candidates: [string, number][]; distance: number } | null = null;
  for (const [marker, candidates] of MARKERS) {
    let from = text.indexOf(marker);
    while (from >= 0) {
      if (standsAlone(text, marker, from)) {
        const after = from + marker.length;
        const gap = start < 0 ? 0 : after <= start ? start - after : Math.max(0, from - end);
        // On equal distance a currency sign ("€") beats letters that may be an abbreviation ("P.").
        const distance = gap + (/\p{Sc}/u.test(marker) ? 0 : 0.5);
        if (!best || distance < best.distance) best = { candidates, distance };
        break;
      }
      from = text.indexOf(marker, from + 1);
    }
  }
  return best?.candidates ?? null;
}

/**
 * A marker made of letters must not be part of a longer word ("L" in "Large", "kr" in "kraft"),
 * except that an abbreviation of three letters or more may open the word it abbreviates
 * ("руб" in "рублей").
 */
function standsAlone(text: string, marker: string, at: number): boolean {
  const first = marker[0] ?? '';
  const last = marker[marker.length - 1] ?? '';
  const before = text[at - 1] ?? '';
  const after = text[at + marker.length] ?? '';
  if (LETTER.test(first) && LETTER.test(before)) return false;
  if (LETTER.test(last) && LETTER.test(after) && !(marker.length >= 3 && /^\p{L}+$/u.test(marker)))
    return false;
  return true;
}

function chooseAmong(candidates: [string, number][], context: CurrencyContext): string | null {
  const codes = candidates.map(([code]) => code);
  if (context.hint && codes.includes(context.hint)) return context.hint;
  const marketCurrency = currencyForCountry(context.market);
  if (marketCurrency && codes.includes(marketCurrency)) return marketCurrency;
  return codes[0] ?? null;
}

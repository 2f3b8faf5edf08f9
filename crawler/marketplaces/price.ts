/** Prices as marketplaces display them, in local number formats, to numbers and ISO 4217 codes. */
import { currencyCode, minorDigits, type CurrencyContext } from './currency/index.ts';

export interface ParsedPrice {
  price: number;
  /** Upper bound of a displayed range ("149.00 - 159.00"); null for a single price. */
  priceMax: number | null;
  currency: string | null;
}

/**
 * The ISO currency a price text names, using the hint (an ISO code) for shared symbols ("$", "¥").
 * Kept for callers of the old API; `currencyCode` also takes the market.
 */
export function currencyFromText(text: string, hint: string | null = null): string | null {
  return currencyCode(text, { hint });
}

const FREE = /^\s*(?:free|gratis|grátis|gratuit|kostenlos|免费|無料)\b/i;

// A number as shops print it: digits with group/decimal separators, or a bare fraction (".75").
const NUMBER = /(?<![\d.,])(?:\d[\d.,\s\u00a0\u202f']*\d|\d|[.,]\d+)/g;

/**
 * Parses "R$ 1.234,56", "Rp1.234.567", "₱1,234.50", "¥6,000", "US $349.99", "€40.63+", ".75 €",
 * "149.00 - 159.00" (range) and "115 reais com 83 centavos". Returns null when no number is present.
 * `currencyHint` is the ISO code the page or site implies; `market` settles shared symbols.
 */
export function parsePrice(
  text: string | null | undefined,
  currencyHint: string | null = null,
  market: string | null = null,
): ParsedPrice | null {
  if (!text) return null;
  const spoken = spokenPrice(text);
  if (spoken) return { price: spoken, priceMax: null, currency: 'BRL' };
  const context: CurrencyContext = { hint: currencyHint, market };
  const currency = currencyCode(text, context) ?? currencyHint;
  // "40% OFF" is a discount, not a price; "Free" is a price of zero.
  const numbers = [...text.matchAll(NUMBER)]
    .filter((match) => !/^\s*%/.test(text.slice(match.index + match[0].length)))
    .map((match) => match[0].trim());
  const first = numbers[0];
  if (first === undefined) return FREE.test(text) ? { price: 0, priceMax: null, currency } : null;
  const price = parseNumber(first, currency);
  if (price === null) return null;
  const second = numbers[1];
  // "A - B" / "A ~ B" / "A to B" with a number on both sides is a range.
  const isRange = second !== undefined && /\d\s*(?:-|–|—|~|〜|～|to|a|até)\s*\D{0,4}[\d.]/i.test(text);
  const priceMax = isRange ? parseNumber(second, currency) : null;
  return { price, priceMax: priceMax !== null && priceMax > price ? priceMax : null, currency };
}

/** Mercado Livre aria labels spell prices out: "115 reais com 83 centavos". */
function spokenPrice(text: string): number | null {
  const match = text.match(/(\d[\d.]*)\s+reais?(?:\s+com\s+(\d{1,2})\s+centavos?)?/i);
  if (!match?.[1]) return null;
  return Number(match[1].replace(/\./g, '')) + Number(match[2] ?? 0) / 100;
}

/**
 * One number in local format. The separator that comes last is the decimal one when the other kind
 * also appears, when it is the only separator and is not followed by exactly three digits, or when
 * it follows a lone "0" ("0.500"). Exactly three digits after a single separator are a thousands
 * group ("1.234", "140.000"), except for currencies with three minor digits (KWD, BHD, JOD).
 */
export function parseNumber(raw: string, currency: string | null): number | null {
  const compact = raw.replace(/[\s\u00a0\u202f']/g, '');
  const lastDot = compact.lastIndexOf('.');
  const lastComma = compact.lastIndexOf(',');
  const lastSep = Math.max(lastDot, lastComma);
  if (lastSep < 0) return finite(Number(compact));
  const sep = compact[lastSep] as '.' | ',';
  const decimals = compact.length - lastSep - 1;
  const sepCount = compact.split(sep).length - 1;
  const integerPart = compact.slice(0, lastSep);
  let decimalSep: '.' | ',' | null;
  if (lastDot >= 0 && lastComma >= 0) decimalSep = sep;
  else if (sepCount > 1) decimalSep = null;
  else if (integerPart === '' || integerPart === '0') decimalSep = sep;
  else if (decimals === 3) decimalSep = minorDigits(currency) === 3 ? sep : null;
  else decimalSep = decimals === 0 ? null : sep;
  const grouping = decimalSep === '.' ? /,/g : decimalSep === ',' ? /\./g : /[.,]/g;
  return finite(Number(compact.replace(grouping, '').replace(',', '.')));
}

function finite(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

/** Prices as marketplaces display them, in local number formats, to numbers and ISO 4217 codes. */

export interface ParsedPrice {
  price: number;
  /** Upper bound of a displayed range ("149.00 - 159.00"); null for a single price. */
  priceMax: number | null;
  currency: string | null;
}

// Longest markers first: "US $" before "$", "R$" before "$".
const SYMBOLS: [RegExp, string][] = [
  [/US\s?\$|USD/i, 'USD'],
  [/R\$|BRL/, 'BRL'],
  [/C\s?\$|CA\$|CAD/, 'CAD'],
  [/AU?\s?\$|AUD/, 'AUD'],
  [/S\$|SGD/, 'SGD'],
  [/MX\$|MXN/, 'MXN'],
  [/NT\$|TWD/, 'TWD'],
  [/HK\$|HKD/, 'HKD'],
  [/Rp|IDR/, 'IDR'],
  [/₱|PHP/, 'PHP'],
  [/₹|Rs\.?\s|INR/, 'INR'],
  [/£|GBP/, 'GBP'],
  [/€|EUR/, 'EUR'],
  [/円|JPY/, 'JPY'],
  [/元|RMB|CNY/, 'CNY'],
  [/RM\s?\d|MYR/, 'MYR'],
  [/฿|THB/, 'THB'],
  [/₫|VND/, 'VND'],
  [/₩|KRW/, 'KRW'],
  [/₺|TL\b|TRY/, 'TRY'],
  [/zł|PLN/, 'PLN'],
  [/CHF/, 'CHF'],
  [/AED|د\.إ/, 'AED'],
  [/SAR|﷼/, 'SAR'],
  [/ARS/, 'ARS'],
  [/COP/, 'COP'],
  [/CLP/, 'CLP'],
];

const DOLLAR_CURRENCIES = new Set([
  'USD',
  'CAD',
  'AUD',
  'SGD',
  'MXN',
  'TWD',
  'HKD',
  'ARS',
  'COP',
  'CLP',
  'NZD',
]);
// Currencies whose sites group thousands with "." ("Rp1.234.567", "R$ 1.234,56").
const DOT_GROUPING = new Set(['IDR', 'BRL', 'ARS', 'CLP', 'COP', 'VND', 'TRY', 'EUR', 'PEN', 'UYU']);
const NO_MINOR_UNITS = new Set(['IDR', 'JPY', 'KRW', 'VND', 'CLP']);

/** The ISO currency a price text names, using the hint for ambiguous "$" and "¥". */
export function currencyFromText(text: string, hint: string | null = null): string | null {
  for (const [pattern, code] of SYMBOLS) if (pattern.test(text)) return code;
  if (/[¥￥]/.test(text)) return hint === 'CNY' ? 'CNY' : 'JPY';
  if (/\$/.test(text)) return hint && DOLLAR_CURRENCIES.has(hint) ? hint : 'USD';
  return null;
}

/**
 * Parses "R$ 1.234,56", "Rp1.234.567", "₱1,234.50", "¥6,000", "US $349.99", "€40.63+",
 * "149.00 - 159.00" (range) and "115 reais com 83 centavos". Returns null when no number is present.
 */
export function parsePrice(
  text: string | null | undefined,
  currencyHint: string | null = null,
): ParsedPrice | null {
  if (!text) return null;
  const spoken = spokenPrice(text);
  if (spoken) return { price: spoken, priceMax: null, currency: 'BRL' };
  const currency = currencyFromText(text, currencyHint) ?? currencyHint;
  // "A - B" / "A ~ B" / "A to B" with a number on both sides is a range.
  const numbers = [...text.matchAll(/\d[\d.,\s\u00a0\u202f']*\d|\d/g)].map((match) => match[0]);
  const first = numbers[0];
  if (first === undefined) return null;
  const price = parseNumber(first, currency);
  if (price === null) return null;
  const second = numbers[1];
  const isRange = second !== undefined && /\d\s*(?:-|–|—|~|〜|～|to|a|até)\s*\D{0,4}\d/i.test(text);
  const priceMax = isRange ? parseNumber(second, currency) : null;
  return { price, priceMax: priceMax !== null && priceMax > price ? priceMax : null, currency };
}

/** Mercado Livre aria labels spell prices out: "115 reais com 83 centavos". */
function spokenPrice(text: string): number | null {
  const match = text.match(/(\d[\d.]*)\s+reais?(?:\s+com\s+(\d{1,2})\s+centavos?)?/i);
  if (!match?.[1]) return null;
  return Number(match[1].replace(/\./g, '')) + Number(match[2] ?? 0) / 100;
}

/** One number in local format; the separator that comes last with 1-2 digits after it is decimal. */
export function parseNumber(raw: string, currency: string | null): number | null {
  const compact = raw.replace(/[\s\u00a0\u202f']/g, '');
  const lastDot = compact.lastIndexOf('.');
  const lastComma = compact.lastIndexOf(',');
  const lastSep = Math.max(lastDot, lastComma);
  if (lastSep < 0) return Number(compact);
  const sep = compact[lastSep] as '.' | ',';
  const decimals = compact.length - lastSep - 1;
  const sepCount = compact.split(sep).length - 1;
  const bothKinds = lastDot >= 0 && lastComma >= 0;
  let decimalSep: '.' | ',' | null;
  if (bothKinds) decimalSep = sep;
  else if (sepCount > 1) decimalSep = null;
  else if (decimals === 3)
    decimalSep =
      sep === '.' && currency && !DOT_GROUPING.has(currency) && !NO_MINOR_UNITS.has(currency) ? '.' : null;
  else decimalSep = decimals <= 2 ? sep : null;
  if (currency && NO_MINOR_UNITS.has(currency) && decimals === 3) decimalSep = null;
  const grouping = decimalSep === '.' ? /,/g : decimalSep === ',' ? /\./g : /[.,]/g;
  const normalized = compact.replace(grouping, '').replace(',', '.');
  const value = Number(normalized);
  return Number.isFinite(value) ? value : null;
}

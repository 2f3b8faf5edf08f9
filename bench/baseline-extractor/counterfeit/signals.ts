import type { Listing } from '../../../core/index.ts';
import { BATTERY_CONTEXT, GRADE_WORDS, QUALITY_CONTEXT, TERMS } from './words.ts';

export interface CounterfeitSignal {
  signal: 'counterfeit_term' | 'grade_term' | 'price_far_below_reference';
  /** What was found, quoted from the listing, so a reviewer can judge it. */
  evidence: string;
  language?: string;
}

export interface CounterfeitOptions {
  /** Languages of the market (ISO 639-1); English is always checked too, cross-border sellers use it. */
  marketLanguage: string | string[];
  /** The genuine product's usual price, in the listing's currency. */
  referencePrice?: number | null;
  referenceCurrency?: string | null;
  /** Price below this share of the reference is a signal (default 0.3). */
  priceRatio?: number;
}

/** Words and prices in a listing that suggest a counterfeit; an empty list means none were seen. */
export function counterfeitSignals(
  listing: Pick<Listing, 'title' | 'price' | 'currency'> & { description?: string | null },
  options: CounterfeitOptions,
): CounterfeitSignal[] {
  const text = [listing.title, listing.description].filter(Boolean).join(' \n ');
  const languages = new Set([
    'en',
    ...(Array.isArray(options.marketLanguage) ? options.marketLanguage : [options.marketLanguage]),
  ]);
  const signals: CounterfeitSignal[] = [];
  for (const language of languages) {
    for (const { term, pattern } of TERMS[language] ?? []) {
      const match = pattern.exec(text);
      if (match)
        signals.push({
          signal: 'counterfeit_term',
          evidence: `"${term}": ${around(text, match.index, match[0].length)}`,
          language,
        });
    }
  }
  signals.push(...gradeSignals(text));
  const price = priceSignal(listing, options);
  if (price) signals.push(price);
  return dedupe(signals);
}

function gradeSignals(text: string): CounterfeitSignal[] {
  const found: CounterfeitSignal[] = [];
  for (const match of text.matchAll(GRADE_WORDS)) {
    const index = match.index ?? 0;
    const window = text.slice(Math.max(0, index - 30), index + match[0].length + 30);
    if (BATTERY_CONTEXT.test(window)) continue;
    const rest = window.replace(match[0], ' ');
    if (QUALITY_CONTEXT.test(rest))
      found.push({
        signal: 'grade_term',
        evidence: `"${match[0]}" in a quality context: ${around(text, index, match[0].length)}`,
      });
  }
  return found;
}

function priceSignal(
  listing: Pick<Listing, 'price' | 'currency'>,
  options: CounterfeitOptions,
): CounterfeitSignal | null {
  const reference = options.referencePrice;
  if (listing.price === null || !reference || reference <= 0) return null;
  if (options.referenceCurrency && listing.currency && options.referenceCurrency !== listing.currency)
    return null;
  const threshold = options.priceRatio ?? 0.3;
  const ratio = listing.price / reference;
  if (ratio >= threshold) return null;
  return {
    signal: 'price_far_below_reference',
    evidence:
      `price ${listing.price} ${listing.currency ?? ''} is ${ratio.toFixed(2)} of the reference ${reference} (threshold ${threshold})`.replace(
        /\s+is/,
        ' is',
      ),
  };
}

function around(text: string, index: number, length: number): string {
  const start = Math.max(0, index - 25);
  const end = Math.min(text.length, index + length + 25);
  return `${start > 0 ? '…' : ''}${text.slice(start, end).trim()}${end < text.length ? '…' : ''}`;
}

function dedupe(signals: CounterfeitSignal[]): CounterfeitSignal[] {
  const seen = new Set<string>();
  return signals.filter((signal) => {
    const key = `${signal.signal}|${signal.evidence}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

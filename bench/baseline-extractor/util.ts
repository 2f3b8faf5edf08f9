import type { Cheerio, CheerioAPI } from 'cheerio';
import type { AnyNode } from 'domhandler';
import type { ExtractedListing } from './types.ts';

/** Collapses runs of whitespace (including no-break spaces) and trims; empty becomes null. */
export function cleanText(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const text = value.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
  return text === '' ? null : text;
}

/** Text of the first element matching one of the selectors (tried in order) that has any text. */
export function firstText(root: CheerioAPI | Cheerio<AnyNode>, selectors: string[]): string | null {
  for (const selector of selectors) {
    const found = typeof root === 'function' ? root(selector) : root.find(selector);
    for (let i = 0; i < found.length; i += 1) {
      const text = cleanText(found.eq(i).text());
      if (text) return text;
    }
  }
  return null;
}

/** Resolves a relative or protocol-relative link against the page URL (https when there is none). */
export function absoluteUrl(href: string | null | undefined, base: URL | null): string | null {
  if (!href) return null;
  try {
    return new URL(href, base ?? 'https://unknown.invalid/').toString();
  } catch {
    return null;
  }
}

/** A listing with every field unknown, for site modules to fill in. */
export function emptyListing(marketplace: string, market: string | null, position: number): ExtractedListing {
  return {
    marketplace,
    market,
    listingId: null,
    url: null,
    title: null,
    brand: null,
    price: null,
    priceMax: null,
    currency: null,
    sellerId: null,
    sellerName: null,
    sellerLocation: null,
    images: [],
    sponsored: false,
    priceText: null,
    sellerCountry: null,
    position,
  };
}

/** Reads a nested property path without throwing on missing levels. */
export function pick(value: unknown, ...path: (string | number)[]): unknown {
  let current: unknown = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

export function asString(value: unknown): string | null {
  if (typeof value === 'string') return cleanText(value);
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

export function asNumber(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) return Number(value);
  return null;
}

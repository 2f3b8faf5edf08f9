/** Product facts one source of a page states; every field is optional because sources vary. */
export interface ProductFacts {
  title?: string | null;
  brand?: string | null;
  price?: number | null;
  priceMax?: number | null;
  priceText?: string | null;
  currency?: string | null;
  sellerName?: string | null;
  sellerId?: string | null;
  sellerLocation?: string | null;
  sellerCountry?: string | null;
  listingId?: string | null;
  url?: string | null;
  images?: string[];
}

/**
 * Where a fact came from. `heading` is the page's own product <h1>; `generic` is the fallback read of
 * embedded state keys and "Sold by" lines (`generic/`).
 */
export type FactSource = 'embedded' | 'json-ld' | 'microdata' | 'opengraph' | 'dom' | 'heading' | 'generic';

export interface FactLayer {
  source: FactSource;
  facts: ProductFacts;
}

/** Sources that are structured data (as opposed to text read off the rendered page). */
export function isStructured(source: FactSource): boolean {
  return source !== 'dom' && source !== 'heading' && source !== 'generic';
}

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

export type FactSource = 'embedded' | 'json-ld' | 'microdata' | 'opengraph' | 'dom';

export interface FactLayer {
  source: FactSource;
  facts: ProductFacts;
}

/** Sources that are structured data (as opposed to text read off the rendered page). */
export function isStructured(source: FactSource): boolean {
  return source !== 'dom';
}

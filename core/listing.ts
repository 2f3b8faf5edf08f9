/** The normalized marketplace listing every marketplace extractor produces. */
export interface Listing {
  marketplace: string;
  /** ISO 3166-1 alpha-2 country of the marketplace site (amazon.co.uk -> GB). */
  market: string | null;
  listingId: string | null;
  url: string | null;
  title: string | null;
  brand: string | null;
  price: number | null;
  priceMax: number | null;
  currency: string | null;
  sellerId: string | null;
  sellerName: string | null;
  sellerLocation: string | null;
  images: string[];
  sponsored: boolean;
}

export type PageKind = 'listings' | 'product' | 'blocked' | 'shell' | 'error';

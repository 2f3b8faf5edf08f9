/**
 * Where a seller's shop page lives, from the listing's host and the platform's seller id or name.
 * These are the public profile paths each marketplace links from its listings.
 */
type Template = (seller: { id: string | null; name: string }, listingPath: string[]) => string | null;

const TEMPLATES: Record<string, Template> = {
  amazon: ({ id }) => (id ? `/sp?seller=${encodeURIComponent(id)}` : null),
  ebay: ({ id, name }) => `/usr/${encodeURIComponent(id ?? name)}`,
  etsy: ({ name }) => `/shop/${encodeURIComponent(name)}`,
  aliexpress: ({ id }) => (id ? `/store/${encodeURIComponent(id)}` : null),
  shopee: ({ id, name }) => `/${encodeURIComponent(id ?? name)}`,
  // Tokopedia listing URLs start with the shop's slug: /wishph/iphone-xr-64gb…
  tokopedia: ({ id }, path) => (id ? `/${encodeURIComponent(id)}` : path.length > 1 ? `/${path[0]}` : null),
  lazada: ({ id }) => (id ? `/shop/${encodeURIComponent(id)}` : null),
  mercadolibre: ({ id }) => (id ? `/perfil/${encodeURIComponent(id)}` : null),
};

export function shopUrlFor(
  marketplace: string,
  listingUrl: string | null,
  seller: { id: string | null; name: string },
): string | null {
  if (!listingUrl) return null;
  try {
    const listing = new URL(listingUrl);
    const path = TEMPLATES[marketplace]?.(seller, listing.pathname.split('/').filter(Boolean));
    return path ? new URL(path, listing.origin).toString() : null;
  } catch {
    return null;
  }
}

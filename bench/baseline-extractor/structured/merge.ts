import type { FactLayer, ProductFacts } from './facts.ts';

export interface MergeOptions {
  cleanTitle?: (title: string) => string;
  warn: (message: string) => void;
}

type SimpleField =
  'brand' | 'sellerName' | 'sellerId' | 'sellerLocation' | 'sellerCountry' | 'listingId' | 'url';
const SIMPLE_FIELDS: SimpleField[] = [
  'brand',
  'sellerName',
  'sellerId',
  'sellerLocation',
  'sellerCountry',
  'listingId',
  'url',
];

/**
 * Combines product facts from several sources, trusting them in the order given (embedded state and
 * structured data before page text). Title and price disagreements are kept as warnings: they are
 * how a changed page layout or a misleading display price shows up.
 */
export function mergeProductFacts(layers: FactLayer[], options: MergeOptions): ProductFacts {
  const clean = (title: string | null | undefined) =>
    title ? (options.cleanTitle?.(title) ?? title).trim() || null : null;
  const merged: ProductFacts = {};
  for (const field of SIMPLE_FIELDS) {
    merged[field] =
      layers
        .map((layer) => layer.facts[field])
        .find((value) => value !== null && value !== undefined && value !== '') ?? null;
  }
  const titled = layers.filter((layer) => clean(layer.facts.title));
  const titleLayer = titled[0];
  merged.title = titleLayer ? clean(titleLayer.facts.title) : null;
  for (const other of titled.slice(1)) {
    const otherTitle = clean(other.facts.title) ?? '';
    if (titleLayer && merged.title && !sameTitle(merged.title, otherTitle)) {
      options.warn(
        `title: ${titleLayer.source} says "${merged.title}", ${other.source} says "${otherTitle}"; kept ${titleLayer.source}`,
      );
    }
  }
  const priced = layers.filter((layer) => typeof layer.facts.price === 'number');
  const priceLayer = priced[0];
  merged.price = priceLayer?.facts.price ?? null;
  merged.priceMax = priceLayer?.facts.priceMax ?? null;
  merged.priceText =
    priceLayer?.facts.priceText ?? layers.map((layer) => layer.facts.priceText).find(Boolean) ?? null;
  merged.currency =
    priceLayer?.facts.currency ?? layers.map((layer) => layer.facts.currency).find(Boolean) ?? null;
  for (const other of priced.slice(1)) {
    if (!priceLayer) break;
    const sameCurrency =
      !other.facts.currency || !merged.currency || other.facts.currency === merged.currency;
    if (other.facts.price !== merged.price || !sameCurrency) {
      options.warn(
        `price: ${priceLayer.source} says ${merged.price} ${merged.currency ?? ''}, ${other.source} says ` +
          `${other.facts.price} ${other.facts.currency ?? ''}; kept ${priceLayer.source}`.replace(
            /\s+;/g,
            ';',
          ),
      );
    }
  }
  merged.images = layers.map((layer) => layer.facts.images ?? []).find((images) => images.length > 0) ?? [];
  return merged;
}

/** Equal after case and spacing, or one is the other cut short (sites truncate titles in the page). */
function sameTitle(a: string, b: string): boolean {
  const norm = (value: string) =>
    value
      .toLowerCase()
      .replace(/[\s\u00a0]+/g, ' ')
      .replace(/[.…]+$/, '')
      .trim();
  const x = norm(a);
  const y = norm(b);
  return x === y || x.startsWith(y) || y.startsWith(x);
}

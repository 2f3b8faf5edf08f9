import type { CheerioAPI } from 'cheerio';
import { asNumber, asString, cleanText } from '../util.ts';
import type { ProductFacts } from './facts.ts';

export type JsonLdNode = Record<string, unknown>;

/** Every JSON-LD node on the page, with @graph and arrays flattened; unparsable blocks are reported. */
export function readJsonLd($: CheerioAPI, warn: (message: string) => void): JsonLdNode[] {
  const nodes: JsonLdNode[] = [];
  $('script[type="application/ld+json"]').each((index, element) => {
    const raw = $(element).text().trim();
    if (!raw) return;
    const parsed = parseLenient(raw);
    if (parsed === undefined) {
      warn(`json-ld: block ${index + 1} is not valid JSON (${raw.slice(0, 40)}...); skipped`);
      return;
    }
    flatten(parsed, nodes);
  });
  return nodes;
}

// Sites ship JSON-LD with raw newlines inside strings and trailing commas; browsers accept both.
function parseLenient(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    try {
      const noControls = Array.from(raw, (char) => (char.charCodeAt(0) < 0x20 ? ' ' : char)).join('');
      return JSON.parse(noControls.replace(/,\s*([}\]])/g, '$1'));
    } catch {
      return undefined;
    }
  }
}

function flatten(value: unknown, into: JsonLdNode[]): void {
  if (Array.isArray(value)) {
    for (const item of value) flatten(item, into);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const node = value as JsonLdNode;
  into.push(node);
  if (Array.isArray(node['@graph'])) flatten(node['@graph'], into);
}

export function typesOf(node: JsonLdNode): string[] {
  const type = node['@type'];
  return (Array.isArray(type) ? type : [type]).filter((item): item is string => typeof item === 'string');
}

/** Product facts from the first Product (or ProductGroup) node. */
export function productFromJsonLd(nodes: JsonLdNode[]): ProductFacts | null {
  const product = nodes.find((node) =>
    typesOf(node).some((type) => type === 'Product' || type === 'ProductGroup'),
  );
  if (!product) return null;
  const offers = offersOf(product);
  const prices = offers
    .flatMap((offer) => [asNumber(offer.price), asNumber(offer.lowPrice)])
    .filter((p): p is number => p !== null);
  const highs = offers
    .flatMap((offer) => [asNumber(offer.highPrice), asNumber(offer.price)])
    .filter((p): p is number => p !== null);
  const price = prices.length > 0 ? Math.min(...prices) : null;
  const high = highs.length > 0 ? Math.max(...highs) : null;
  const seller = offers.map((offer) => offer.seller).find((s) => s !== undefined);
  const origin = offers
    .map((offer) => nested(offer, 'shippingDetails', 'shippingOrigin', 'addressCountry'))
    .find(Boolean);
  return {
    title: asString(product.name),
    brand: nameOf(product.brand),
    price,
    priceMax: high !== null && price !== null && high > price ? high : null,
    currency: offers.map((offer) => asString(offer.priceCurrency)).find(Boolean) ?? null,
    sellerName: nameOf(seller),
    sellerCountry: typeof origin === 'string' ? origin : null,
    listingId: asString(product.productID) ?? asString(product.sku),
    url: asString(product.url),
    images: imagesOf(product.image),
  };
}

function offersOf(product: JsonLdNode): JsonLdNode[] {
  const own = toNodes(product.offers);
  const variants = toNodes(product.hasVariant).flatMap((variant) => toNodes(variant.offers));
  return [...own, ...own.flatMap((offer) => toNodes(offer.offers)), ...variants];
}

function toNodes(value: unknown): JsonLdNode[] {
  if (Array.isArray(value))
    return value.filter((item): item is JsonLdNode => item !== null && typeof item === 'object');
  return value !== null && typeof value === 'object' ? [value as JsonLdNode] : [];
}

function nested(node: JsonLdNode, ...path: string[]): unknown {
  let current: unknown = node;
  for (const key of path)
    current = current && typeof current === 'object' ? (current as JsonLdNode)[key] : undefined;
  return current;
}

function nameOf(value: unknown): string | null {
  if (typeof value === 'string') return cleanText(value);
  const node = toNodes(value)[0];
  return node ? asString(node.name) : null;
}

function imagesOf(value: unknown): string[] {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list
    .map((item) =>
      typeof item === 'string'
        ? item
        : asString((item as JsonLdNode)?.contentURL ?? (item as JsonLdNode)?.url),
    )
    .filter((item): item is string => Boolean(item));
}

/** URLs of an ItemList's elements, in order (Yahoo Auctions, Lazada). */
export function itemListUrls(nodes: JsonLdNode[]): string[] {
  const list = nodes.find((node) => typesOf(node).includes('ItemList'));
  if (!list) return [];
  return toNodes(list.itemListElement)
    .map(
      (item) =>
        asString(item.url) ?? asString((item.item as JsonLdNode | undefined)?.['@id']) ?? asString(item.item),
    )
    .filter((url): url is string => Boolean(url));
}

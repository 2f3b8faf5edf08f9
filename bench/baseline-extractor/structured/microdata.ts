import type { Cheerio, CheerioAPI } from 'cheerio';
import type { AnyNode } from 'domhandler';
import { asNumber, cleanText } from '../util.ts';
import type { ProductFacts } from './facts.ts';

/** schema.org Product microdata (itemprop attributes), as on older eBay item pages. */
export function productFromMicrodata($: CheerioAPI): ProductFacts | null {
  const product = $('[itemscope][itemtype$="schema.org/Product"]').first();
  if (product.length === 0) return null;
  const prop = (name: string) => valueOf(ownProps($, product, name).first());
  const brandScope = product.find('[itemprop="brand"]').first();
  const brand = brandScope.is('[itemscope]')
    ? cleanText(brandScope.find('[itemprop="name"]').first().text())
    : valueOf(brandScope);
  const price = prop('price');
  const image = prop('image');
  return {
    title: prop('name'),
    brand,
    price: price ? asNumber(price.replace(/[^\d.]/g, '')) : null,
    priceText: cleanText(product.find('[itemprop="price"]').first().text()),
    currency: prop('priceCurrency'),
    sellerLocation: prop('availableAtOrFrom'),
    listingId: prop('productID') ?? prop('sku'),
    images: image ? [image] : [],
  };
}

/** Properties of this item, not of items nested in it (breadcrumbs, reviews, offers keep theirs). */
function ownProps($: CheerioAPI, scope: Cheerio<AnyNode>, name: string): Cheerio<AnyNode> {
  const root = scope.get(0);
  return scope.find(`[itemprop="${name}"]`).filter((_, element) => {
    const owner = $(element).parent().closest('[itemscope]').get(0);
    return (
      owner === root ||
      (owner !== undefined &&
        $(owner).is('[itemprop="offers"]') &&
        $(owner).parent().closest('[itemscope]').get(0) === root)
    );
  });
}

/** An itemprop's value: content/src/href attributes before text, as the microdata spec reads it. */
function valueOf(element: Cheerio<AnyNode>): string | null {
  if (element.length === 0) return null;
  return cleanText(element.attr('content') ?? element.attr('src') ?? element.attr('href') ?? element.text());
}

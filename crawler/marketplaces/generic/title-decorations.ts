import type { CheerioAPI } from 'cheerio';

/**
 * Strips what a site wraps around a product name in <title>, og:title and some JSON-LD names, learnt
 * from the page itself instead of a list per site:
 * - segments (split on " | ", " - ", "｜", " :: ") that name the site: its og:site_name, application-name,
 *   the labels of its host ("tokopedia", "aliexpress") or its module id;
 * - a "Site: " prefix ("Amazon.com: ");
 * - a leading price and discount ("€97.39 40% OFF|") or promo word ("Promo ", "Sale ");
 * - a trailing price segment (" - $ 71.492") and a trailing " di <shop>" / " by <shop>" left once the
 *   site segment is gone.
 * Generic segments of the site itself ("Cuotas sin interés") cannot be told from the name, which is
 * why the page's own heading and structured data come before any title (see `productResult`).
 */
export function titleCleaner(
  $: CheerioAPI,
  host: string | null,
  siteId: string | null,
): (title: string) => string {
  const names = siteNames($, host, siteId);
  return (title) => cleanDecoratedTitle(title, names);
}

// Words sites put in front of a product name to sell it, not to name it (en, id, pt, es).
const PROMO_PREFIX =
  /^(?:promo|sale|hot sale|jual|oferta|promoção|promocion|promoción|diskon|flash sale)\b[\s:!-]*/iu;
const PRICE_PREFIX =
  /^\s*(?:(?:[A-Z]{1,3}\s?)?[^\p{L}\d\s|｜]{0,4}\s?\d[\d.,\s]*\s?[^\p{L}\d\s|｜]{0,4}\s*)?(?:-?\d{1,3}\s?%\s?(?:off|de desconto|diskon|descuento)?\s*)?[|｜]\s*/iu;
const PRICE_SEGMENT = /^\s*(?:[^\p{L}\d\s]{1,4}\s?)?\d[\d.,\s]*(?:\s?[^\p{L}\d\s]{1,4})?\s*$/u;
const SEPARATORS_CAPTURED = /(\s+[|｜\-–—]\s+|\s*[|｜]\s*|\s+::\s+)/;

function siteNames($: CheerioAPI, host: string | null, siteId: string | null): string[] {
  const names = new Set<string>();
  const add = (value: string | null | undefined) => {
    const key = squash(value);
    if (key.length >= 3) names.add(key);
  };
  add($('meta[property="og:site_name"]').attr('content'));
  add($('meta[name="application-name"]').attr('content'));
  add(siteId);
  for (const label of (host ?? '').toLowerCase().split('.')) {
    if (!/^(www|m|com|co|net|org|shop|[a-z]{2})$/.test(label)) add(label);
  }
  return [...names];
}

/** Lower case letters and digits only, so "Walmart.com", "walmart com" and "WALMART" compare equal. */
function squash(value: string | null | undefined): string {
  return (value ?? '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * A segment is the site's own name, not the product's: the site name alone or with a domain or
 * market suffix ("Walmart.com", "Amazon.co.uk", "Shopee Indonesia"). "Amazon Echo Dot" names a
 * product of the site's own brand and stays.
 */
function namesSite(segment: string, names: string[]): boolean {
  const key = squash(segment);
  if (!key) return false;
  // A bare domain of the site ("acmemarket.example", "walmart.com") is the site whatever its TLD.
  const isDomain = /^[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}$/i.test(segment.trim());
  return names.some(
    (name) =>
      key === name ||
      (isDomain && key.startsWith(name)) ||
      (key.startsWith(name) &&
        /^(com|net|co|couk|comau|combr|comco|commx|coid|cojp|[a-z]{2}|indonesia|malaysia|philippines|thailand|vietnam|singapore|brasil|mexico|colombia|official|store|shop|online)*$/.test(
          key.slice(name.length),
        )) ||
      (name.startsWith(key) && key.length >= 4),
  );
}

export function cleanDecoratedTitle(title: string, names: string[]): string {
  let text = title.replace(/\s+/g, ' ').trim();
  // Only a prefix with a currency sign or a percentage is a price ("LG 55 | OLED" keeps its model).
  text = text.replace(PRICE_PREFIX, (prefix) => (/\p{Sc}|%/u.test(prefix) ? '' : prefix));
  // "Amazon.com: Name : Category": the site prefix, then the category after the last " : ".
  const prefix = text.match(/^([^:]{2,40}):\s+/);
  if (prefix && namesSite(prefix[1] ?? '', names))
    text = text.slice(prefix[0].length).replace(/\s+:\s+[^:]+$/, '');
  // Drop site and price segments from both ends; inner " - " belongs to the name ("LG OLED - 4K TV").
  const parts = text.split(SEPARATORS_CAPTURED);
  let decorated = false;
  const isDecoration = (segment: string | undefined) =>
    segment !== undefined &&
    (segment.trim() === '' || namesSite(segment, names) || PRICE_SEGMENT.test(segment));
  while (parts.length > 2 && isDecoration(parts[parts.length - 1])) {
    parts.splice(parts.length - 2, 2);
    decorated = true;
  }
  while (parts.length > 2 && isDecoration(parts[0])) {
    parts.splice(0, 2);
    decorated = true;
  }
  text = parts.join('').trim();
  // "… di Enter Electronic" / "… by InfernoDecals": the shop named after the product, once the site
  // segment that followed it is gone.
  if (decorated) text = text.replace(/\s+(?:di|by)\s+[^|｜]{2,40}$/u, '');
  text = text.replace(PROMO_PREFIX, '');
  return text.trim() || title.trim();
}

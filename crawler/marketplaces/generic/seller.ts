import type { CheerioAPI } from 'cheerio';
import { cleanText } from '../util.ts';
import { visibleText } from '../page-kind.ts';

/**
 * The seller a product page names when neither structured data nor the site module found one:
 * 1. embedded state keys that mean "the shop selling this" on most platforms (sellerDisplayName,
 *    shopName, storeName, sellerNickName, sellerName, a seller object's nickname/name);
 * 2. the "Sold by X" line of the buy box, in the languages of the markets we watch.
 * Returns null rather than guess: a wrong seller links a shop to the wrong squatter.
 */
export function genericSeller($: CheerioAPI, html: string): string | null {
  return fromEmbeddedState(html) ?? fromSoldByLine($);
}

const STATE_KEYS = [
  'sellerDisplayName',
  'shopName',
  'storeName',
  'sellerNickName',
  'sellerNick',
  'sellerName',
];

function fromEmbeddedState(html: string): string | null {
  for (const key of STATE_KEYS) {
    const match = html.match(new RegExp(`"${key}"\\s*:\\s*"((?:[^"\\\\]|\\\\.){2,80})"`));
    const value = match?.[1] && decodeJsonString(match[1]);
    if (value && !/^(null|undefined|true|false)$/i.test(value)) return value;
  }
  const sellerObject = html.match(
    /"seller"\s*:\s*\{[^{}]{0,400}?"(?:nickname|displayName|name)"\s*:\s*"((?:[^"\\]|\\.){2,80})"/,
  );
  return sellerObject?.[1] ? decodeJsonString(sellerObject[1]) : null;
}

function decodeJsonString(raw: string): string | null {
  try {
    const value = JSON.parse(`"${raw}"`) as string;
    return cleanText(/%[0-9A-F]{2}/i.test(value) ? safeDecodeUri(value) : value);
  } catch {
    return null;
  }
}

function safeDecodeUri(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

// "Sold by X", "Ships from and sold by X.", "Vendido por X", "Dijual oleh X", "販売元: X", "Vendu par X".
const SOLD_BY =
  /(?:ships from and sold by|sold by|vendido por|vendu par|venduto da|verkauf durch|dijual oleh|販売元|卖家|賣家)\s*[:：]?\s*([^\n.|,;()]{2,60}?)(?:\s+(?:and|y|e|et|und)\s+(?:fulfilled|enviado|ships|expédié)|\.|\s*$|,|\||\(|;)/i;

function fromSoldByLine($: CheerioAPI): string | null {
  const text = visibleText($, 200_000);
  const match = text.match(SOLD_BY);
  const name = cleanText(match?.[1]);
  return name && !/^(the|a|an|this|us)$/i.test(name) ? name : null;
}

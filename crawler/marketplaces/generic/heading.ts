import type { CheerioAPI } from 'cheerio';
import { cleanText } from '../util.ts';

/**
 * The page's own product heading: the first <h1> that is not the site's logo or a section label
 * ("Aliexpress", "Product sellpoints"), i.e. one that shares words with the page's <title> or og:title.
 * Sites put the listing name in the h1 and decorate only the <title>, so this beats any title tag.
 */
export function productHeading($: CheerioAPI): string | null {
  const reference = words(
    [$('title').first().text(), $('meta[property="og:title"]').attr('content') ?? ''].join(' '),
  );
  for (const element of $('h1').toArray()) {
    const text = cleanText($(element).text());
    if (!text || text.length < 4 || text.length > 400) continue;
    const own = words(text);
    if (own.size === 0) continue;
    const shared = [...own].filter((word) => reference.has(word)).length;
    // Half the heading's words appear in the title: it names the same product.
    if (shared / own.size >= 0.5 && own.size >= 2) return text;
  }
  return null;
}

function words(text: string): Set<string> {
  // CJK has no spaces: compare two-character pieces instead of words.
  const lower = text.toLowerCase();
  const latin = lower.match(/[\p{L}\p{N}]{2,}/gu) ?? [];
  const pieces = new Set<string>();
  for (const word of latin) {
    if (/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(word))
      for (let i = 0; i + 2 <= word.length; i += 2) pieces.add(word.slice(i, i + 2));
    else pieces.add(word);
  }
  return pieces;
}

import { describe, expect, it } from 'vitest';
import { extractPage } from './extract-page.ts';
import { readFixture } from './tests/fixtures.ts';

const WALMART_SEARCH = 'walmart/walmart-com_search_mustard-p1_2024-12.html';

describe('broken input gives a result with warnings, never an exception', () => {
  it('a search page cut off inside its embedded __NEXT_DATA__ keeps the rendered part and warns', () => {
    const bytes = readFixture(WALMART_SEARCH);
    const cut = bytes.subarray(0, bytes.indexOf('id="__NEXT_DATA__"') + 50_000);
    const result = extractPage({ html: cut, url: 'https://www.walmart.com/search?q=mustard' });
    expect(result.warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/truncated/),
        expect.stringMatching(/__NEXT_DATA__ is not valid JSON/),
      ]),
    );
    // Only the server-rendered tiles remain; the first one reads "current price $2.78" on the page.
    expect(result.kind).toBe('listings');
    expect(result.listings[0]).toMatchObject({ listingId: '14089343', price: 2.78, currency: 'USD' });
    expect(result.listings[0]?.title).toMatch(
      /^French's No Artificial Flavors Kosher Classic Yellow Mustard/,
    );
  });

  it('a page truncated in the middle of a UTF-8 character still decodes as UTF-8', () => {
    const bytes = readFixture('mercari-jp/mercari-jp_item_m38793557194_2026-08.html');
    const title = bytes.indexOf(Buffer.from('ハローキティ'));
    const result = extractPage({
      html: bytes.subarray(0, title + 4),
      url: 'https://jp.mercari.com/item/m38793557194',
    });
    expect(result.charset).toBe('utf-8');
    expect(result.warnings).toEqual(expect.arrayContaining([expect.stringMatching(/truncated/)]));
  });

  it('random bytes are an error page with warnings', () => {
    let seed = 7;
    const garbage = Buffer.from(
      Array.from({ length: 4096 }, () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % 256),
    );
    const result = extractPage({ html: garbage });
    expect(result.kind).toBe('error');
    expect(result.listings).toEqual([]);
    expect(result.warnings.length).toBeGreaterThan(0);
  });

  it('an empty buffer is an error page that says it is empty', () => {
    expect(extractPage({ html: Buffer.alloc(0) })).toMatchObject({
      kind: 'error',
      reason: 'empty page: no bytes to read',
    });
  });

  it('an invalid URL is reported and the site is recognised from the page', () => {
    const result = extractPage({
      html: readFixture('yahoo-japan/yahoo-auctions_search_ps-vita-pch-2000_2026-08.html'),
      url: 'not a url',
    });
    expect(result.warnings).toEqual(
      expect.arrayContaining([expect.stringMatching(/"not a url" is not an absolute URL/)]),
    );
    expect(result).toMatchObject({ site: 'yahoo-japan', kind: 'listings', market: 'JP' });
    expect(result.listings).toHaveLength(20);
  });

  it('an unparsable JSON-LD block is skipped with a warning; the rest of the page still lands', () => {
    const html =
      '<html><head><title>t</title><script type="application/ld+json">{"@type":"Product", "name": </script><script type="application/ld+json">{"@type":"Product","name":"Kept","offers":{"price":"5","priceCurrency":"GBP"}}</script></head><body></body></html>';
    const result = extractPage({ html: Buffer.from(html), url: 'https://shop.example.co.uk/x' });
    expect(result.listings[0]).toMatchObject({ title: 'Kept', price: 5, currency: 'GBP' });
    expect(result.warnings).toEqual(
      expect.arrayContaining([expect.stringMatching(/^json-ld: block 1 is not valid JSON/)]),
    );
  });
});

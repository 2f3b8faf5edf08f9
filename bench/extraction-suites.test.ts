import { createHash } from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPages, scorePage, summarize, type Tally } from './extraction-scoring.ts';
import { isoFor, isoIn, loadVectors, scorePriceSuite } from './price-suite.ts';

const root = path.resolve(import.meta.dirname, '..');

describe('held-out set', () => {
  it('holds at least 30 pages with ground truth and provenance, apart from the dev pages', () => {
    const heldout = loadPages(path.join(root, 'tests/fixtures/marketplaces-heldout'));
    const dev = loadPages(path.join(root, 'tests/fixtures/marketplaces'));
    expect(heldout.length).toBeGreaterThanOrEqual(30);
    const hash = (html: Buffer) => createHash('sha256').update(html).digest('hex');
    const devHashes = new Set(dev.map((page) => hash(page.html)));
    expect(heldout.filter((page) => devHashes.has(hash(page.html))).map((page) => page.name)).toEqual([]);
  });
});

describe('scorePage', () => {
  it('counts a null truth as "must give nothing" and compares strings after collapsing spaces', () => {
    const page = {
      name: 'x',
      html: Buffer.from(''),
      url: undefined,
      pageKind: 'product',
      truth: { title: 'Blue  Widget', price: null, seller: 'Shop' },
    };
    const tally: Tally = {};
    const misses = scorePage(
      page,
      {
        kind: 'product',
        currency: null,
        listings: [{ title: 'Blue Widget', price: 10, sellerName: 'Shop' }],
      },
      tally,
    );
    expect(misses).toEqual(['price']);
    expect(summarize(tally)).toMatchObject({ fieldsMatched: 3, fieldsScored: 4 });
  });
});

describe('price-parser suite', () => {
  it('scores currency only where the expected text names one ISO code', () => {
    expect(isoFor('€')).toBe('EUR');
    expect(isoFor('руб.')).toBe('RUB');
    expect(isoFor('$')).toBeNull();
    expect(isoFor('$', 'CAD')).toBe('CAD');
    expect(isoIn('Pris NOK 899,00')).toBe('NOK');
  });

  it('scores a parser that reads nothing as failing every vector with a price', () => {
    const vectors = loadVectors(path.join(root, 'tests/fixtures/price-parser'));
    const nothing = scorePriceSuite(vectors, () => null);
    expect(nothing.amount.total).toBeGreaterThan(1000);
    expect(nothing.amount.matched).toBeLessThan(20); // only the "no price" vectors
    expect(nothing.currency.matched).toBe(0);
  });
});

import { load } from 'cheerio';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractPage, type ExtractedListing, type ExtractionResult } from '../crawler/marketplaces/index.ts';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../tests/fixtures/marketplaces');

const KIND: Record<string, string> = {
  search_results: 'listings',
  product: 'product',
  block_page: 'blocked',
  error_page: 'error',
  unrendered_shell: 'shell',
};

interface Page {
  name: string;
  html: Buffer;
  url: string | undefined;
  truth: Record<string, unknown>;
  pageKind: string;
}

function loadPages(): Page[] {
  return readdirSync(FIXTURES, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((dir) =>
      readdirSync(path.join(FIXTURES, dir.name))
        .filter((file) => file.endsWith('.html'))
        .map((file) => {
          const htmlPath = path.join(FIXTURES, dir.name, file);
          const expected = JSON.parse(
            readFileSync(htmlPath.replace(/\.html$/, '.expected.json'), 'utf8'),
          ) as Record<string, unknown>;
          return {
            name: `${dir.name}/${file}`,
            html: readFileSync(htmlPath),
            url: (expected.url as string | null) ?? undefined,
            truth: expected.ground_truth as Record<string, unknown>,
            pageKind: expected.page_kind as string,
          };
        }),
    );
}

type Tally = Record<string, { matched: number; total: number }>;

function count(tally: Tally, field: string, matched: boolean): void {
  const entry = (tally[field] ??= { matched: 0, total: 0 });
  entry.total += 1;
  if (matched) entry.matched += 1;
}

const squash = (value: unknown) => (typeof value === 'string' ? value.replace(/\s+/g, '') : value);

/** Compares against expected.json as written (no allowances), so every disagreement costs accuracy. */
function score(page: Page, result: ExtractionResult, tally: Tally): void {
  const truth = page.truth;
  count(tally, 'pageKind', result.kind === KIND[page.pageKind]);
  if (typeof truth.listing_count === 'number')
    count(tally, 'listingCount', result.listings.length === truth.listing_count);
  if (typeof truth.currency === 'string') count(tally, 'currency', result.currency === truth.currency);
  const first = result.listings[0];
  if (page.pageKind === 'product') {
    const fields: [string, keyof ExtractedListing][] = [
      ['title', 'title'],
      ['price', 'price'],
      ['seller', 'sellerName'],
      ['seller_location', 'sellerLocation'],
      ['brand', 'brand'],
      ['listing_id', 'listingId'],
    ];
    for (const [source, field] of fields)
      if (source in truth) count(tally, field, first?.[field] === truth[source]);
  }
  for (const sample of (truth.sample_listings as Record<string, unknown>[] | undefined) ?? []) {
    const listing = result.listings.find((candidate) =>
      sample.listing_id
        ? candidate.listingId === sample.listing_id
        : squash(candidate.title) === squash(sample.title),
    );
    count(tally, 'sampleFound', Boolean(listing));
    if ('title' in sample) count(tally, 'sampleTitle', squash(listing?.title) === squash(sample.title));
    const priceText = sample.price_text ?? sample.price_aria;
    if (typeof priceText === 'string')
      count(tally, 'samplePriceText', squash(listing?.priceText) === squash(priceText));
  }
}

function pagesPerSecond(pages: Page[], rounds: number, work: (page: Page) => void): number {
  const started = performance.now();
  for (let round = 0; round < rounds; round += 1) for (const page of pages) work(page);
  return (pages.length * rounds) / ((performance.now() - started) / 1000);
}

/**
 * Extraction accuracy per field over the saved sample pages, page-kind accuracy, and pages per second
 * of the pure extraction path against a plain cheerio.load + <title> baseline on the same pages.
 */
export async function runExtractionBench(options: { quick?: boolean }): Promise<Record<string, unknown>> {
  const pages = loadPages();
  const tally: Tally = {};
  for (const page of pages) score(page, extractPage({ html: page.html, url: page.url }), tally);
  const rounds = options.quick ? 1 : 3;
  const baseline = pagesPerSecond(pages, rounds, (page) => load(page.html.toString('utf8'))('title').text());
  const extraction = pagesPerSecond(pages, rounds, (page) => extractPage({ html: page.html, url: page.url }));
  const accuracy = Object.fromEntries(
    Object.entries(tally).map(([field, { matched, total }]) => [
      field,
      { matched, total, share: Number((matched / total).toFixed(3)) },
    ]),
  );
  const all = Object.values(tally).reduce(
    (sum, { matched, total }) => ({ matched: sum.matched + matched, total: sum.total + total }),
    { matched: 0, total: 0 },
  );
  return {
    pages: pages.length,
    megabytes: Number((pages.reduce((sum, page) => sum + page.html.length, 0) / 1e6).toFixed(1)),
    rounds,
    accuracy,
    overallFieldAccuracy: Number((all.matched / all.total).toFixed(3)),
    pageKindAccuracy: accuracy.pageKind?.share ?? null,
    pagesPerSecond: Number(extraction.toFixed(2)),
    baselinePagesPerSecond: Number(baseline.toFixed(2)),
    // 1.0 would mean extraction costs no more than parsing the page and reading its title.
    speedRatioToBaseline: Number((extraction / baseline).toFixed(3)),
  };
}

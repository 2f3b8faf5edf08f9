import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** One saved page with its hand-read ground truth (`*.expected.json`). */
export interface BenchPage {
  name: string;
  html: Buffer;
  url: string | undefined;
  truth: Record<string, unknown>;
  pageKind: string;
}

/** What the bench needs of an extractor's output; both extractors return this shape. */
export interface ExtractorOutput {
  kind: string;
  currency: string | null;
  listings: Record<string, unknown>[];
}

export type Tally = Record<string, { matched: number; total: number }>;

const KIND: Record<string, string> = {
  search_results: 'listings',
  product: 'product',
  block_page: 'blocked',
  error_page: 'error',
  unrendered_shell: 'shell',
};

export function loadPages(folder: string): BenchPage[] {
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((dir) =>
      readdirSync(path.join(folder, dir.name))
        .filter((file) => file.endsWith('.html'))
        .map((file) => {
          const htmlPath = path.join(folder, dir.name, file);
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

function count(tally: Tally, field: string, matched: boolean): void {
  const entry = (tally[field] ??= { matched: 0, total: 0 });
  entry.total += 1;
  if (matched) entry.matched += 1;
}

const squash = (value: unknown) => (typeof value === 'string' ? value.replace(/\s+/g, '') : value);
const spaced = (value: unknown) => (typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : value);

/**
 * Compares against expected.json as written (no allowances): strings after collapsing runs of white
 * space, numbers exactly, and `null` in the truth means the extractor must give nothing. Returns the
 * fields that missed, for the per-page report.
 */
export function scorePage(page: BenchPage, result: ExtractorOutput, tally: Tally): string[] {
  const misses: string[] = [];
  const check = (field: string, matched: boolean) => {
    count(tally, field, matched);
    if (!matched) misses.push(field);
  };
  const truth = page.truth;
  check('pageKind', result.kind === KIND[page.pageKind]);
  if (typeof truth.listing_count === 'number')
    check('listingCount', result.listings.length === truth.listing_count);
  if (typeof truth.currency === 'string') check('currency', result.currency === truth.currency);
  const first = result.listings[0];
  if (page.pageKind === 'product') {
    const fields: [string, string][] = [
      ['title', 'title'],
      ['price', 'price'],
      ['seller', 'sellerName'],
      ['seller_location', 'sellerLocation'],
      ['brand', 'brand'],
      ['listing_id', 'listingId'],
    ];
    for (const [source, field] of fields)
      if (source in truth) check(field, spaced(first?.[field] ?? null) === spaced(truth[source]));
  }
  for (const sample of (truth.sample_listings as Record<string, unknown>[] | undefined) ?? []) {
    const listing = result.listings.find((candidate) =>
      sample.listing_id
        ? candidate.listingId === sample.listing_id
        : squash(candidate.title) === squash(sample.title),
    );
    check('sampleFound', Boolean(listing));
    if ('title' in sample) check('sampleTitle', squash(listing?.title) === squash(sample.title));
    const priceText = sample.price_text ?? sample.price_aria;
    if (typeof priceText === 'string')
      check('samplePriceText', squash(listing?.priceText) === squash(priceText));
  }
  return misses;
}

export function summarize(tally: Tally): Record<string, unknown> {
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
    overallFieldAccuracy: all.total ? Number((all.matched / all.total).toFixed(3)) : null,
    fieldsMatched: all.matched,
    fieldsScored: all.total,
    accuracy,
  };
}

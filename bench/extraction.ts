import { load } from 'cheerio';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractPage as extractBaseline } from './baseline-extractor/index.ts';
import { parsePrice as parsePriceBaseline } from './baseline-extractor/price.ts';
import { extractPage, parsePrice } from '../crawler/marketplaces/index.ts';
import {
  loadPages,
  scorePage,
  summarize,
  type BenchPage,
  type ExtractorOutput,
  type Tally,
} from './extraction-scoring.ts';
import { loadVectors, scorePriceSuite, XFAIL_LISTS } from './price-suite.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const DEV = path.resolve(HERE, '../tests/fixtures/marketplaces');
const HELDOUT = path.resolve(HERE, '../tests/fixtures/marketplaces-heldout');
const PRICE_VECTORS = path.resolve(HERE, '../tests/fixtures/price-parser');

type Extractor = (page: BenchPage) => ExtractorOutput;
const current: Extractor = (page) =>
  extractPage({ html: page.html, url: page.url }) as unknown as ExtractorOutput;
const baseline: Extractor = (page) =>
  extractBaseline({ html: page.html, url: page.url }) as unknown as ExtractorOutput;

function accuracyOn(pages: BenchPage[], extractor: Extractor) {
  const tally: Tally = {};
  const misses: Record<string, string[]> = {};
  for (const page of pages) {
    const missed = scorePage(page, extractor(page), tally);
    if (missed.length) misses[page.name] = missed;
  }
  return { pages: pages.length, ...summarize(tally), misses };
}

function pagesPerSecond(pages: BenchPage[], rounds: number, work: (page: BenchPage) => void): number {
  const started = performance.now();
  for (let round = 0; round < rounds; round += 1) for (const page of pages) work(page);
  return (pages.length * rounds) / ((performance.now() - started) / 1000);
}

/**
 * Field accuracy of the current extractor and of the pre-issue-18 one (bench/baseline-extractor), in
 * the same run, on the held-out pages (never used to write rules) and on the 21 dev pages apart; the
 * price-parser vectors as a second suite; pages per second against a cheerio.load + <title> baseline.
 */
export async function runExtractionBench(options: { quick?: boolean }): Promise<Record<string, unknown>> {
  const dev = loadPages(DEV);
  const heldout = loadPages(HELDOUT);
  const vectors = loadVectors(PRICE_VECTORS);
  const rounds = options.quick ? 1 : 3;
  const titleOnly = pagesPerSecond(dev, rounds, (page) => load(page.html.toString('utf8'))('title').text());
  const extraction = pagesPerSecond(dev, rounds, current);
  const priceCurrent = (text: string | null, hint: string | null) => parsePrice(text, hint);
  const priceBaseline = (text: string | null, hint: string | null) => parsePriceBaseline(text, hint);
  return {
    heldout: { current: accuracyOn(heldout, current), baseline: accuracyOn(heldout, baseline) },
    dev: { current: accuracyOn(dev, current), baseline: accuracyOn(dev, baseline) },
    priceParserSuite: {
      source: 'scrapinghub/price-parser tests/test_price_parsing.py (BSD-3-Clause), lists it passes',
      current: scorePriceSuite(vectors, priceCurrent),
      baseline: scorePriceSuite(vectors, priceBaseline),
      xfailListsCurrent: scorePriceSuite(vectors, priceCurrent, XFAIL_LISTS),
    },
    speed: {
      pages: dev.length,
      rounds,
      pagesPerSecond: Number(extraction.toFixed(2)),
      baselinePagesPerSecond: Number(titleOnly.toFixed(2)),
      // 1.0 would mean extraction costs no more than parsing the page and reading its title.
      speedRatioToBaseline: Number((extraction / titleOnly).toFixed(3)),
    },
  };
}

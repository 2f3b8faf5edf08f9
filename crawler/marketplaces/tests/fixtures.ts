import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractPage } from '../extract-page.ts';
import type { ExtractionResult } from '../types.ts';

export const FIXTURES = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../tests/fixtures/marketplaces',
);

/** The hand-read ground truth beside each saved page (see tests/fixtures/marketplaces/SOURCES.md). */
export interface Expected {
  file: string;
  url: string | null;
  page_kind: 'search_results' | 'product' | 'block_page' | 'error_page' | 'unrendered_shell';
  ground_truth: Record<string, unknown> & { sample_listings?: Record<string, unknown>[] };
}

export interface Fixture {
  name: string;
  htmlPath: string;
  expected: Expected;
}

export function allFixtures(): Fixture[] {
  return fs
    .readdirSync(FIXTURES, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((dir) =>
      fs
        .readdirSync(path.join(FIXTURES, dir.name))
        .filter((file) => file.endsWith('.html'))
        .map((file) => {
          const htmlPath = path.join(FIXTURES, dir.name, file);
          const expected = JSON.parse(
            fs.readFileSync(htmlPath.replace(/\.html$/, '.expected.json'), 'utf8'),
          ) as Expected;
          return { name: `${dir.name}/${file}`, htmlPath, expected };
        }),
    );
}

const cache = new Map<string, ExtractionResult>();

/** Extracts a fixture once per test file (pages are large; extraction is pure). */
export function extracted(name: string, withUrl = true): ExtractionResult {
  const key = `${name}|${withUrl}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const fixture = allFixtures().find((candidate) => candidate.name === name);
  if (!fixture) throw new Error(`fixture ${name} not found under ${FIXTURES}`);
  const result = extractPage({
    html: fs.readFileSync(fixture.htmlPath),
    url: withUrl ? (fixture.expected.url ?? undefined) : undefined,
  });
  cache.set(key, result);
  return result;
}

export function readFixture(name: string): Buffer {
  return fs.readFileSync(path.join(FIXTURES, name));
}

/**
 * One gazette measurement in a fresh process (peaks stay honest), one JSON line on stdout:
 *   tsx bench/support/measure-gazette.ts raw FILE        pdf.js getTextContent of every page, nothing else
 *   tsx bench/support/measure-gazette.ts extract FILE    Markhound's page reader (text items, lines)
 *   tsx bench/support/measure-gazette.ts parse FILE      the djki-gazette adapter (entries, images, logo hashes)
 *   tsx bench/support/measure-gazette.ts ingest FILE PGLITE_DIR   ingest into a fresh PGlite folder
 * Run with --expose-gc so the retained heap is measured after a collection.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createDb } from '../../db/index.ts';
import { adapterById, ingestFile, recordBatches } from '../../registries/index.ts';
import { readPdfPages } from '../../registries/pdf/index.ts';
import { startRssSampler } from './rss-sampler.ts';

export interface GazetteMeasurement {
  mode: 'raw' | 'extract' | 'parse' | 'ingest';
  pages: number;
  entries: number;
  ms: number;
  cpuMs: number;
  rssBeforeMb: number;
  peakRssMb: number;
  maxRssMb: number;
  /**
   * V8 heap still in use after the work and a forced collection, minus the same before the work:
   * what the work retained (RSS peaks also hold garbage V8 had not collected yet).
   */
  retainedHeapMb: number;
}

/** The baseline: pdf.js with the same document options, asked only for each page's text content. */
async function raw(path: string): Promise<{ pages: number; entries: number }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const dir = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  const task = pdfjs.getDocument({
    data: new Uint8Array(await readFile(path)),
    verbosity: 0,
    useSystemFonts: false,
    disableFontFace: true,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    standardFontDataUrl: join(dir, 'standard_fonts') + '/',
  });
  const doc = await task.promise;
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    await page.getTextContent();
    page.cleanup();
  }
  const pages = doc.numPages;
  await task.destroy();
  return { pages, entries: 0 };
}

async function extract(path: string): Promise<{ pages: number; entries: number }> {
  let pages = 0;
  for await (const page of readPdfPages(path)) pages += page.lines.length >= 0 ? 1 : 0;
  return { pages, entries: 0 };
}

async function parse(path: string): Promise<{ pages: number; entries: number }> {
  let entries = 0;
  for await (const batch of recordBatches(adapterById('djki-gazette'), path, { sourceName: path }))
    entries += batch.length;
  return { pages: 0, entries };
}

// The database is created and migrated before the measurement starts: ingest alone is timed.
let dbh: Awaited<ReturnType<typeof createDb>> | null = null;
async function ingest(path: string): Promise<{ pages: number; entries: number }> {
  const summary = await ingestFile({
    ctx: { db: dbh!.db },
    input: { path, adapter: adapterById('djki-gazette') },
  });
  if (summary.error) throw new Error(summary.error);
  return { pages: 0, entries: summary.recordsRead };
}

const [mode, file, extra] = process.argv.slice(2);
if (!mode || !file) throw new Error('usage: measure-gazette.ts raw|extract|parse|ingest FILE [PGLITE_DIR]');
const work = { raw, extract, parse, ingest }[mode as GazetteMeasurement['mode']];
if (!work) throw new Error(`unknown mode ${mode}`);
if (mode === 'ingest') dbh = await createDb({ dataDir: extra ?? ':memory:' });
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
gc();
const heapBefore = process.memoryUsage().heapUsed;
const cpuBefore = process.cpuUsage();
const sampler = startRssSampler();
const started = performance.now();
const counts = await work(file);
const ms = performance.now() - started;
const cpu = process.cpuUsage(cpuBefore);
const rss = sampler.stop();
gc();
const retainedHeapMb = Math.round(((process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024) * 10) / 10;
await dbh?.close();
const result: GazetteMeasurement = {
  mode: mode as GazetteMeasurement['mode'],
  ...counts,
  ms: Math.round(ms),
  cpuMs: Math.round((cpu.user + cpu.system) / 1000),
  ...rss,
  retainedHeapMb,
};
process.stdout.write(JSON.stringify(result) + '\n');

import { open } from 'node:fs/promises';
import { InputFormatError } from '../core/errors.ts';
import type { RegistryAdapter } from './adapter.ts';
import { readPdfPages } from './pdf/index.ts';
import { dipAdapter } from './dip/index.ts';
import { djkiGazetteAdapter } from './djki-gazette/index.ts';
import { inpiRpiAdapter } from './inpi-rpi/index.ts';
import { ipIndiaJournalAdapter } from './ipindia-journal/index.ts';
import { iposAdapter } from './ipos/index.ts';
import { kiprisAdapter } from './kipris/index.ts';
import { usptoDailyAdapter } from './uspto-daily/index.ts';
import { usptoTsdrZipAdapter } from './uspto-tsdr-zip/index.ts';
import { wipoSt66Adapter } from './wipo-st66/index.ts';
import { wipoPublishAdapter } from './wipo-publish/index.ts';
import { wipoSt96Adapter } from './wipo-st96/index.ts';

/** Every office format Markhound reads. Order matters only for detection: most specific first. */
export const ADAPTERS: readonly RegistryAdapter[] = [
  usptoTsdrZipAdapter,
  usptoDailyAdapter,
  wipoSt66Adapter,
  wipoSt96Adapter,
  inpiRpiAdapter,
  kiprisAdapter,
  djkiGazetteAdapter,
  ipIndiaJournalAdapter,
  wipoPublishAdapter,
  iposAdapter,
  dipAdapter,
];

export const formatIds = (): string[] => ADAPTERS.map((a) => a.id);

export function adapterById(id: string): RegistryAdapter {
  const adapter = ADAPTERS.find((a) => a.id === id);
  if (!adapter)
    throw new InputFormatError(`unknown format "${id}"; known formats: ${formatIds().join(', ')}`);
  return adapter;
}

const HEAD_BYTES = 8192;

async function readHead(path: string): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    return buffer.subarray(0, bytesRead).toString('latin1');
  } finally {
    await handle.close();
  }
}

/** What a file head looks like, for a message when no adapter claims it. */
function describeHead(head: string): string {
  if (head.length === 0) return 'an empty file';
  if (head.startsWith('PK\u0003\u0004')) return 'a ZIP archive without the expected TSDR entries';
  if (head.startsWith('%PDF-'))
    return 'a PDF that is not a gazette Markhound reads (or has no text layer on its first pages)';
  if (/^\s*<!doctype html|^\s*<html/i.test(head)) return 'an HTML page';
  if (/^\s*[[{]/.test(head)) return 'JSON';
  const root = /<([A-Za-z_][\w.:-]*)[\s>/]/.exec(
    head.replace(/<\?[^>]*\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>/g, ''),
  );
  if (root?.[1]) return `XML with root element <${root[1]}>`;
  return 'not XML';
}

/** Pages of a PDF read to tell whose publication it is (cover, contents, first entries). */
const PDF_DETECT_PAGES = 3;

/**
 * The PDF adapter whose office's publication this is, from the text of its first pages (PDF heads
 * look alike: `%PDF-` then compressed streams), or null.
 */
async function detectPdf(path: string): Promise<RegistryAdapter | null> {
  const texts: string[] = [];
  try {
    for await (const page of readPdfPages(path)) {
      texts.push(page.lines.map((l) => l.text).join('\n'));
      if (texts.length >= PDF_DETECT_PAGES) break;
    }
  } catch {
    // A damaged PDF: say what it is below, or let the adapter the caller names report the damage.
  }
  const text = texts.join('\n');
  return ADAPTERS.find((a) => a.detectPdfText?.(text)) ?? null;
}

/** Picks the adapter for a file from its first bytes, or says what the file looks like instead. */
export async function detectFormat(path: string): Promise<RegistryAdapter> {
  const head = await readHead(path);
  const adapter = head.startsWith('%PDF-') ? await detectPdf(path) : ADAPTERS.find((a) => a.detect(head));
  if (!adapter) {
    throw new InputFormatError(
      `${path} is ${describeHead(head)}, which is none of the office formats Markhound reads (${formatIds().join(', ')})`,
    );
  }
  return adapter;
}

import { createReadStream } from 'node:fs';
import { open, readFile, stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { InputFormatError } from '../../core/errors.ts';
import type { ParsedRecord } from '../../core/filing.ts';
import type { ParseContext, RegistryAdapter } from '../adapter.ts';
import { markImageRef } from '../gazette/index.ts';
import { BUNDLE_FORMAT, type BundlePage } from './bundle.ts';
import { filingFromDetail, officeOf, readDetailPage } from './detail-page.ts';

/** Largest single detail page read (a real one is 15-20 KB). */
const MAX_PAGE_BYTES = 2 * 1024 * 1024;

async function recordOf(page: BundlePage, recordIndex: number, context: ParseContext): Promise<ParsedRecord> {
  const skip = (reason: string, serialNumber: string | null = null): ParsedRecord => ({
    kind: 'skip',
    skip: { recordIndex, serialNumber, reason },
  });
  const outcome = readDetailPage(page.html);
  const where = page.url ?? context.sourceName;
  if (outcome.kind === 'unrendered')
    return skip(
      `${where} is an unrendered WIPO Publish page (literal ${outcome.placeholder} placeholders); fetch it again`,
      page.id ?? null,
    );
  if (outcome.kind === 'not-found')
    return skip(`${where} holds no trademark record (no INID fields)`, page.id ?? null);
  const office = officeOf(outcome.fields) ?? page.office ?? null;
  if (!office) return skip(`${where}: neither the page's id nor its application number names an office`);
  const filing = filingFromDetail(outcome.fields, office);
  if (!filing) return skip(`${where} has no (200) application number`, page.id ?? null);
  if (page.logo) {
    const bytes = Buffer.from(page.logo.base64, 'base64');
    filing.markImage = await markImageRef(
      bytes,
      page.logo.mimeType,
      outcome.fields.logoUrl ?? where,
      context,
    );
  }
  return { kind: 'filing', filing };
}

async function isBundle(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(64);
    const { bytesRead } = await handle.read(head, 0, 64, 0);
    return head.subarray(0, bytesRead).toString('utf8').startsWith(`{"format":"${BUNDLE_FORMAT}"`);
  } finally {
    await handle.close();
  }
}

/**
 * WIPO Publish trademark detail pages: one saved page (HTML), or a bundle of the pages one sync
 * fetched (JSON lines, `bundle.ts`), each with the mark image the sync fetched beside it.
 */
async function* parseWipoPublish(path: string, context: ParseContext): AsyncGenerator<ParsedRecord> {
  if (!(await isBundle(path))) {
    const { size } = await stat(path);
    if (size > MAX_PAGE_BYTES)
      throw new InputFormatError(
        `${context.sourceName} is ${size} bytes, too large for a WIPO Publish detail page (limit ${MAX_PAGE_BYTES})`,
      );
    yield await recordOf({ html: await readFile(path, 'utf8') }, 1, context);
    return;
  }
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  let index = 0;
  let header: { office?: string } | null = null;
  for await (const line of lines) {
    if (!line.trim()) continue;
    if (header === null) {
      header = JSON.parse(line) as { office?: string };
      continue;
    }
    index += 1;
    let page: BundlePage;
    try {
      page = JSON.parse(line) as BundlePage;
    } catch (error) {
      yield {
        kind: 'skip',
        skip: {
          recordIndex: index,
          serialNumber: null,
          reason: `bundle line ${index + 1} is not JSON: ${(error as Error).message}`,
        },
      };
      continue;
    }
    yield await recordOf(
      { ...page, ...(header.office && !page.office ? { office: header.office } : {}) },
      index,
      context,
    );
  }
}

export const wipoPublishAdapter: RegistryAdapter = {
  id: 'wipo-publish',
  description:
    'WIPO Publish trademark detail pages (IP Viet Nam, IPOPHL and other offices running WIPO Publish), one page or a sync bundle',
  defaultOffice: 'WIPO',
  detect: (head) =>
    head.startsWith(`{"format":"${BUNDLE_FORMAT}"`) ||
    (/<html/i.test(head) && /product-form-label|wopublish/.test(head)),
  parse: parseWipoPublish,
};

import type { ParsedRecord } from '../../core/filing.ts';
import type { ParseContext, RegistryAdapter } from '../adapter.ts';
import { markImageRef, spelledDates } from '../gazette/index.ts';
import { readPdfPages, type PdfPage } from '../pdf/index.ts';
import { mapContentsRow, mapDetailPage, type IssueFacts } from './map-entry.ts';
import { bodyLines, contentsRows, inidFields, type ContentsRow, type InidField } from './page-kinds.ts';

const COVER = /DIUMUMKAN\s+TANGGAL/i;

function coverFacts(text: string): IssueFacts {
  const announcement = /DIUMUMKAN\s+TANGGAL\s+(.*)/i.exec(text)?.[1] ?? '';
  const [announced = null, announcedUntil = null] = spelledDates(announcement);
  const number = /NOMOR\s+([\w/.-]+)/i.exec(text)?.[1] ?? null;
  return { number, announced, announcedUntil };
}

/** The mark image of a detail page: the first image drawn at or below the (540) line. */
async function entryImage(page: PdfPage, fields: readonly InidField[], context: ParseContext) {
  const label = fields.find((f) => f.inid === '540');
  if (!label) return null;
  const images = (await page.images()).filter((i) => i.y >= label.y - 12);
  const first = images.sort((a, b) => a.y - b.y)[0];
  if (!first) return null;
  return markImageRef(first.png, 'image/png', `${context.sourceName}#page=${page.number}`, context);
}

/**
 * DJKI Berita Resmi Merek (PDF): the cover gives the announcement period, the contents table lists
 * every entry, and each entry's page gives its INID fields and mark image. Entries stream out page
 * by page. A page without a text layer (a scan) is not OCR'd: its entry is filed from the contents
 * table with `extra.incomplete` saying so, and a scan no contents row accounts for is a reported skip.
 */
async function* parseGazette(path: string, context: ParseContext): AsyncGenerator<ParsedRecord> {
  let issue: IssueFacts = { number: null, announced: null, announcedUntil: null };
  const contents: ContentsRow[] = [];
  const seen = new Set<string>();
  const scans: number[] = [];
  let index = 0;
  let entriesStarted = false;
  for await (const page of readPdfPages(path, {
    limits: context.pdfLimits ?? {},
    name: context.sourceName,
  })) {
    const lines = bodyLines(page);
    const text = lines.map((l) => l.text).join('\n');
    if (lines.length === 0) {
      if (entriesStarted || contents.length > 0) scans.push(page.number);
      continue;
    }
    if (COVER.test(text) && !entriesStarted) {
      issue = coverFacts(text);
      continue;
    }
    const rows = contentsRows(lines);
    if (rows.length > 0 && !/\(210\)/.test(text)) {
      contents.push(...rows);
      continue;
    }
    const fields = inidFields(lines);
    if (fields.length === 0) {
      if (entriesStarted)
        yield {
          kind: 'skip',
          skip: {
            recordIndex: ++index,
            serialNumber: null,
            reason: `page ${page.number} has text but no INID fields; it was not read as an entry`,
          },
        };
      continue;
    }
    entriesStarted = true;
    const image = await entryImage(page, fields, context);
    const filing = mapDetailPage(fields, issue, page.number, image, text);
    index += 1;
    if (!filing) {
      yield {
        kind: 'skip',
        skip: {
          recordIndex: index,
          serialNumber: null,
          reason: `page ${page.number} has no (210) application number; the entry was skipped`,
        },
      };
      continue;
    }
    seen.add(filing.serialNumber);
    yield { kind: 'filing', filing };
  }
  // Entries of the contents without a readable page: paired in order with the scanned pages.
  const unread = contents.filter((row) => !seen.has(row.applicationNumber));
  for (const [i, row] of unread.entries()) {
    const scan = scans[i];
    const why =
      scan !== undefined
        ? `detail page ${scan} has no text layer (a scan; Markhound does not OCR): applicant, goods and mark image were not read`
        : 'the contents table lists it but the gazette has no page for it: applicant, goods and mark image were not read';
    yield { kind: 'filing', filing: mapContentsRow(row, issue, why) };
    index += 1;
  }
  for (const scan of scans.slice(unread.length)) {
    yield {
      kind: 'skip',
      skip: {
        recordIndex: ++index,
        serialNumber: null,
        reason: `page ${scan} has no text layer (a scan; Markhound does not OCR) and no contents row accounts for it: whatever it holds was not read`,
      },
    };
  }
}

export const djkiGazetteAdapter: RegistryAdapter = {
  id: 'djki-gazette',
  description: 'DJKI (Indonesia) Berita Resmi Merek, the trademark gazette (PDF)',
  defaultOffice: 'DJKI',
  detect: () => false,
  detectPdfText: (text) => /BERITA\s+RESMI\s+MEREK/i.test(text) && COVER.test(text),
  parse: parseGazette,
};

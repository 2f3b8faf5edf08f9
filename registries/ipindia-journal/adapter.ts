import type { ParsedRecord } from '../../core/filing.ts';
import type { ParseContext, RegistryAdapter } from '../adapter.ts';
import { dayFirstDate, markImageRef } from '../gazette/index.ts';
import { readPdfPages, type PdfPage } from '../pdf/index.ts';
import { ENTRY_START, MARK_MIN_HEIGHT, pageHeader, type EntryText } from './entries.ts';
import { mapEntry, type JournalFacts } from './map-entry.ts';

const HEADER_BAND = 60;
// The page number sits about 29 pt above the bottom edge (y≈763 of 792 in the real extraction).
const FOOTER_BAND = 40;

/**
 * The device mark of an entry: the image drawn just above its first line (where a word mark's text
 * would be), within the space an entry's mark takes.
 */
async function deviceImage(page: PdfPage, startY: number, context: ParseContext) {
  const candidates = (await page.images()).filter(
    (i) => i.y + i.drawnHeight <= startY + 4 && i.y >= startY - 160,
  );
  const nearest = candidates.sort((a, b) => b.y - a.y)[0];
  return nearest
    ? markImageRef(nearest.png, 'image/png', `${context.sourceName}#page=${page.number}`, context)
    : null;
}

/**
 * IP India Trade Marks Journal part (PDF), split into entries by layout: an entry starts at a line
 * "appNo    dd/mm/yyyy"; the large text just above it is the word mark; its details follow, across a
 * page break if need be, until the next entry. A device mark has no text: its image is extracted
 * and flagged. The page header gives the journal number, its date and the class of the part.
 */
async function* parseJournal(path: string, context: ParseContext): AsyncGenerator<ParsedRecord> {
  const journal: JournalFacts = { journal: null, published: null };
  let current: (EntryText & { image: Awaited<ReturnType<typeof deviceImage>> }) | null = null;
  let index = 0;
  for await (const page of readPdfPages(path, {
    limits: context.pdfLimits ?? {},
    name: context.sourceName,
  })) {
    if (!page.hasTextLayer) {
      yield {
        kind: 'skip',
        skip: {
          recordIndex: ++index,
          serialNumber: null,
          reason: `page ${page.number} has no text layer (a scan; Markhound does not OCR): the entries on it were not read${current ? `, and ${current.applicationNumber} may be missing the part of its goods printed there` : ''}`,
        },
      };
      continue;
    }
    const header = pageHeader(page.lines.filter((l) => l.y < HEADER_BAND));
    journal.journal ??= header.journal;
    journal.published ??= dayFirstDate(header.date);
    let pendingMark: string[] = [];
    for (const line of page.lines) {
      if (line.y < HEADER_BAND || line.y > page.height - FOOTER_BAND) continue;
      const start = ENTRY_START.exec(line.text);
      if (start) {
        if (current) {
          index += 1;
          yield { kind: 'filing', filing: mapEntry(current, journal, current.image) };
        }
        const mark = pendingMark.join(' ').trim() || null;
        current = {
          applicationNumber: start[1]!,
          filed: start[2]!,
          mark,
          page: page.number,
          niceClass: header.niceClass,
          lines: [],
          image: mark ? null : await deviceImage(page, line.y - line.height, context),
        };
        pendingMark = [];
      } else if (line.height >= MARK_MIN_HEIGHT) pendingMark.push(line.text);
      else current?.lines.push(line.text);
    }
  }
  if (current) yield { kind: 'filing', filing: mapEntry(current, journal, current.image) };
}

export const ipIndiaJournalAdapter: RegistryAdapter = {
  id: 'ipindia-journal',
  description: 'IP India Trade Marks Journal, one part (PDF)',
  defaultOffice: 'IPINDIA',
  detect: () => false,
  detectPdfText: (text) => /Trade\s+Marks\s+Journal\s+No\s*:/i.test(text),
  parse: parseJournal,
};

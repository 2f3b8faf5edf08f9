import type { PdfLine, PdfPage } from '../pdf/index.ts';

/** Running header and footer bands of a gazette page (office emblem, title, page number). */
const HEADER_BAND = 45;
const FOOTER_BAND = 40;

/** The lines of a page without its running header and footer. */
export function bodyLines(page: PdfPage): PdfLine[] {
  return page.lines.filter((l) => l.y > HEADER_BAND && l.y < page.height - FOOTER_BAND);
}

/** One row of the contents table ("DAFTAR ISI"). */
export interface ContentsRow {
  applicationNumber: string;
  received: string;
  classes: number[];
  mark: string | null;
}

// No, application number (DID/JID + year + serial), date received, classes, mark.
const CONTENTS_ROW =
  /^\d+\s+([A-Z]{2,4}\d{6,14})\s+(\d{1,2}[./-]\d{1,2}[./-]\d{4})\s+(\d{1,2}(?:\s*,\s*\d{1,2})*)\s+(.+)$/;
/** How a device-only mark is listed in the contents (no words to list). */
const NO_WORDS = /^\(?\s*(LUKISAN|LOGO|GAMBAR|-)\s*\)?$/i;

export function contentsRows(lines: readonly PdfLine[]): ContentsRow[] {
  const rows: ContentsRow[] = [];
  for (const line of lines) {
    const m = CONTENTS_ROW.exec(line.text.trim());
    if (!m) continue;
    const mark = m[4]!.trim();
    rows.push({
      applicationNumber: m[1]!,
      received: m[2]!,
      classes: m[3]!.split(',').map((c) => Number(c.trim())),
      mark: NO_WORDS.test(mark) ? null : mark,
    });
  }
  return rows;
}

/** An INID field of a detail page: `(511) Kelas Barang/Jasa : 30`, with its continuation lines. */
export interface InidField {
  inid: string;
  label: string;
  value: string;
  /** Baseline of the field's first line (the mark image is drawn below the 540 line). */
  y: number;
}

const INID_LINE = /^\((\d{3})\)\s*([^:]*?)\s*:\s*(.*)$/;

export function inidFields(lines: readonly PdfLine[]): InidField[] {
  const fields: InidField[] = [];
  for (const line of lines) {
    const m = INID_LINE.exec(line.text.trim());
    if (m) fields.push({ inid: m[1]!, label: m[2]!, value: m[3]!.trim(), y: line.y });
    else {
      const last = fields[fields.length - 1];
      if (last) last.value = `${last.value} ${line.text.trim()}`.trim();
    }
  }
  return fields;
}

import type { ParsedRecord } from '../core/filing.ts';
import { canonicalOfficeId, unknownOfficeMessage } from '../core/offices.ts';
import type { PdfLimits } from './pdf/index.ts';
import type { XmlLimits } from './xml/record-stream.ts';

/** Stores a binary artifact (mark image) content-addressed and returns its SHA-256 hex. */
export type BlobStore = (bytes: Buffer, mimeType: string) => Promise<string>;

export interface ParseContext {
  /** File name or URL the records came from, for messages and provenance. */
  sourceName: string;
  /** Where adapters that carry images (TSDR ZIP) put them. Absent: images are hashed, not stored. */
  blobStore?: BlobStore;
  xmlLimits?: Partial<XmlLimits>;
  /** Size limits of PDF gazettes (bytes of the file, pixels of an image). */
  pdfLimits?: Partial<PdfLimits>;
}

/**
 * One office file format. `detect` looks only at the first few KB of the file so `markhound parse`
 * can pick the adapter without reading everything; `parse` streams the file and yields one parsed
 * record or one reported skip per record, never holding the whole file.
 */
export interface RegistryAdapter {
  /** Stable id used in source definitions and on the CLI: `uspto-daily`, `wipo-st66`, ... */
  readonly id: string;
  readonly description: string;
  /** Office code written into each Filing when the file itself does not name one. */
  readonly defaultOffice: string;
  /** True when the file head (first 8 KB, decoded as Latin-1) is in this format. */
  detect(head: string): boolean;
  /**
   * For PDF formats, whose heads all look alike (`%PDF-` and compressed streams): true when the text
   * of the first pages is this office's publication. `detectFormat` asks it only for PDFs.
   */
  detectPdfText?(firstPagesText: string): boolean;
  parse(path: string, context: ParseContext): AsyncGenerator<ParsedRecord>;
  /**
   * The same records as `parse`, in batches (the records of one chunk of the file, a few dozen).
   * Every step of an async generator costs promise round trips, so loops over whole files (ingest,
   * `markhound parse`) read batches and pay that once per chunk instead of once per record. Formats
   * whose files are small (one API response, one bundle) need not have it; see `recordBatches`.
   */
  parseBatches?(path: string, context: ParseContext): AsyncGenerator<ParsedRecord[]>;
}

/**
 * An adapter's records in batches: its own `parseBatches`, or `parse` one record per batch. Every
 * filing leaves here under its canonical office id (core/offices.ts), whatever code the file used
 * (`ID` → `DJKI`), so ingest, `markhound parse` and the bench all see one office code; a filing whose
 * office code names no office is reported as a skip instead of being stored under a code no search
 * or watch could name.
 */
export async function* recordBatches(
  adapter: RegistryAdapter,
  path: string,
  context: ParseContext,
): AsyncGenerator<ParsedRecord[]> {
  let read = 0;
  if (adapter.parseBatches) {
    for await (const batch of adapter.parseBatches(path, context)) {
      yield canonicalOffices(batch, read);
      read += batch.length;
    }
    return;
  }
  for await (const record of adapter.parse(path, context)) yield canonicalOffices([record], read++);
}

/** Rewrites each filing's office to its canonical id in place (one Map lookup per record). */
function canonicalOffices(batch: ParsedRecord[], firstIndex: number): ParsedRecord[] {
  for (let i = 0; i < batch.length; i++) {
    const record = batch[i];
    if (record?.kind !== 'filing') continue;
    const office = canonicalOfficeId(record.filing.office);
    if (office) {
      record.filing.office = office;
      continue;
    }
    batch[i] = {
      kind: 'skip',
      skip: {
        recordIndex: firstIndex + i + 1,
        serialNumber: record.filing.serialNumber,
        reason: `${unknownOfficeMessage(record.filing.office, "the record's office code")}; the record was skipped`,
      },
    };
  }
  return batch;
}

/** One record at a time out of a batched parse (for `parse`, whose callers want single records). */
export async function* oneByOne(batches: AsyncIterable<ParsedRecord[]>): AsyncGenerator<ParsedRecord> {
  for await (const batch of batches) yield* batch;
}

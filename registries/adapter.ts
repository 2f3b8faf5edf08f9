import type { ParsedRecord } from '../core/filing.ts';
import type { XmlLimits } from './xml/record-stream.ts';

/** Stores a binary artifact (mark image) content-addressed and returns its SHA-256 hex. */
export type BlobStore = (bytes: Buffer, mimeType: string) => Promise<string>;

export interface ParseContext {
  /** File name or URL the records came from, for messages and provenance. */
  sourceName: string;
  /** Where adapters that carry images (TSDR ZIP) put them. Absent: images are hashed, not stored. */
  blobStore?: BlobStore;
  xmlLimits?: Partial<XmlLimits>;
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
  parse(path: string, context: ParseContext): AsyncGenerator<ParsedRecord>;
  /**
   * The same records as `parse`, in batches (the records of one chunk of the file, a few dozen).
   * Every step of an async generator costs promise round trips, so loops over whole files (ingest,
   * `markhound parse`) read batches and pay that once per chunk instead of once per record. Formats
   * whose files are small (one API response, one bundle) need not have it; see `recordBatches`.
   */
  parseBatches?(path: string, context: ParseContext): AsyncGenerator<ParsedRecord[]>;
}

/** An adapter's records in batches: its own `parseBatches`, or `parse` one record per batch. */
export async function* recordBatches(
  adapter: RegistryAdapter,
  path: string,
  context: ParseContext,
): AsyncGenerator<ParsedRecord[]> {
  if (adapter.parseBatches) {
    yield* adapter.parseBatches(path, context);
    return;
  }
  for await (const record of adapter.parse(path, context)) yield [record];
}

/** One record at a time out of a batched parse (for `parse`, whose callers want single records). */
export async function* oneByOne(batches: AsyncIterable<ParsedRecord[]>): AsyncGenerator<ParsedRecord> {
  for await (const batch of batches) yield* batch;
}

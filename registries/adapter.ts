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
}

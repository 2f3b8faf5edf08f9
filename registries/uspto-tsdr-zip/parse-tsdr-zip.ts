import { createHash } from 'node:crypto';
import type { Entry } from 'yauzl';
import { InputFormatError } from '../../core/errors.ts';
import type { MarkImageRef, ParsedRecord } from '../../core/filing.ts';
import type { ParseContext } from '../adapter.ts';
import { parseSt66Stream } from '../wipo-st66/index.ts';
import { parseSt96Stream } from '../wipo-st96/index.ts';
import { entryBytes, entryChunks, markImageRef } from './entry-data.ts';
import { openZip } from './open-zip.ts';
import { defaultZipLimits, type ZipLimits } from './zip-limits.ts';

const DEFAULT_OFFICE = 'USPTO';
const IMAGE_ENTRY = 'markImage.jpg';

/**
 * A ZIP (local file header magic) whose head names a TSDR entry. USPTO writes `status_st66.xml`
 * first, so its name is in the first bytes; other ZIPs (bulk daily files) are left to other adapters.
 */
export function looksLikeTsdrZip(head: string): boolean {
  return head.startsWith('PK\x03\x04') && /status_st(66|96)\.xml|markImage\.jpg|status\.html/i.test(head);
}

/** The status XML of the bundle: ST.66 (`status_st66.xml`) preferred, ST.96 accepted. */
function statusEntry(entries: Map<string, Entry>): { entry: Entry; format: 'st66' | 'st96' } | null {
  const names = [...entries.keys()];
  const st66 =
    names.find((n) => /(^|\/)status_st66\.xml$/i.test(n)) ?? names.find((n) => /st66[^/]*\.xml$/i.test(n));
  if (st66) return { entry: entries.get(st66) as Entry, format: 'st66' };
  const st96 = names.find((n) => /st96[^/]*\.xml$/i.test(n));
  return st96 ? { entry: entries.get(st96) as Entry, format: 'st96' } : null;
}

/**
 * Reads a USPTO TSDR case bundle: the status XML is streamed out of the ZIP through the ST.66 (or
 * ST.96) mapping, and `markImage.jpg` is stored (or hashed) and attached to the filing.
 */
export async function* parseTsdrZip(
  path: string,
  context: ParseContext,
  limits: Partial<ZipLimits> = {},
): AsyncGenerator<ParsedRecord> {
  const effective = { ...defaultZipLimits, ...limits };
  const { zip, entries } = await openZip(path, context.sourceName, effective);
  try {
    const status = statusEntry(entries);
    if (!status) {
      throw new InputFormatError(
        `${context.sourceName} holds no status_st66.xml or ST.96 status XML (entries: ${[...entries.keys()].slice(0, 20).join(', ')}); it is not a TSDR case bundle.`,
      );
    }
    const image = await readMarkImage(zip, entries.get(IMAGE_ENTRY), context, effective);
    const innerContext: ParseContext = {
      ...context,
      sourceName: `${context.sourceName}!${status.entry.fileName}`,
    };
    const chunks = entryChunks(zip, status.entry, context.sourceName);
    const records =
      status.format === 'st66'
        ? parseSt66Stream(chunks, innerContext, DEFAULT_OFFICE)
        : parseSt96Stream(chunks, innerContext, DEFAULT_OFFICE);
    try {
      for await (const record of records) {
        if (record.kind === 'filing') {
          if (image.ref) {
            record.filing.markImage = image.ref;
            // The image is part of the record: the same case seen first as bare ST.66 and then as a
            // bundle with its image must count as changed, or the image would never be stored.
            record.filing.sourceRecordHash = createHash('sha256')
              .update(`${record.filing.sourceRecordHash}:${image.ref.sha256 ?? ''}`)
              .digest('hex');
          }
          if (image.problem) record.filing.extra.markImageProblem = image.problem;
        }
        yield record;
      }
    } catch (error) {
      throw namingEntry(error, innerContext.sourceName);
    }
  } finally {
    zip.close();
  }
}

async function readMarkImage(
  zip: Parameters<typeof entryBytes>[0],
  entry: Entry | undefined,
  context: ParseContext,
  limits: ZipLimits,
): Promise<{ ref: MarkImageRef | null; problem: string | null }> {
  if (!entry) return { ref: null, problem: null };
  if (entry.uncompressedSize > limits.maxImageBytes) {
    return {
      ref: null,
      problem: `${IMAGE_ENTRY} is ${entry.uncompressedSize} bytes, over the ${limits.maxImageBytes}-byte image limit; not stored.`,
    };
  }
  const bytes = await entryBytes(zip, entry, context.sourceName);
  return { ref: await markImageRef(bytes, IMAGE_ENTRY, context.blobStore), problem: null };
}

/** XML errors do not know they came out of a ZIP; say which bundle and entry. */
function namingEntry(error: unknown, entryName: string): unknown {
  if (!(error instanceof InputFormatError) || error.message.includes(entryName)) return error;
  return new InputFormatError(`${entryName}: ${error.message}`, error.details);
}

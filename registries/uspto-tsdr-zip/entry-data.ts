import { createHash } from 'node:crypto';
import type { Entry, ZipFile } from 'yauzl';
import type { MarkImageRef } from '../../core/filing.ts';
import type { BlobStore } from '../adapter.ts';
import { unreadable } from './open-zip.ts';

/** The inflated bytes of an entry as a stream of chunks; ZIP errors surface as InputFormatError. */
export async function* entryChunks(zip: ZipFile, entry: Entry, sourceName: string): AsyncGenerator<Buffer> {
  try {
    const stream = await zip.openReadStreamPromise(entry);
    for await (const chunk of stream) yield chunk as Buffer;
  } catch (error) {
    throw unreadable(`${sourceName} (entry "${entry.fileName}")`, error);
  }
}

export async function entryBytes(zip: ZipFile, entry: Entry, sourceName: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of entryChunks(zip, entry, sourceName)) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/**
 * The type the bytes really are. USPTO names the image `markImage.jpg` whatever its format (the
 * sample bundle's is a PNG), so the name is only the last resort.
 */
export function sniffImageType(bytes: Buffer, fileName: string): string {
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'image/png';
  if (bytes.subarray(0, 4).toString('latin1') === 'GIF8') return 'image/gif';
  if (/\.jpe?g$/i.test(fileName)) return 'image/jpeg';
  return 'application/octet-stream';
}

/** Stores the image through the blob store when there is one; hashes it otherwise. */
export async function markImageRef(
  bytes: Buffer,
  fileName: string,
  blobStore: BlobStore | undefined,
): Promise<MarkImageRef> {
  const mimeType = sniffImageType(bytes, fileName);
  const sha256 = blobStore
    ? await blobStore(bytes, mimeType)
    : createHash('sha256').update(bytes).digest('hex');
  return { sha256, mimeType, sourceName: fileName };
}

import { createWriteStream } from 'node:fs';
import { unlink } from 'node:fs/promises';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { InputFormatError } from '../../core/errors.ts';

export interface UnzipLimits {
  /** Largest data file accepted after inflating (a USPTO daily file is a few hundred MB). */
  maxBytes: number;
  /** Largest inflated/compressed ratio; XML compresses about 10-30 times, a bomb by thousands. */
  maxRatio: number;
}

export const DEFAULT_UNZIP_LIMITS: UnzipLimits = { maxBytes: 4 * 1024 * 1024 * 1024, maxRatio: 200 };

const UNSAFE_NAME = /(^|\/)\.\.(\/|$)|^\/|^[A-Za-z]:|\\/;

const refuse = (name: string, why: string): InputFormatError =>
  new InputFormatError(
    `${name} ${why}; the office file may be damaged or not what this source publishes. Nothing was ingested from it; the next sync tries again.`,
  );

/**
 * Extracts the one data file of an office ZIP (USPTO daily, INPI RPI) to `destPath`. The central
 * directory is checked before a byte is inflated (exactly one file, safe name, size and ratio in
 * limits), and the inflated stream is counted again while written, because the declared size of
 * an entry is only a claim (yauzl's validateEntrySizes also fails a stream that outgrows it).
 */
export async function unzipSingle(
  zipPath: string,
  destPath: string,
  name: string,
  limits: UnzipLimits = DEFAULT_UNZIP_LIMITS,
): Promise<{ entryName: string; bytes: number }> {
  let zip: ZipFile;
  try {
    zip = await yauzl.openPromise(zipPath, {
      lazyEntries: true,
      autoClose: false,
      validateEntrySizes: true,
      strictFileNames: true,
    });
  } catch (error) {
    throw refuse(name, `is not a readable ZIP archive (${(error as Error).message})`);
  }
  try {
    const entry = await onlyFileEntry(zip, name);
    checkEntry(entry, name, limits);
    const bytes = await extract(zip, entry, destPath, name, limits);
    return { entryName: entry.fileName, bytes };
  } finally {
    zip.close();
  }
}

async function onlyFileEntry(zip: ZipFile, name: string): Promise<Entry> {
  const files: Entry[] = [];
  try {
    for await (const entry of zip.eachEntry()) if (!entry.fileName.endsWith('/')) files.push(entry);
  } catch (error) {
    throw refuse(name, `has a damaged ZIP directory (${(error as Error).message})`);
  }
  const [first] = files;
  if (files.length !== 1 || !first) {
    const names =
      files
        .slice(0, 5)
        .map((f) => f.fileName)
        .join(', ') || 'none';
    throw refuse(name, `holds ${files.length} files (${names}) where one data file was expected`);
  }
  return first;
}

function checkEntry(entry: Entry, name: string, limits: UnzipLimits): void {
  if (UNSAFE_NAME.test(entry.fileName))
    throw refuse(name, `names its entry "${entry.fileName}", outside the archive`);
  if (entry.uncompressedSize > limits.maxBytes) {
    throw refuse(
      name,
      `would inflate to ${entry.uncompressedSize} bytes, over the limit of ${limits.maxBytes} (settings.maxUnzippedBytes)`,
    );
  }
  const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
  if (entry.uncompressedSize > 1024 * 1024 && ratio > limits.maxRatio) {
    throw refuse(
      name,
      `inflates ${entry.compressedSize} bytes to ${entry.uncompressedSize} (ratio ${Math.round(ratio)}), a decompression bomb`,
    );
  }
}

/** Counts inflated bytes and fails past the limit, whatever the entry declared. */
class ByteLimit extends Transform {
  bytes = 0;
  constructor(
    private readonly limit: number,
    private readonly onOver: () => Error,
  ) {
    super();
  }
  override _transform(chunk: Buffer, _encoding: string, done: TransformCallback): void {
    this.bytes += chunk.length;
    done(this.bytes > this.limit ? this.onOver() : null, chunk);
  }
}

async function extract(
  zip: ZipFile,
  entry: Entry,
  destPath: string,
  name: string,
  limits: UnzipLimits,
): Promise<number> {
  const counter = new ByteLimit(limits.maxBytes, () =>
    refuse(name, `inflates past the limit of ${limits.maxBytes} bytes`),
  );
  try {
    const stream = await zip.openReadStreamPromise(entry);
    await pipeline(stream, counter, createWriteStream(destPath));
    return counter.bytes;
  } catch (error) {
    await unlink(destPath).catch(() => undefined);
    if (error instanceof InputFormatError) throw error;
    throw refuse(name, `entry "${entry.fileName}" cannot be inflated (${(error as Error).message})`);
  }
}

import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { InputFormatError } from '../../core/errors.ts';
import type { ZipLimits } from './zip-limits.ts';

export interface ZipIndex {
  zip: ZipFile;
  /** Entries by name, directories left out. */
  entries: Map<string, Entry>;
}

const UNSAFE_NAME = /(^|\/)\.\.(\/|$)|^\/|^[A-Za-z]:|\\/;

/**
 * Opens a ZIP and reads its central directory only, refusing it before any byte is inflated when it
 * is a bomb (too many entries, too many bytes, an extreme compression ratio) or names an entry
 * outside the archive. The declared sizes cannot lie past this check: yauzl's validateEntrySizes
 * fails a stream that inflates to more than its entry declared.
 */
export async function openZip(path: string, sourceName: string, limits: ZipLimits): Promise<ZipIndex> {
  let zip: ZipFile;
  try {
    zip = await yauzl.openPromise(path, {
      lazyEntries: true,
      autoClose: false,
      validateEntrySizes: true,
      strictFileNames: true,
    });
  } catch (error) {
    throw unreadable(sourceName, error);
  }
  try {
    if (zip.entryCount > limits.maxEntries) {
      throw new InputFormatError(
        `${sourceName} holds ${zip.entryCount} ZIP entries, more than the ${limits.maxEntries} a TSDR bundle may have; refusing it as a possible decompression bomb.`,
      );
    }
    const entries = new Map<string, Entry>();
    let totalBytes = 0;
    for await (const entry of eachEntry(zip, sourceName)) {
      checkEntry(entry, sourceName, limits);
      totalBytes += entry.uncompressedSize;
      if (totalBytes > limits.maxTotalUncompressedBytes) {
        throw new InputFormatError(
          `${sourceName} would inflate to more than ${limits.maxTotalUncompressedBytes} bytes (at entry "${entry.fileName}"); refusing it as a possible decompression bomb.`,
        );
      }
      if (!entry.fileName.endsWith('/')) entries.set(entry.fileName, entry);
    }
    return { zip, entries };
  } catch (error) {
    zip.close();
    throw error;
  }
}

async function* eachEntry(zip: ZipFile, sourceName: string): AsyncGenerator<Entry> {
  try {
    for await (const entry of zip.eachEntry()) yield entry;
  } catch (error) {
    throw unreadable(sourceName, error);
  }
}

function checkEntry(entry: Entry, sourceName: string, limits: ZipLimits): void {
  if (UNSAFE_NAME.test(entry.fileName)) {
    throw new InputFormatError(
      `${sourceName} has an entry named "${entry.fileName}" that points outside the archive; refusing the ZIP.`,
    );
  }
  const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
  if (entry.uncompressedSize >= limits.ratioCheckFromBytes && ratio > limits.maxCompressionRatio) {
    throw new InputFormatError(
      `${sourceName} entry "${entry.fileName}" inflates ${entry.compressedSize} bytes to ${entry.uncompressedSize} (ratio ${Math.round(ratio)}, limit ${limits.maxCompressionRatio}); refusing it as a decompression bomb.`,
    );
  }
}

/** Any error from the ZIP layer, as the input-format error the caller reports. */
export function unreadable(sourceName: string, error: unknown): InputFormatError {
  if (error instanceof InputFormatError) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new InputFormatError(
    `${sourceName} is not a readable ZIP archive (${reason}); it may be truncated, corrupt or unsafe. Download the TSDR bundle again.`,
  );
}

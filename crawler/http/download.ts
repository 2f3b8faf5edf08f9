import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Transform } from 'node:stream';
import { ChecksumMismatchError, HttpError, LocalWriteError, TruncatedDownloadError } from './errors.ts';
import { pipeBody } from './body.ts';
import type { OpenResponse } from './request.ts';

export interface DownloadOptions {
  /** Size the file must have (after decompression): fewer bytes is a truncation, more is refused. */
  expectedBytes?: number;
  /** Lower-case hex SHA-256 the file must have. */
  expectedSha256?: string;
  /** From a previous download: sent as If-None-Match. */
  etag?: string;
  /** From a previous download: sent as If-Modified-Since. */
  lastModified?: string;
  headers?: Record<string, string>;
  accept?: string;
  maxBytes?: number;
  totalTimeoutMs?: number;
}

interface Validators {
  path: string;
  etag: string | undefined;
  lastModified: string | undefined;
}

/** `notModified: true` means the server answered 304 and the destination was left untouched. */
export type DownloadResult =
  (Validators & { notModified: false; bytes: number; sha256: string }) | (Validators & { notModified: true });

/** Hashes and counts the bytes on their way to disk. */
class Digest extends Transform {
  readonly hash = createHash('sha256');
  bytes = 0;
  override _transform(
    chunk: Buffer,
    _encoding: string,
    done: (error?: Error | null, data?: Buffer) => void,
  ): void {
    this.hash.update(chunk);
    this.bytes += chunk.length;
    done(null, chunk);
  }
}

/**
 * Writes the body of `open` to a temporary file beside `destPath` (same folder, so the final rename
 * is atomic), verifies size and checksum, then renames it into place. On any failure the temporary
 * file is removed and the destination is as it was.
 */
export async function downloadBody(
  open: OpenResponse,
  url: URL,
  destPath: string,
  options: DownloadOptions & { maxBytes: number },
): Promise<DownloadResult> {
  const { response } = open;
  const validators: Validators = {
    path: destPath,
    etag: headerOf(response.headers.etag),
    lastModified: headerOf(response.headers['last-modified']),
  };
  if (response.statusCode === 304) return { ...validators, notModified: true };
  const tempPath = join(dirname(destPath), `.${basename(destPath)}.${randomBytes(6).toString('hex')}.part`);
  const digest = new Digest();
  const file = createWriteStream(tempPath, { flags: 'wx' });
  try {
    await pipeBody(response, url, options.maxBytes, [digest, file]);
    const sha256 = digest.hash.digest('hex');
    verify(url, digest.bytes, sha256, options);
    await rename(tempPath, destPath);
    return { ...validators, notModified: false, bytes: digest.bytes, sha256 };
  } catch (error) {
    // The file opens asynchronously: close it first, or the unlink could run before the open.
    if (!file.closed) await new Promise<void>((resolve) => file.destroy().once('close', () => resolve()));
    await unlink(tempPath).catch(() => undefined);
    throw error instanceof HttpError ? error : new LocalWriteError(url, destPath, error);
  }
}

function verify(url: URL, bytes: number, sha256: string, options: DownloadOptions): void {
  // More bytes than expected cannot get here: the byte limit is capped at expectedBytes.
  if (options.expectedBytes !== undefined && bytes < options.expectedBytes) {
    throw new TruncatedDownloadError(url, bytes, options.expectedBytes);
  }
  if (options.expectedSha256 !== undefined && options.expectedSha256.toLowerCase() !== sha256) {
    throw new ChecksumMismatchError(url, options.expectedSha256, sha256);
  }
}

function headerOf(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

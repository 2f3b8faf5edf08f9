import { PassThrough, Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import type { IncomingMessage } from 'node:http';
import { HttpError, ResponseTooLargeError, TruncatedDownloadError, toHttpError } from './errors.ts';

/** Counts the bytes passing through. */
class ByteCounter extends Transform {
  bytes = 0;
  override _transform(
    chunk: Buffer,
    _encoding: string,
    done: (error?: Error | null, data?: Buffer) => void,
  ): void {
    this.bytes += chunk.length;
    done(null, chunk);
  }
}

/** Fails the stream as soon as more than `limit` bytes pass: the limit holds for decompressed bytes. */
class ByteLimit extends Transform {
  private seen = 0;
  constructor(
    private readonly url: URL,
    private readonly limit: number,
  ) {
    super();
  }
  override _transform(
    chunk: Buffer,
    _encoding: string,
    done: (error?: Error | null, data?: Buffer) => void,
  ): void {
    this.seen += chunk.length;
    if (this.seen > this.limit) {
      done(new ResponseTooLargeError(this.url, this.limit, `more than ${this.limit} bytes after decoding`));
      return;
    }
    done(null, chunk);
  }
}

function decoderFor(encoding: string | undefined): Transform {
  switch (encoding?.trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return zlib.createGunzip();
    case 'br':
      return zlib.createBrotliDecompress();
    case 'deflate':
      return zlib.createInflate();
    default:
      return new PassThrough(); // identity, or an encoding we did not ask for: keep the bytes as sent
  }
}

export function declaredLength(response: IncomingMessage): number | undefined {
  const header = response.headers['content-length'];
  if (header === undefined || !/^\d+$/.test(header)) return undefined;
  return Number(header);
}

/**
 * Streams a response body, decoded and size-limited, through `sinks`. Throws `ResponseTooLargeError`
 * early when the declared length is already over the limit, and `TruncatedDownloadError` when the
 * connection ends before Content-Length bytes arrived.
 */
export async function pipeBody(
  response: IncomingMessage,
  url: URL,
  maxBytes: number,
  sinks: [...Transform[], Writable],
): Promise<void> {
  const declared = declaredLength(response);
  const encoded = response.headers['content-encoding'] !== undefined;
  if (declared !== undefined && declared > maxBytes && !encoded) {
    response.destroy();
    throw new ResponseTooLargeError(url, maxBytes, `Content-Length is ${declared}`);
  }
  const raw = new ByteCounter();
  try {
    await pipeline([
      response,
      raw,
      decoderFor(response.headers['content-encoding']),
      new ByteLimit(url, maxBytes),
      ...sinks,
    ]);
  } catch (error) {
    response.destroy();
    // Our own failures (too large, timed out) say more than "truncated" would.
    if (
      declared !== undefined &&
      raw.bytes < declared &&
      !(error instanceof HttpError) &&
      !isFileSystemError(error)
    ) {
      throw new TruncatedDownloadError(url, raw.bytes, declared);
    }
    throw toHttpError(url, error);
  }
  if (declared !== undefined && raw.bytes < declared)
    throw new TruncatedDownloadError(url, raw.bytes, declared);
}

/** Errors of fs streams carry the path; those are ours to report, not the connection's. */
function isFileSystemError(error: unknown): boolean {
  return typeof (error as { path?: unknown } | null)?.path === 'string';
}

/** A sink that keeps the body in memory (for `get`, whose size is bounded by the limit). */
export function memorySink(): { sink: Writable; body: () => Buffer } {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  return { sink, body: () => Buffer.concat(chunks) };
}

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, testClient, type LocalServer } from './testing/local-server.ts';
import {
  ChecksumMismatchError,
  LocalWriteError,
  ResponseTooLargeError,
  TruncatedDownloadError,
} from './errors.ts';

const FILE = Buffer.from('<trademark-applications-daily>'.padEnd(1000, 'x'));
const FILE_SHA256 = createHash('sha256').update(FILE).digest('hex');

let server: LocalServer | undefined;
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'markhound-download-'));
});
afterEach(async () => {
  await server?.close();
  server = undefined;
  await rm(dir, { recursive: true, force: true });
});

describe('HttpClient.download', () => {
  it('writes the file, its size, checksum and validators', async () => {
    server = await startServer((_req, res) =>
      res.writeHead(200, { etag: '"d1"', 'last-modified': 'Sat, 21 Nov 2026 05:00:00 GMT' }).end(FILE),
    );
    const { client } = testClient();
    const dest = join(dir, 'apc261121.zip');
    const result = await client.download(server.url('/apc261121.zip'), dest, {
      expectedBytes: 1000,
      expectedSha256: FILE_SHA256,
    });
    expect(result).toEqual({
      path: dest,
      notModified: false,
      bytes: 1000,
      sha256: FILE_SHA256,
      etag: '"d1"',
      lastModified: 'Sat, 21 Nov 2026 05:00:00 GMT',
    });
    expect(await readFile(dest)).toEqual(FILE);
    expect(await readdir(dir)).toEqual(['apc261121.zip']);
  });

  it('retries a body cut short of its Content-Length, then fails with nothing left on disk', async () => {
    server = await startServer((_req, res) => {
      res.writeHead(200, { 'content-length': 1000 });
      res.write(FILE.subarray(0, 400), () => res.socket?.destroy());
    });
    const { client, sleeps } = testClient({ retry: { maxRetries: 2 } });
    const error = await client
      .download(server.url('/big.zip'), join(dir, 'big.zip'))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TruncatedDownloadError);
    expect(error).toMatchObject({ receivedBytes: 400, expectedBytes: 1000, attempts: 3 });
    expect(server.paths).toHaveLength(3);
    expect(sleeps).toHaveLength(2);
    expect(await readdir(dir)).toEqual([]);
  });

  it('treats a complete response shorter than expectedBytes as truncated', async () => {
    server = await startServer((_req, res) => res.end(FILE.subarray(0, 600)));
    const { client } = testClient({ retry: { maxRetries: 0 } });
    await expect(
      client.download(server.url('/f'), join(dir, 'f'), { expectedBytes: 1000 }),
    ).rejects.toMatchObject({ receivedBytes: 600, expectedBytes: 1000 });
  });

  it('refuses more bytes than expectedBytes', async () => {
    server = await startServer((_req, res) => res.end(FILE));
    const { client } = testClient();
    await expect(
      client.download(server.url('/f'), join(dir, 'f'), { expectedBytes: 999 }),
    ).rejects.toBeInstanceOf(ResponseTooLargeError);
    expect(await readdir(dir)).toEqual([]);
  });

  it('fails on a checksum mismatch, keeps the previous file and does not retry', async () => {
    server = await startServer((_req, res) => res.end(FILE));
    const dest = join(dir, 'f.xml');
    await writeFile(dest, 'yesterday');
    const { client } = testClient();
    const wrong = '0'.repeat(64);
    const error = await client
      .download(server.url('/f.xml'), dest, { expectedSha256: wrong })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChecksumMismatchError);
    expect((error as Error).message).toContain(`is ${FILE_SHA256}, expected ${wrong}`);
    expect(server.paths).toHaveLength(1);
    expect(await readFile(dest, 'utf8')).toBe('yesterday');
    expect(await readdir(dir)).toEqual(['f.xml']);
  });

  it('says which folder is missing before making any request', async () => {
    server = await startServer((_req, res) => res.end(FILE));
    const { client } = testClient();
    await expect(client.download(server.url('/f'), join(dir, 'no-such-folder', 'f'))).rejects.toThrow(
      /download folder .*no-such-folder is missing or not writable/,
    );
    expect(server.paths).toEqual([]);
  });

  it('reports a destination it cannot write as a local error, without retrying or leaving a temp file', async () => {
    server = await startServer((_req, res) => res.end(FILE));
    const dest = join(dir, 'taken');
    await mkdir(dest); // a folder where the file should go: the final rename fails
    await writeFile(join(dest, 'inside'), 'x');
    const { client } = testClient();
    const error = await client.download(server.url('/f'), dest).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LocalWriteError);
    expect((error as LocalWriteError).message).toContain(`to ${dest} failed writing locally`);
    expect(server.paths).toHaveLength(1);
    expect(await readdir(dir)).toEqual(['taken']);
  });

  it('leaves the destination untouched on 304', async () => {
    server = await startServer((req, res) => {
      if (req.headers['if-none-match'] === '"d1"') res.writeHead(304, { etag: '"d1"' }).end();
      else res.end(FILE);
    });
    const dest = join(dir, 'f.xml');
    await writeFile(dest, 'kept');
    const { client } = testClient();
    const result = await client.download(server.url('/f.xml'), dest, { etag: '"d1"' });
    expect(result).toEqual({ path: dest, notModified: true, etag: '"d1"', lastModified: undefined });
    expect(await readFile(dest, 'utf8')).toBe('kept');
  });
});

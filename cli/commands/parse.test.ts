import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeZip } from '../../tests/sync/support/make-zip.ts';
import { fixture } from '../../tests/sync/support/sync-setup.ts';
import { parseFileToJsonLines, type ParseFileInput } from './parse.ts';

const FIXTURES = join(import.meta.dirname, '../../tests/fixtures/registries');
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mh-parse-'));
});

/** Runs the parse with in-memory streams and returns the JSON lines written to each. */
async function parse(input: ParseFileInput) {
  const out = new PassThrough();
  const err = new PassThrough();
  const chunks = { out: [] as string[], err: [] as string[] };
  out.on('data', (c: Buffer) => chunks.out.push(c.toString()));
  err.on('data', (c: Buffer) => chunks.err.push(c.toString()));
  const lines = (parts: string[]) =>
    parts
      .join('')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  const summary = await parseFileToJsonLines(input, out, err);
  return { summary, out: lines(chunks.out), err: lines(chunks.err) };
}

describe('markhound parse', () => {
  it('detects the format and prints normalized filings, skips on stderr', async () => {
    const { summary, out, err } = await parse({
      path: join(FIXTURES, 'uspto-daily/uspto-daily-constructed.xml'),
    });
    expect(summary).toMatchObject({ format: 'uspto-daily', filings: 4, skips: 1 });
    expect(out.map((f) => f.serialNumber)).toEqual(['97123456', '98234567', '97654321', '79398765']);
    expect(out[0]).toMatchObject({ office: 'USPTO', markText: 'VOLTSTRIDE' });
    expect(err).toHaveLength(1);
    expect(err[0]).toHaveProperty('skip.reason');
  });

  it('can put the skips on stdout among the filings', async () => {
    const { out, err } = await parse({
      path: join(FIXTURES, 'uspto-daily/uspto-daily-constructed.xml'),
      skipsTo: 'stdout',
    });
    expect(out).toHaveLength(5);
    expect(out.filter((l) => 'skip' in l)).toHaveLength(1);
    expect(err).toEqual([]);
  });

  it('reads the XML inside an office ZIP (USPTO apcYYMMDD.zip)', async () => {
    const zip = join(dir, 'apc261121.zip');
    await writeFile(
      zip,
      makeZip([{ name: 'apc261121.xml', data: fixture('uspto-daily/jlroo-sample-data.xml') }]),
    );
    const { summary, out } = await parse({ path: zip });
    expect(summary).toMatchObject({ format: 'uspto-daily', filings: 1 });
    expect(out[0]).toMatchObject({ serialNumber: '60000001', registrationNumber: '0000001' });
  });

  it('honours --format', async () => {
    const { summary } = await parse({
      path: join(FIXTURES, 'inpi-rpi/rpi-2601-constructed.xml'),
      format: 'inpi-rpi',
    });
    expect(summary).toMatchObject({ format: 'inpi-rpi', filings: 4, skips: 1 });
  });

  it('refuses a hostile file naming the file and the format', async () => {
    const path = join(FIXTURES, 'wipo-st66/hostile-dtd.xml');
    const error = await parse({ path }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toContain(`cannot parse ${path} (format wipo-st66)`);
  });

  it('names a missing file and an unknown format', async () => {
    await expect(parse({ path: join(dir, 'nope.xml') })).rejects.toThrow(
      /cannot parse .*nope\.xml .*no such file/,
    );
    const notOffice = join(dir, 'page.html');
    await writeFile(notOffice, '<!doctype html><html><body>hi</body></html>');
    await expect(parse({ path: notOffice })).rejects.toThrow(/page\.html is an HTML page/);
  });
});

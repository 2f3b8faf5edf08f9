import { createHash } from 'node:crypto';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { constants, crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { InputFormatError } from '../../core/errors.ts';
import type { ParsedRecord } from '../../core/filing.ts';
import type { ParseContext } from '../adapter.ts';
import { parseTsdrZip, usptoTsdrZipAdapter, type ZipLimits } from './index.ts';

const fixtures = join(import.meta.dirname, '../../tests/fixtures/registries/uspto-tsdr-zip');
const bundle = join(fixtures, 'uspto-tsdr-sn76044902.zip');

async function collect(path: string, context: Partial<ParseContext> = {}, limits: Partial<ZipLimits> = {}) {
  const records: ParsedRecord[] = [];
  try {
    for await (const record of parseTsdrZip(path, { sourceName: path, ...context }, limits))
      records.push(record);
  } catch (error) {
    return { records, error };
  }
  return { records, error: null as unknown };
}

/**
 * A minimal ZIP writer (stored or raw-deflated entries, or an entry's deflated bytes given as they are)
 * so hostile archives are built in the test.
 */
function zipOf(entries: Array<{ name: string; data: Buffer; deflate?: boolean; deflated?: Buffer }>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, data, deflate: deflateIt, deflated } of entries) {
    const deflate = Boolean(deflateIt) || deflated !== undefined;
    const nameBytes = Buffer.from(name, 'utf8');
    const body = deflated ?? (deflate ? deflateRawSync(data, { level: 9 }) : data);
    const header = (size: number) => Buffer.alloc(size);
    const local = header(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(deflate ? 8 : 0, 8);
    local.writeUInt16LE(33, 12);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = header(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(deflate ? 8 : 0, 10);
    central.writeUInt16LE(33, 14);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, body);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

async function tempFile(name: string, bytes: Buffer): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), 'tsdr-zip-')), name);
  await writeFile(path, bytes);
  return path;
}

describe('uspto-tsdr-zip adapter on the real TSDR bundle of serial 76044902', () => {
  it('parses status_st66.xml from inside the ZIP', async () => {
    const { records, error } = await collect(bundle);
    expect(error).toBeNull();
    expect(records).toHaveLength(1);
    const filing = records[0]?.kind === 'filing' ? records[0].filing : null;
    expect(filing).toMatchObject({
      office: 'USPTO',
      serialNumber: '76044902',
      registrationNumber: '2824281',
      markText: 'PYTHON',
      filingDate: '2000-05-09',
      statusCode: '702',
      statusCategory: 'registered',
    });
    expect(filing?.classes.map((c) => c.niceClass)).toEqual([9, 42]);
    expect(filing?.applicants[0]?.name).toBe('PYTHON SOFTWARE FOUNDATION');
  });

  it('stores markImage.jpg through the blob store, typed by its bytes (USPTO sent a PNG)', async () => {
    // markImage.jpg in the fixtures folder was extracted from the bundle by hand with unzip.
    const extracted = await readFile(join(fixtures, 'markImage.jpg'));
    const expectedSha = createHash('sha256').update(extracted).digest('hex');
    const stored: Array<{ bytes: Buffer; mimeType: string }> = [];
    const blobStore = async (bytes: Buffer, mimeType: string) => {
      stored.push({ bytes, mimeType });
      return createHash('sha256').update(bytes).digest('hex');
    };
    const { records } = await collect(bundle, { blobStore });
    expect(stored).toHaveLength(1);
    expect(stored[0]?.bytes.equals(extracted)).toBe(true);
    const filing = records[0]?.kind === 'filing' ? records[0].filing : null;
    expect(filing?.markImage).toEqual({
      sha256: expectedSha,
      mimeType: 'image/png',
      sourceName: 'markImage.jpg',
    });
  });

  it('hashes the image when there is no blob store', async () => {
    const { records } = await collect(bundle);
    const filing = records[0]?.kind === 'filing' ? records[0].filing : null;
    expect(filing?.markImage?.sha256).toBe(
      createHash('sha256')
        .update(await readFile(join(fixtures, 'markImage.jpg')))
        .digest('hex'),
    );
  });

  it('is detected by the ZIP magic through the adapter and parses through it', async () => {
    const head = (await readFile(bundle)).subarray(0, 8192).toString('latin1');
    expect(usptoTsdrZipAdapter.detect(head)).toBe(true);
    expect(usptoTsdrZipAdapter.detect('<?xml version="1.0"?><Transaction>')).toBe(false);
    const otherZip = zipOf([{ name: 'apc240101.xml', data: Buffer.from('<x/>') }]).toString('latin1');
    expect(usptoTsdrZipAdapter.detect(otherZip)).toBe(false);
    const kinds: string[] = [];
    for await (const record of usptoTsdrZipAdapter.parse(bundle, { sourceName: 'bundle.zip' }))
      kinds.push(record.kind);
    expect(kinds).toEqual(['filing']);
  });
});

describe('uspto-tsdr-zip adapter on bad archives', () => {
  it('reports a truncated bundle as an input-format error naming the file', async () => {
    const bytes = await readFile(bundle);
    const path = await tempFile('truncated.zip', bytes.subarray(0, 12_000));
    const { records, error } = await collect(path);
    expect(records).toEqual([]);
    expect(error).toBeInstanceOf(InputFormatError);
    expect((error as Error).message).toContain('truncated.zip');
    expect((error as Error).message).toMatch(/not a readable ZIP/);
  });

  it('reports a corrupt status entry as an input-format error naming the bundle and entry', async () => {
    const xml = await readFile(
      join(import.meta.dirname, '../../tests/fixtures/registries/wipo-st66/uspto-tsdr-sn76044902-ST66.xml'),
    );
    const damaged = Buffer.from(xml);
    damaged.write('<<<garbage', 2000, 'latin1');
    const { records, error } = await collect(
      await tempFile('corrupt.zip', zipOf([{ name: 'status_st66.xml', data: damaged, deflate: true }])),
    );
    expect(records).toEqual([]);
    expect(error).toBeInstanceOf(InputFormatError);
    expect((error as Error).message).toMatch(/corrupt\.zip!status_st66\.xml: XML is not well-formed/);
  });

  it('refuses a zip bomb before inflating it', async () => {
    const bomb = zipOf([{ name: 'status_st66.xml', data: Buffer.alloc(64 * 1024 * 1024), deflate: true }]);
    expect(bomb.length).toBeLessThan(200_000);
    const { records, error } = await collect(await tempFile('bomb.zip', bomb));
    expect(records).toEqual([]);
    expect(error).toBeInstanceOf(InputFormatError);
    expect((error as Error).message).toMatch(/status_st66\.xml.*decompression bomb/);
  });

  it('refuses a bundle over the total size or entry count limit', async () => {
    const tooBig = await collect(bundle, {}, { maxTotalUncompressedBytes: 50_000 });
    expect((tooBig.error as Error).message).toMatch(/more than 50000 bytes/);
    const tooMany = await collect(bundle, {}, { maxEntries: 5 });
    expect((tooMany.error as Error).message).toMatch(/14 ZIP entries/);
  });

  it('refuses an entry whose name climbs out of the archive', async () => {
    const evil = zipOf([{ name: '../evil.xml', data: Buffer.from('<x/>') }]);
    const { error } = await collect(await tempFile('evil.zip', evil));
    expect(error).toBeInstanceOf(InputFormatError);
    expect((error as Error).message).toContain('../evil.xml');
  });

  it('refuses a ZIP without status XML, listing what it holds', async () => {
    const other = zipOf([{ name: 'readme.txt', data: Buffer.from('hello') }]);
    const { error } = await collect(await tempFile('other.zip', other));
    expect(error).toBeInstanceOf(InputFormatError);
    expect((error as Error).message).toMatch(/no status_st66\.xml.*readme\.txt/);
  });

  it('skips and reports a TradeMark holding a 60 MB text node (a ZIP under 3 MB) by its serial, and lands the next one', async () => {
    // The real ST.66 of 76044902, its TradeMark twice: first as serial 76044903 with a 60 MB mark
    // description (a few words at random, so the entry deflates about 22:1, under the bomb ratio),
    // then unchanged. Reading such a text node used to cost minutes of CPU (quadratic).
    const xml = (
      await readFile(
        join(import.meta.dirname, '../../tests/fixtures/registries/wipo-st66/uspto-tsdr-sn76044902-ST66.xml'),
      )
    ).toString('utf8');
    const open = xml.indexOf('<TradeMark>');
    const close = xml.indexOf('</TradeMark>') + '</TradeMark>'.length;
    const original = xml.slice(open, close);
    const words = ['python ', 'software ', 'language ', 'programming '];
    let seed = 7;
    let block = '';
    while (block.length < 1024 * 1024) {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      block += words[(seed >>> 16) % words.length]!;
    }
    const withSerial = original.replace(
      '<ApplicationNumber>76044902</ApplicationNumber>',
      '<ApplicationNumber>76044903</ApplicationNumber>',
    );
    const [before, after] = withSerial.split('<MarkDescription/>') as [string, string];
    const head = Buffer.from(`${xml.slice(0, open)}${before}<MarkDescription>`);
    const text = Buffer.from(block);
    const tail = Buffer.from(`</MarkDescription>${after}${original}${xml.slice(close)}`);
    const BLOCKS = 60;
    const status = Buffer.concat([head, ...Array<Buffer>(BLOCKS).fill(text), tail]);
    // Deflating 60 MB takes most of a minute on a busy machine. Each piece is deflated on its own
    // ending in a full flush (byte-aligned, no reference to earlier bytes), so the 1 MB block's
    // output repeated 60 times and a final piece make one valid deflate stream of the whole entry.
    const flushed = (bytes: Buffer) =>
      deflateRawSync(bytes, { level: 9, finishFlush: constants.Z_FULL_FLUSH });
    const deflated = Buffer.concat([
      flushed(head),
      ...Array<Buffer>(BLOCKS).fill(flushed(text)),
      deflateRawSync(tail, { level: 9 }),
    ]);
    const zip = zipOf([{ name: 'status_st66.xml', data: status, deflated }]);
    expect(status.length).toBeGreaterThan(60_000_000);
    expect(zip.length).toBeLessThan(3 * 1024 * 1024);
    expect(inflateRawSync(deflated).equals(status)).toBe(true); // the stitched stream is the entry

    const { records, error } = await collect(await tempFile('huge-node.zip', zip));
    expect(error).toBeNull();
    expect(records.map((r) => r.kind)).toEqual(['skip', 'filing']);
    const skip = records[0]?.kind === 'skip' ? records[0].skip : null;
    expect(skip).toMatchObject({ recordIndex: 1, serialNumber: '76044903' });
    expect(skip?.reason).toMatch(/too large to read .*longer than the limit of 4000000 characters.*line 1/);
    expect(records[1]?.kind === 'filing' && records[1].filing.serialNumber).toBe('76044902');
  });

  it('reads a small well-formed bundle built in the test (checks the test ZIP writer itself)', async () => {
    const xml = await readFile(
      join(import.meta.dirname, '../../tests/fixtures/registries/wipo-st66/uspto-tsdr-sn76044902-ST66.xml'),
    );
    const zip = zipOf([{ name: 'status_st66.xml', data: xml, deflate: true }]);
    const { records, error } = await collect(await tempFile('built.zip', zip));
    expect(error).toBeNull();
    expect(records[0]?.kind === 'filing' && records[0].filing.markImage).toBeNull();
  });
});

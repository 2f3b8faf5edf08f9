import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeZip } from '../../tests/sync/support/make-zip.ts';
import { unzipSingle } from './unzip-single.ts';

let dir: string;
const sample = Buffer.from('<trademark-applications-daily><version/></trademark-applications-daily>\n');

async function zipFile(name: string, entries: { name: string; data: Buffer }[]): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, makeZip(entries));
  return path;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mh-unzip-'));
});

describe('unzipSingle', () => {
  it('extracts the one data file of an office ZIP', async () => {
    const zip = await zipFile('apc261121.zip', [{ name: 'apc261121.xml', data: sample }]);
    const result = await unzipSingle(zip, join(dir, 'out.xml'), 'apc261121.zip');
    expect(result).toEqual({ entryName: 'apc261121.xml', bytes: sample.length });
    expect(await readFile(join(dir, 'out.xml'))).toEqual(sample);
  });

  it('refuses a ZIP with more than one file, naming them', async () => {
    const zip = await zipFile('two.zip', [
      { name: 'a.xml', data: sample },
      { name: 'b.xml', data: sample },
    ]);
    await expect(unzipSingle(zip, join(dir, 'two.xml'), 'two.zip')).rejects.toThrow(
      /two\.zip holds 2 files \(a\.xml, b\.xml\)/,
    );
  });

  it('refuses an entry name that climbs out of the archive', async () => {
    const zip = await zipFile('evil.zip', [{ name: '../evil.xml', data: sample }]);
    await expect(unzipSingle(zip, join(dir, 'evil.xml'), 'evil.zip')).rejects.toThrow(
      /evil\.zip .*invalid relative path: \.\.\/evil\.xml/,
    );
  });

  it('refuses a decompression bomb before inflating it', async () => {
    const zip = await zipFile('bomb.zip', [{ name: 'bomb.xml', data: Buffer.alloc(8 * 1024 * 1024, 0x20) }]);
    await expect(unzipSingle(zip, join(dir, 'bomb.xml'), 'bomb.zip')).rejects.toThrow(/decompression bomb/);
  });

  it('refuses a file over the size limit', async () => {
    const zip = await zipFile('big.zip', [{ name: 'big.xml', data: sample }]);
    await expect(
      unzipSingle(zip, join(dir, 'big.xml'), 'big.zip', { maxBytes: 10, maxRatio: 200 }),
    ).rejects.toThrow(/over the limit of 10/);
  });

  it('names the file when it is not a ZIP at all', async () => {
    const path = join(dir, 'page.zip');
    await writeFile(path, '<html>maintenance</html>');
    await expect(unzipSingle(path, join(dir, 'page.xml'), 'the ZIP from http://x/apc.zip')).rejects.toThrow(
      /the ZIP from http:\/\/x\/apc\.zip is not a readable ZIP archive/,
    );
  });
});

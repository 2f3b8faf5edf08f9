import { readFile, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ParsedRecord } from '../../core/filing.ts';
import { markImage } from '../../tests/fixtures/registries/djki/make-gazette.ts';
import { recordBatches } from '../adapter.ts';
import { dipAdapter } from './adapter.ts';

const fixture = (name: string) => join(import.meta.dirname, '../../tests/fixtures/registries/dip', name);
async function parse(path: string): Promise<ParsedRecord[]> {
  const out: ParsedRecord[] = [];
  for await (const b of recordBatches(dipAdapter, path, { sourceName: 'dip.json' })) out.push(...b);
  return out;
}

describe('DIP Data Exchange answer (constructed in the MOC data standard names)', () => {
  it('maps records, converts Buddhist-era dates, stores and hashes the mark image', async () => {
    const text = (await readFile(fixture('dip-trademark-search-constructed.json'), 'utf8')).replace(
      '"REPRO"',
      JSON.stringify((await markImage(5)).toString('base64')),
    );
    const path = join(await mkdtemp(join(tmpdir(), 'mh-dip-')), 'dip.json');
    await writeFile(path, text);
    const [glow, device, bad] = await parse(path);
    expect(glow).toMatchObject({
      kind: 'filing',
      filing: {
        office: 'DIP',
        serialNumber: '260145678',
        markText: 'SIAM GLOW',
        filingDate: '2026-10-01',
        publicationDate: '2026-11-20',
        statusCategory: 'published',
        classes: [{ niceClass: 3 }],
      },
    });
    expect(device).toMatchObject({
      kind: 'filing',
      filing: {
        serialNumber: '260145999',
        markKind: 'figurative',
        markImage: { mimeType: 'image/png', logoHashes: { dct: expect.any(String) } },
      },
    });
    expect(bad).toMatchObject({ kind: 'skip', skip: { reason: 'record 3 has no ApplicationNumber' } });
  });

  it("fails a refused request with the API's own words", async () => {
    await expect(parse(fixture('dip-error-constructed.json'))).rejects.toThrow(
      /did not answer with trademark data: "Unauthorized: token expired"/,
    );
  });
});

import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Filing, ParsedRecord } from '../../core/filing.ts';
import { hashLogo, hashToHex } from '../../matcher/logo/index.ts';
import { makeGazette, markImage, SAMPLE_ENTRIES } from '../../tests/fixtures/registries/djki/make-gazette.ts';
import { detectFormat } from '../formats.ts';
import { djkiGazetteAdapter } from './adapter.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mh-djki-'));
});

async function gazetteFile(name: string, bytes: Buffer): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, bytes);
  return path;
}

async function parseAll(path: string): Promise<ParsedRecord[]> {
  const out: ParsedRecord[] = [];
  for await (const r of djkiGazetteAdapter.parse(path, { sourceName: 'brm-48.pdf' })) out.push(r);
  return out;
}
const filings = (records: ParsedRecord[]): Filing[] =>
  records.flatMap((r) => (r.kind === 'filing' ? [r.filing] : []));

describe('DJKI Berita Resmi Merek (constructed gazette PDF)', () => {
  it('is detected from the text of its first pages', async () => {
    const path = await gazetteFile('detect.pdf', await makeGazette(SAMPLE_ENTRIES));
    expect((await detectFormat(path)).id).toBe('djki-gazette');
  });

  it('reads every entry page with its INID fields, dated by the announcement on the cover', async () => {
    const records = await parseAll(await gazetteFile('brm.pdf', await makeGazette(SAMPLE_ENTRIES)));
    expect(records.filter((r) => r.kind === 'skip')).toEqual([]);
    const [kopi, glow, device] = filings(records);
    expect(kopi).toMatchObject({
      office: 'DJKI',
      serialNumber: 'DID2026081234',
      markText: 'KOPI SENJA NUSANTARA',
      markKind: 'combined',
      filingDate: '2026-09-02',
      publicationDate: '2026-11-16',
      statusCategory: 'published',
      applicants: [
        {
          name: 'PT Kopi Senja Nusantara',
          country: 'ID',
          address: 'Jl. Kemang Raya No. 12, Jakarta Selatan 12730',
        },
      ],
      extra: { gazette: '48/XI/A/2026', announcedUntil: '2027-01-16', colours: 'Coklat tua, putih' },
    });
    expect(kopi!.classes).toEqual([
      {
        niceClass: 30,
        goods: expect.stringMatching(/^Kopi, kopi bubuk, .*makanan ringan berbahan dasar tepung\.$/),
        status: null,
      },
    ]);
    expect(glow).toMatchObject({ markText: 'GLOWMERA', markKind: 'word', markImage: null });
    expect(glow!.classes.map((c) => c.niceClass)).toEqual([3, 5]);
    expect(glow!.priorityClaims).toEqual([{ country: 'US', number: '99/123,456', date: '2026-06-10' }]);
    expect(device).toMatchObject({ serialNumber: 'JID2026081422', markText: null, markKind: 'figurative' });
  });

  it('extracts each mark image (not the office emblem in the header) with logo hashes a watch can compare', async () => {
    const [kopi, , device] = filings(
      await parseAll(await gazetteFile('img.pdf', await makeGazette(SAMPLE_ENTRIES))),
    );
    const expected = await hashLogo(await markImage(1));
    expect(kopi!.markImage).toMatchObject({ mimeType: 'image/png', sourceName: 'brm-48.pdf#page=3' });
    // Same drawing, same perceptual hash: the image is the mark, decoded without loss of shape.
    expect(kopi!.markImage!.logoHashes!.dct).toBe(hashToHex(expected.dct));
    expect(device!.markImage!.logoHashes!.dct).not.toBe(kopi!.markImage!.logoHashes!.dct);
  });

  it('files an entry whose page is a scan from the contents table, saying what was not read', async () => {
    const records = await parseAll(
      await gazetteFile('scan.pdf', await makeGazette(SAMPLE_ENTRIES, { scannedEntries: [1] })),
    );
    const glow = filings(records).find((f) => f.serialNumber === 'DID2026081301');
    expect(glow).toMatchObject({
      markText: 'GLOWMERA',
      filingDate: '2026-09-03',
      publicationDate: '2026-11-16',
    });
    expect(glow!.extra.incomplete).toMatch(
      /detail page 4 has no text layer \(a scan; Markhound does not OCR\)/,
    );
    expect(filings(records)).toHaveLength(3);
  });

  it('reports a scan that no contents row accounts for instead of staying silent', async () => {
    const bytes = await makeGazette(SAMPLE_ENTRIES, { scannedEntries: [2], omitFromContents: [2] });
    const records = await parseAll(await gazetteFile('scan2.pdf', bytes));
    expect(filings(records).map((f) => f.serialNumber)).toEqual(['DID2026081234', 'DID2026081301']);
    expect(records.filter((r) => r.kind === 'skip').map((r) => r.kind === 'skip' && r.skip.reason)).toEqual([
      'page 5 has no text layer (a scan; Markhound does not OCR) and no contents row accounts for it: whatever it holds was not read',
    ]);
  });

  it('says a truncated gazette is truncated (pdf.js cannot open a PDF cut before its page tree)', async () => {
    const bytes = await makeGazette(SAMPLE_ENTRIES);
    const path = await gazetteFile('cut.pdf', bytes.subarray(0, Math.floor(bytes.length * 0.8)));
    const read: ParsedRecord[] = [];
    await expect(async () => {
      for await (const r of djkiGazetteAdapter.parse(path, { sourceName: 'cut.pdf' })) read.push(r);
    }).rejects.toThrow(/^cut\.pdf cannot be opened as a PDF \(it is truncated: no %%EOF at its end\): /);
    expect(read).toEqual([]);
  });

  it('refuses a gazette over the size limit before reading it', async () => {
    const path = await gazetteFile('big.pdf', await makeGazette(SAMPLE_ENTRIES));
    await expect(async () => {
      for await (const _ of djkiGazetteAdapter.parse(path, {
        sourceName: 'big.pdf',
        pdfLimits: { maxBytes: 1000 },
      }));
    }).rejects.toThrow(/over the PDF limit of 1000 bytes/);
  });
});

import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Filing, ParsedRecord } from '../../core/filing.ts';
import { hashLogo, hashToHex } from '../../matcher/logo/index.ts';
import { markImage } from '../../tests/fixtures/registries/djki/make-gazette.ts';
import {
  makeJournalPart,
  SAMPLE_JOURNAL_ENTRIES,
} from '../../tests/fixtures/registries/ipindia/make-journal-part.ts';
import { detectFormat } from '../formats.ts';
import { ipIndiaJournalAdapter } from './adapter.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mh-ipindia-'));
});

async function parsePart(name: string, bytes: Buffer): Promise<ParsedRecord[]> {
  const path = join(dir, name);
  await writeFile(path, bytes);
  const out: ParsedRecord[] = [];
  for await (const r of ipIndiaJournalAdapter.parse(path, { sourceName: name })) out.push(r);
  return out;
}
const filings = (records: ParsedRecord[]): Filing[] =>
  records.flatMap((r) => (r.kind === 'filing' ? [r.filing] : []));

describe('IP India Trade Marks Journal part (constructed, laid out like the real extraction)', () => {
  it('is detected from its running header', async () => {
    const path = join(dir, 'detect.pdf');
    await writeFile(path, await makeJournalPart(SAMPLE_JOURNAL_ENTRIES));
    expect((await detectFormat(path)).id).toBe('ipindia-journal');
  });

  it('splits entries by layout: the number line starts one, the large text above it is the word mark', async () => {
    const records = await parsePart('part.pdf', await makeJournalPart(SAMPLE_JOURNAL_ENTRIES));
    expect(records.filter((r) => r.kind === 'skip')).toEqual([]);
    const [tea, device, kart] = filings(records);
    expect(tea).toMatchObject({
      office: 'IPINDIA',
      serialNumber: '6712345',
      markText: 'TEASPRING',
      markKind: 'word',
      filingDate: '2025-02-14',
      publicationDate: '2026-11-10',
      statusCategory: 'published',
      applicants: [
        {
          name: 'TEASPRING BEVERAGES PRIVATE LIMITED',
          address: '12, SECTOR 18, NOIDA, UTTAR PRADESH-201301',
          entityType: 'Body Incorporate',
        },
      ],
      extra: {
        journal: 2170,
        agent: 'MEHRA & ASSOCIATES B-44, DEFENCE COLONY, NEW DELHI-110024',
        usedSince: '2021-04-01',
        proposedToBeUsed: false,
        appropriateOffice: 'DELHI',
      },
    });
    expect(tea!.classes).toEqual([
      {
        niceClass: 35,
        goods: expect.stringMatching(/^Advertising; business management; .* online marketplace services\.$/),
        status: null,
      },
    ]);
    expect(kart).toMatchObject({
      serialNumber: '6712410',
      markText: 'QUICKKART',
      extra: { proposedToBeUsed: true, usedSince: null },
    });
    expect(device).toMatchObject({
      serialNumber: '6712399',
      markText: null,
      markKind: 'figurative',
      extra: { deviceMark: true },
    });
  });

  it('flags a device mark with its extracted image, hashed for logo watches', async () => {
    const [, device] = filings(await parsePart('device.pdf', await makeJournalPart(SAMPLE_JOURNAL_ENTRIES)));
    const expected = await hashLogo(await markImage(11));
    expect(device!.markImage!.logoHashes!.dct).toBe(hashToHex(expected.dct));
    expect(device!.markImage!.sourceName).toBe('device.pdf#page=1');
  });

  it('reads one entry per page and many per page alike', async () => {
    const one = filings(
      await parsePart('one.pdf', await makeJournalPart(SAMPLE_JOURNAL_ENTRIES, { perPage: 1 })),
    );
    const two = filings(
      await parsePart('two.pdf', await makeJournalPart(SAMPLE_JOURNAL_ENTRIES, { perPage: 2 })),
    );
    const essentials = (fs: Filing[]) =>
      fs.map((f) => [f.serialNumber, f.markText, f.classes[0]?.goods, f.applicants[0]?.name]);
    expect(essentials(one)).toEqual(essentials(two));
  });

  it('reports a scanned page instead of leaving a silent hole', async () => {
    const records = await parsePart(
      'scan.pdf',
      await makeJournalPart(SAMPLE_JOURNAL_ENTRIES, { perPage: 1, scannedPages: [1] }),
    );
    expect(filings(records).map((f) => f.serialNumber)).toEqual(['6712345', '6712399', '6712410']);
    const skips = records.filter((r) => r.kind === 'skip');
    expect(skips).toHaveLength(1);
    expect(skips[0]!.kind === 'skip' && skips[0]!.skip.reason).toMatch(
      /^page 2 has no text layer \(a scan; Markhound does not OCR\)/,
    );
  });
});

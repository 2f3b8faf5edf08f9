import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ParsedRecord } from '../../core/filing.ts';
import { recordBatches } from '../adapter.ts';
import { detectFormat } from '../formats.ts';
import { iposAdapter } from './adapter.ts';

const fixture = (name: string) => join(import.meta.dirname, '../../tests/fixtures/registries/ipos', name);
async function parse(name: string): Promise<ParsedRecord[]> {
  const out: ParsedRecord[] = [];
  for await (const b of recordBatches(iposAdapter, fixture(name), { sourceName: name })) out.push(...b);
  return out;
}

describe('IPOS trademarks API (data.gov.sg, constructed answer)', () => {
  it('is detected from the answer', async () => {
    expect((await detectFormat(fixture('ipos-trademarks-2026-11-20-constructed.json'))).id).toBe('ipos-api');
  });

  it('maps the items of one lodgement date and skips one without number', async () => {
    const [brew, glow, bad] = await parse('ipos-trademarks-2026-11-20-constructed.json');
    expect(brew).toMatchObject({
      kind: 'filing',
      filing: {
        office: 'IPOS',
        serialNumber: '40202612345T',
        markText: 'MERLION BREW',
        markKind: 'word',
        filingDate: '2026-11-20',
        statusCategory: 'pending',
        classes: [
          {
            niceClass: 32,
            goods: 'Beers; craft beers; non-alcoholic beverages.',
            status: 'Pending (Under Examination)',
          },
        ],
        applicants: [
          {
            name: 'LION CITY BREWING PTE. LTD.',
            country: 'SG',
            address: '1 RAFFLES PLACE, #20-01, Singapore 048616',
            entityType: 'Corporate',
          },
        ],
      },
    });
    expect(glow).toMatchObject({
      kind: 'filing',
      filing: {
        markKind: 'combined',
        publicationDate: '2026-11-27',
        statusCategory: 'published',
        markImage: { sourceName: expect.stringContaining('glowmera.tif') },
      },
    });
    expect(bad).toMatchObject({
      kind: 'skip',
      skip: { recordIndex: 3, reason: 'item 3 has no applicationNum' },
    });
  });

  it('reads a day without lodgements as no records', async () => {
    expect(await parse('ipos-trademarks-empty-constructed.json')).toEqual([]);
  });
});

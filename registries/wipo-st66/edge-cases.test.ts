import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Filing } from '../../core/filing.ts';
import { wipoSt66Adapter } from './index.ts';

// The mapping reads each element once (it runs on every record of a bulk file); this file pins the
// reading rules for fields that repeat, are blank or are missing, so a faster reader cannot drift.
const file = join(
  import.meta.dirname,
  '../../tests/fixtures/registries/wipo-st66/edge-cases-constructed.xml',
);

async function filings(): Promise<Filing[]> {
  const out: Filing[] = [];
  for await (const record of wipoSt66Adapter.parse(file, { sourceName: file })) {
    if (record.kind === 'filing') out.push(record.filing);
  }
  return out;
}

describe('wipo-st66 reading rules on repeated, blank and missing fields', () => {
  it('takes the first occurrence of a field, and a blank first occurrence is null', async () => {
    const [first] = await filings();
    expect(first).toMatchObject({
      serialNumber: 'X1', // of two ApplicationNumbers
      office: 'WIPO', // the first RegistrationOfficeCode is blank: the file names no office
      markText: null, // the first MarkVerbalElementText is blank
      filingDate: null, // 2019-02-29 is no calendar day
      statusCode: '123',
      statusText: null, // a numeric code is not wording
      markKind: 'combined', // no MarkFeature: the USPTO drawing code 3000 decides
    });
    expect(first?.extra).toMatchObject({
      expiryDate: '2029-01-02',
      markDescription: 'One',
      disclaimer: 'No claim',
    });
  });

  it('reads classes: non-Nice numbers apart, English goods text, status text before code, US classes of the first Ext', async () => {
    const [first] = await filings();
    expect(first?.classes).toEqual([
      { niceClass: 9, goods: 'eng', status: 'ACT' },
      { niceClass: 10, goods: null, status: 'ACTIVE' },
      { niceClass: 45, goods: 'de', status: null },
    ]);
    // ST.66 has one ClassNumber per ClassDescription: of two, the first counts (blank here, so class 5 is not
    // read); class 44 sits in a second ClassDescriptionDetails, which is not read either.
    expect(first?.extra.otherClasses).toEqual(['99', 'abc']);
    expect(first?.extra.usClasses).toEqual({ '9': ['021', '023'] });
  });

  it('reads applicants: free-format and person names, address fallbacks, ids of unnamed applicants after key ids', async () => {
    const [first] = await filings();
    expect(first?.applicants).toEqual([
      { name: 'Line A, Line B', country: 'IT', address: 'Via 1, Roma', entityType: null, role: 'applicant' },
      { name: 'Ana Garcia', country: 'ES', address: 'Madrid, 28001', entityType: null, role: 'OWNER' },
    ]);
    expect(first?.extra.applicantIds).toEqual(['K1', 'U1', 'K2', 'U2']);
  });

  it('reads design codes once each, priorities, publications and events', async () => {
    const [first] = await filings();
    expect(first?.designCodes).toEqual(['01.01.01', '02.02.02', '03.03.03']);
    expect(first?.priorityClaims).toEqual([
      { country: null, number: '1', date: null },
      { country: null, number: null, date: null },
    ]);
    // Part B never opens opposition; the undated-section publication of 2019-03-01 and A.2 of 2019-02-01 do.
    expect(first?.publicationDate).toBe('2019-02-01');
    expect(first?.extra.events).toEqual([
      { date: '2019-01-01', code: null, description: 'int' },
      { date: null, code: 'C', description: 'only' },
    ]);
  });

  it('gives a TradeMark without applicants the detached ApplicantDetails that follows it', async () => {
    const [, second] = await filings();
    expect(second?.serialNumber).toBe('Y1');
    expect(second?.applicants.map((a) => a.name)).toEqual(['Detached Co']);
  });
});

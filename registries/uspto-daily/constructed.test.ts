import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Filing, ParsedRecord } from '../../core/filing.ts';
import { usptoDailyAdapter } from './index.ts';

const constructed = join(
  import.meta.dirname,
  '../../tests/fixtures/registries/uspto-daily/uspto-daily-constructed.xml',
);

async function collect(path: string): Promise<ParsedRecord[]> {
  const seen: ParsedRecord[] = [];
  for await (const record of usptoDailyAdapter.parse(path, { sourceName: path })) seen.push(record);
  return seen;
}

const filings = (records: ParsedRecord[]): Filing[] =>
  records.flatMap((r) => (r.kind === 'filing' ? [r.filing] : []));

describe('uspto-daily: constructed file (every mapped field)', async () => {
  const records = await collect(constructed);
  const bySerial = new Map(filings(records).map((f) => [f.serialNumber, f]));

  it('lands four filings and skips the case-file without serial number, saying why', () => {
    expect(records).toHaveLength(5);
    expect([...bySerial.keys()]).toEqual(['97123456', '98234567', '97654321', '79398765']);
    const skip = records.find((r) => r.kind === 'skip');
    expect(skip).toEqual({
      kind: 'skip',
      skip: { recordIndex: 4, serialNumber: null, reason: expect.stringContaining('no serial-number') },
    });
  });

  it('maps a published sportswear application with two classes and an Oregon owner', () => {
    const f = bySerial.get('97123456');
    expect(f).toMatchObject({
      registrationNumber: null,
      markText: 'VOLTSTRIDE',
      markKind: 'word',
      filingDate: '2023-09-05',
      publicationDate: '2024-03-12',
      registrationDate: null,
      statusCode: '686',
      statusText: 'PUBLISHED FOR OPPOSITION',
      statusDate: '2024-03-12',
      statusCategory: 'published',
      designCodes: [],
      priorityClaims: [],
    });
    expect(f?.classes).toEqual([
      {
        niceClass: 25,
        goods:
          'Athletic footwear; running shoes; athletic apparel, namely, shirts, shorts, jackets and tights',
        status: '6',
      },
      {
        niceClass: 28,
        goods: 'Sports balls; athletic training equipment, namely, agility ladders',
        status: '6',
      },
    ]);
    expect(f?.applicants).toEqual([
      {
        name: 'Voltstride Athletics, Inc.',
        country: 'US',
        address: 'One Voltstride Way, Beaverton, OR, 97005',
        entityType: 'corporation',
        role: 'original applicant',
      },
    ]);
    expect(f?.extra).toMatchObject({
      transactionDate: '2024-03-12',
      markDrawingCode: '4000',
      filingBasis: { filed: ['1(b)'], current: ['1(b)'] },
      markTypes: ['trademark'],
      standardCharactersClaimed: true,
      foreignPriority: false,
      indicators: ['trademark', 'intent-to-use', 'intent-to-use-current', 'standard-characters-claimed'],
      attorneyName: 'Dana K. Whitfield',
      attorneyDocketNumber: 'VS-2023-017',
      lawOffice: 'L50',
      statements: [],
      previousOwners: [],
      priorRegistrations: {
        otherRelated: false,
        applications: [{ relationshipType: '1', number: '6543210' }],
      },
      foreignApplications: [],
      madrid: null,
      correspondent:
        'DANA K. WHITFIELD, WHITFIELD IP LLP, 900 SW FIFTH AVENUE, SUITE 2600, PORTLAND, OR 97204',
    });
    expect(f?.extra.events).toEqual([
      { code: 'NWAP', type: 'I', description: 'NEW APPLICATION ENTERED', date: '2023-09-08', number: '1' },
      {
        code: 'NPUB',
        type: 'E',
        description: 'OFFICIAL GAZETTE PUBLICATION CONFIRMATION E-MAILED',
        date: '2024-03-12',
        number: '9',
      },
    ]);
    expect(f?.extra.classifications).toEqual([
      {
        internationalCodes: ['025'],
        usCodes: ['022', '039'],
        statusCode: '6',
        statusDate: '2023-09-08',
        firstUseAnywhereDate: null,
        firstUseInCommerceDate: null,
        primaryCode: '025',
      },
      {
        internationalCodes: ['028'],
        usCodes: ['022'],
        statusCode: '6',
        statusDate: '2023-09-08',
        firstUseAnywhereDate: null,
        firstUseInCommerceDate: null,
        primaryCode: '028',
      },
    ]);
  });

  it('maps a 44(d) filing with its Japanese priority claim and the current owner after a transfer', () => {
    const f = bySerial.get('98234567');
    expect(f).toMatchObject({
      markText: 'KIRAMORI',
      markKind: 'word',
      filingDate: '2023-10-27',
      publicationDate: null,
      statusCode: '641',
      statusText: 'NON-FINAL ACTION - MAILED',
      statusDate: '2024-02-20',
      statusCategory: 'pending',
      classes: [
        { niceClass: 30, goods: 'Confectionery, namely, rice crackers and candies; green tea', status: '6' },
      ],
      priorityClaims: [{ country: 'JP', number: '2023-118842', date: '2023-10-20' }],
    });
    expect(f?.applicants).toEqual([
      {
        name: 'Kiramori Seika Kabushiki Kaisha',
        country: 'JP',
        address: '1-8-3 Nakanoshima, Kita-ku, Osaka, 530-0005, JP',
        entityType: 'corporation',
        role: 'new owner before publication',
      },
    ]);
    expect(f?.extra).toMatchObject({
      filingBasis: { filed: ['1(b)', '44(d)'], current: ['1(b)', '44(d)'] },
      foreignPriority: true,
      statements: [
        {
          typeCode: 'TR0000',
          text: 'The English translation of KIRAMORI in the mark is "sparkling forest".',
          label: 'translation',
        },
      ],
      previousOwners: [
        {
          name: 'Kiramori Foods Co., Ltd.',
          country: 'JP',
          address: '2-4-1 Umeda, Kita-ku, Osaka, 530-0001, JP',
          entityType: 'corporation',
          role: 'original applicant',
        },
      ],
      foreignApplications: [
        {
          country: 'JP',
          applicationNumber: '2023-118842',
          filingDate: '2023-10-20',
          registrationNumber: null,
          registrationDate: null,
          registrationExpirationDate: null,
          renewalNumber: null,
          priorityClaimed: true,
        },
      ],
    });
  });

  it('maps a registered design-only mark with design codes and an outgoing Madrid request', () => {
    const f = bySerial.get('97654321');
    expect(f).toMatchObject({
      registrationNumber: '7123456',
      markText: null,
      markKind: 'figurative',
      filingDate: '2022-10-03',
      publicationDate: '2024-04-02',
      registrationDate: '2024-06-18',
      statusCode: '700',
      statusText: 'REGISTERED',
      statusCategory: 'registered',
      designCodes: ['03.01.25', '26.01.21'],
      classes: [
        { niceClass: 9, goods: 'Downloadable mobile applications for tracking bird sightings', status: '6' },
      ],
    });
    expect(f?.applicants).toEqual([
      {
        name: 'Rivera, Marisol',
        country: 'US',
        address: '455 Oak Grove Road, Sacramento, CA, 95814',
        entityType: 'individual',
        role: 'original registrant',
      },
    ]);
    expect(f?.extra).toMatchObject({
      filingBasis: { filed: ['1(a)'], current: ['1(a)'] },
      statements: [
        {
          typeCode: 'DM0000',
          text: 'The mark consists of a stylized bird in flight inside a circle.',
          label: 'description of mark',
        },
      ],
      madrid: {
        internationalRegistration: null,
        filingRequests: [
          {
            entryNumber: '1',
            referenceNumber: 'A0123456',
            originalFilingDateUspto: '2024-07-01',
            internationalStatusCode: '100',
            internationalStatusDate: '2024-07-01',
            madridHistoryEvents: [
              {
                code: 'ACSD',
                date: '2024-07-01',
                descriptionText: 'APPLICATION FOR IR RECEIVED',
                entryNumber: '1',
              },
            ],
          },
        ],
      },
    });
    expect((f?.extra.classifications as Array<Record<string, unknown>>)[0]).toMatchObject({
      firstUseAnywhereDate: '2021-04-15',
      firstUseInCommerceDate: '2021-06-01',
      usCodes: ['021', '023', '026'],
    });
  });

  it('maps a Madrid 66(a) stylized mark from Germany with its international registration', () => {
    const f = bySerial.get('79398765');
    expect(f).toMatchObject({
      markText: 'LUMINARA',
      markKind: 'combined',
      filingDate: '2024-01-18',
      statusCode: '630',
      statusCategory: 'pending',
      classes: [{ niceClass: 3, goods: 'Cosmetics; skin care preparations', status: '6' }],
      applicants: [
        {
          name: 'Luminara Kosmetik GmbH',
          country: 'DE',
          address: 'Koenigsallee 60, Duesseldorf, 40212, DE',
          entityType: 'code 16',
          role: 'original applicant',
        },
      ],
    });
    expect(f?.extra).toMatchObject({
      filingBasis: { filed: ['66(a)'], current: ['66(a)'] },
      colorDrawing: true,
      statements: [
        {
          typeCode: 'D00000',
          text: 'No claim is made to the exclusive right to use "COSMETICS" apart from the mark as shown.',
          label: 'disclaimer',
        },
        {
          typeCode: 'CC0000',
          text: 'The color(s) gold is/are claimed as a feature of the mark.',
          label: 'colors claimed',
        },
      ],
      madrid: {
        internationalRegistration: {
          internationalRegistrationNumber: '1776543',
          internationalRegistrationDate: '2023-11-09',
          internationalPublicationDate: '2024-01-11',
          internationalRenewalDate: '2033-11-09',
          autoProtectionDate: '2025-07-18',
          internationalStatusCode: '200',
          internationalStatusDate: '2024-01-18',
          priorityClaimedIn: 'F',
          firstRefusalIn: 'F',
        },
        filingRequests: [],
      },
    });
  });
});

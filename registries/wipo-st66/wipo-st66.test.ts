import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputFormatError } from '../../core/errors.ts';
import type { Filing, ParsedRecord } from '../../core/filing.ts';
import { wipoSt66Adapter } from './index.ts';

const fixtures = join(import.meta.dirname, '../../tests/fixtures/registries/wipo-st66');
const pythonFile = join(fixtures, 'uspto-tsdr-sn76044902-ST66.xml');
const euipoFile = join(fixtures, 'euipo-style-constructed.xml');

async function collect(path: string): Promise<{ records: ParsedRecord[]; error: unknown }> {
  const records: ParsedRecord[] = [];
  try {
    for await (const record of wipoSt66Adapter.parse(path, { sourceName: path })) records.push(record);
  } catch (error) {
    return { records, error };
  }
  return { records, error: null };
}

function filings(records: ParsedRecord[]): Filing[] {
  return records.flatMap((r) => (r.kind === 'filing' ? [r.filing] : []));
}

describe('wipo-st66 adapter on the real USPTO TSDR file (serial 76044902, PYTHON)', () => {
  it('reads the identifiers, mark, dates and status', async () => {
    const { records, error } = await collect(pythonFile);
    expect(error).toBeNull();
    expect(records).toHaveLength(1);
    const [filing] = filings(records);
    expect(filing).toMatchObject({
      office: 'USPTO',
      serialNumber: '76044902',
      registrationNumber: '2824281',
      markText: 'PYTHON',
      markKind: 'word',
      filingDate: '2000-05-09',
      registrationDate: '2004-03-23',
      publicationDate: '2003-12-30',
      statusCode: '702',
      statusDate: '2010-09-08',
      statusText: 'A Sections 8 and 15 combined declaration has been accepted and acknowledged.',
      statusCategory: 'registered',
    });
  });

  it('reads the owners from the ApplicantDetails that USPTO puts beside the TradeMark', async () => {
    const [filing] = filings((await collect(pythonFile)).records);
    expect(filing?.applicants.map((a) => a.name)).toEqual([
      'PYTHON SOFTWARE FOUNDATION',
      'PYTHON SOFTWARE FOUNDATION',
      'Corporation for National Research Initiatives',
    ]);
    expect(filing?.applicants[0]).toEqual({
      name: 'PYTHON SOFTWARE FOUNDATION',
      country: 'US',
      address: 'P.O. Box 37, Wolfeboro Falls, NEW HAMPSHIRE, 038960037',
      entityType: 'CORPORATION',
      role: 'ORIGINAL REGISTRANT',
    });
  });

  it('reads both classes with their goods and the USPTO extension fields', async () => {
    const [filing] = filings((await collect(pythonFile)).records);
    expect(filing?.classes).toEqual([
      {
        niceClass: 9,
        goods:
          'Computer programs and downloadable computer programs that implement an object-oriented computer programming language',
        status: 'ACTIVE',
      },
      {
        niceClass: 42,
        goods:
          'Providing information relating to an object-oriented computer programming language and its development environment',
        status: 'ACTIVE',
      },
    ]);
    expect(filing?.extra.usClasses).toEqual({
      '9': ['021', '023', '026', '036', '038'],
      '42': ['100', '101'],
    });
    expect(filing?.extra.uspto).toMatchObject({ registerCategory: 'Principal', lawOffice: 'LAW OFFICE 116' });
  });

  it('keeps the prosecution history as events, newest first as in the file', async () => {
    const [filing] = filings((await collect(pythonFile)).records);
    const events = filing?.extra.events as Array<{ date: string; code: string; description: string }>;
    expect(events).toHaveLength(31);
    expect(events[0]).toEqual({
      date: '2010-09-08',
      code: 'C15A',
      description: 'REGISTERED - SEC. 8 (6-YR) ACCEPTED & SEC. 15 ACK.',
    });
    expect(events.find((e) => e.code === 'PUBO')).toEqual({
      date: '2003-12-30',
      code: 'PUBO',
      description: 'PUBLISHED FOR OPPOSITION',
    });
  });
});

describe('wipo-st66 adapter on a constructed EUIPO-style file with three TradeMarks', () => {
  it('lands the good records and skips the one without ApplicationNumber with a reason', async () => {
    const { records, error } = await collect(euipoFile);
    expect(error).toBeNull();
    expect(records.map((r) => r.kind)).toEqual(['filing', 'skip', 'filing']);
    const skip = records[1]?.kind === 'skip' ? records[1].skip : null;
    expect(skip?.recordIndex).toBe(2);
    expect(skip?.reason).toContain('no ApplicationNumber');
    expect(skip?.reason).toContain('018000002');
    expect(filings(records).map((f) => f.serialNumber)).toEqual(['018000001', '018000003']);
  });

  it('maps the EUIPO figurative mark: English goods text, Vienna codes, priority, part A publication', async () => {
    const [first] = filings((await collect(euipoFile)).records);
    expect(first).toMatchObject({
      office: 'EUIPO',
      markText: 'NORDLICHT KAFFEE',
      markKind: 'figurative',
      filingDate: '2019-01-02',
      publicationDate: '2019-02-14',
      statusCategory: 'registered',
      designCodes: ['01.15.15', '27.05.01'],
      markImage: { sha256: null, mimeType: null, sourceName: '018000001.jpg' },
      priorityClaims: [{ country: 'DE', number: '302018123456', date: '2018-07-10' }],
    });
    expect(first?.classes).toEqual([
      { niceClass: 30, goods: 'Coffee; tea; cocoa', status: null },
      { niceClass: 43, goods: 'Dienstleistungen von Cafés', status: null },
    ]);
    expect(first?.applicants).toEqual([
      {
        name: 'Nordlicht Rösterei GmbH',
        country: 'DE',
        address: 'Hafenstraße 12, Hamburg, 20457',
        entityType: 'Legal entity',
        role: 'applicant',
      },
    ]);
  });

  it('maps a natural-person applicant, a 3-D mark and an opposed status', async () => {
    const [, third] = filings((await collect(euipoFile)).records);
    expect(third).toMatchObject({
      markKind: 'three-dimensional',
      statusCategory: 'opposed',
      publicationDate: null,
    });
    expect(third?.applicants[0]).toMatchObject({
      name: 'Camille Durand',
      country: 'FR',
      entityType: 'Natural person',
    });
  });

  it('gives identical record hashes for the same file read twice and different ones per record', async () => {
    const a = filings((await collect(euipoFile)).records).map((f) => f.sourceRecordHash);
    const b = filings((await collect(euipoFile)).records).map((f) => f.sourceRecordHash);
    expect(a).toEqual(b);
    expect(new Set(a).size).toBe(2);
  });
});

describe('wipo-st66 adapter on bad input', () => {
  it('keeps the complete records of a truncated file, then reports the truncation', async () => {
    const text = await readFile(euipoFile, 'utf8');
    const cut = text.slice(0, text.indexOf('<MarkFeature>3-D'));
    const dir = await mkdtemp(join(tmpdir(), 'st66-'));
    const path = join(dir, 'truncated.xml');
    await writeFile(path, cut);
    const { records, error } = await collect(path);
    expect(records.map((r) => r.kind)).toEqual(['filing', 'skip']);
    expect(error).toBeInstanceOf(InputFormatError);
    expect((error as Error).message).toMatch(/truncated/);
  });

  it('skips a record over the size limit with a reason and keeps the order of the others', async () => {
    const records: ParsedRecord[] = [];
    for await (const record of wipoSt66Adapter.parse(euipoFile, {
      sourceName: 'euipo.xml',
      xmlLimits: { maxRecordElements: 40 },
    })) {
      records.push(record);
    }
    expect(
      records.map((r) => (r.kind === 'skip' ? `skip ${r.skip.recordIndex}` : r.filing.serialNumber)),
    ).toEqual(['skip 1', 'skip 2', '018000003']);
    expect(records[0]?.kind === 'skip' && records[0].skip.reason).toMatch(/too large.*more than 40 elements/);
  });

  it('refuses a file that declares DTD entities without expanding them', async () => {
    const { records, error } = await collect(join(fixtures, 'hostile-dtd.xml'));
    expect(records).toEqual([]);
    expect(error).toBeInstanceOf(InputFormatError);
    expect((error as Error).message).toMatch(/DTD entities/);
  });

  it('refuses another format, naming the root element it found', async () => {
    const { error } = await collect(
      join(import.meta.dirname, '../../tests/fixtures/registries/wipo-st96/uspto-tsdr-sn76044902-ST96.xml'),
    );
    expect(error).toBeInstanceOf(InputFormatError);
    expect((error as Error).message).toContain('<TrademarkTransaction>');
    expect((error as Error).message).toContain('wipo-st96');
  });

  it('refuses a USPTO daily file, naming its root element', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'st66-'));
    const path = join(dir, 'daily.xml');
    await writeFile(
      path,
      '<?xml version="1.0"?><trademark-applications-daily><case-file/></trademark-applications-daily>',
    );
    const { error } = await collect(path);
    expect(error).toBeInstanceOf(InputFormatError);
    expect((error as Error).message).toContain('root element is <trademark-applications-daily>');
  });

  it('detects ST.66 heads and not ST.96 or USPTO daily heads', async () => {
    const head = (await readFile(pythonFile)).subarray(0, 8192).toString('latin1');
    expect(wipoSt66Adapter.detect(head)).toBe(true);
    const st96 = (await readFile(join(fixtures, '../wipo-st96/uspto-tsdr-rn2178784-ST-961_D3.xml')))
      .subarray(0, 8192)
      .toString('latin1');
    expect(wipoSt66Adapter.detect(st96)).toBe(false);
    expect(wipoSt66Adapter.detect('<?xml version="1.0"?><trademark-applications-daily>')).toBe(false);
  });
});

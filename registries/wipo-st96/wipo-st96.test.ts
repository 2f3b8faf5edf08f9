import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputFormatError } from '../../core/errors.ts';
import type { Filing, ParsedRecord } from '../../core/filing.ts';
import type { RegistryAdapter } from '../adapter.ts';
import { wipoSt66Adapter } from '../wipo-st66/index.ts';
import { wipoSt96Adapter } from './index.ts';

const fixtures = join(import.meta.dirname, '../../tests/fixtures/registries');
const pythonSt96 = join(fixtures, 'wipo-st96/uspto-tsdr-sn76044902-ST96.xml');
const javaDraft = join(fixtures, 'wipo-st96/uspto-tsdr-rn2178784-ST-961_D3.xml');
const constructed = join(fixtures, 'wipo-st96/st96-constructed.xml');
const pythonSt66 = join(fixtures, 'wipo-st66/uspto-tsdr-sn76044902-ST66.xml');

async function collect(
  path: string,
  adapter: RegistryAdapter = wipoSt96Adapter,
): Promise<{ records: ParsedRecord[]; error: unknown }> {
  const records: ParsedRecord[] = [];
  try {
    for await (const record of adapter.parse(path, { sourceName: path })) records.push(record);
  } catch (error) {
    return { records, error };
  }
  return { records, error: null };
}

async function onlyFiling(path: string, adapter: RegistryAdapter = wipoSt96Adapter): Promise<Filing> {
  const { records, error } = await collect(path, adapter);
  expect(error).toBeNull();
  expect(records).toHaveLength(1);
  if (records[0]?.kind !== 'filing') throw new Error(`expected a filing in ${path}`);
  return records[0].filing;
}

describe('wipo-st96 adapter on the real ST.96 2.x file (serial 76044902, PYTHON)', () => {
  it('reads identifiers, mark, calendar dates (not shifted to UTC) and status', async () => {
    const filing = await onlyFiling(pythonSt96);
    expect(filing).toMatchObject({
      office: 'USPTO',
      serialNumber: '76044902',
      registrationNumber: '2824281',
      markText: 'PYTHON',
      markKind: 'word',
      filingDate: '2000-05-09',
      registrationDate: '2004-03-23',
      publicationDate: '2003-12-30',
      statusCode: '800',
      statusDate: '2014-02-10',
      statusText: 'The registration has been renewed.',
      statusCategory: 'registered',
      markImage: { sha256: null, mimeType: null, sourceName: '76044902.png' },
    });
    expect(filing.extra).toMatchObject({
      st96Version: 'st96',
      markCategories: ['Trademark', 'Service mark'],
    });
    expect((filing.extra.uspto as Record<string, unknown>).renewalDate).toBe('2014-03-23');
  });

  it('reads classes with goods and status, and the owners with their roles', async () => {
    const filing = await onlyFiling(pythonSt96);
    expect(filing.classes.map((c) => [c.niceClass, c.status])).toEqual([
      [9, 'ACTIVE'],
      [42, 'ACTIVE'],
    ]);
    expect(filing.classes[1]?.goods).toBe(
      'Providing information relating to an object-oriented computer programming language and its development environment',
    );
    expect(filing.applicants.map((a) => a.role)).toEqual([
      'ORIGINAL REGISTRANT',
      'OWNER AT PUBLICATION',
      'ORIGINAL APPLICANT',
    ]);
    expect(filing.applicants[2]).toEqual({
      name: 'Corporation for National Research Initiatives',
      country: 'US',
      address: '1895 Preston White Drive, Reston, VIRGINIA, 20191',
      entityType: 'CORPORATION',
      role: 'ORIGINAL APPLICANT',
    });
    const events = filing.extra.events as Array<{ date: string; code: string }>;
    expect(events).toHaveLength(37);
    expect(events[0]).toMatchObject({ date: '2014-02-10', code: 'NA89E' });
  });
});

describe('wipo-st96 adapter on the real ST.96 1.0 draft 3 file (reg. 2178784, JAVA)', () => {
  it('reads the obsolete draft namespace and its differently named fields', async () => {
    const filing = await onlyFiling(javaDraft);
    expect(filing).toMatchObject({
      office: 'USPTO',
      serialNumber: '74631225',
      registrationNumber: '2178784',
      markText: 'JAVA',
      markKind: 'word',
      filingDate: '1995-02-07',
      registrationDate: '1998-08-04',
      publicationDate: '1996-10-08',
      statusCode: '800',
      statusDate: '2008-08-11',
      statusCategory: 'registered',
      // The draft writes "No image available" where a file name belongs.
      markImage: null,
    });
    expect(filing.extra).toMatchObject({
      st96Version: '1.0-draft',
      markFeature: 'TYPESET WORD(S) /LETTER(S) /NUMBER(S)',
    });
    expect(filing.extra.usClasses).toEqual({ '9': ['021', '023', '026', '036', '038'] });
    expect(filing.classes).toHaveLength(1);
    expect(filing.classes[0]?.goods).toMatch(
      /^computer programs for use in developing and executing other computer programs/,
    );
    expect(filing.applicants.map((a) => a.name)).toEqual([
      'Oracle America, Inc.',
      'Sun Microsystems, Inc.',
      'Sun Microsystems, Inc.',
      'Sun Microsystems, Inc.',
    ]);
    expect(filing.applicants[0]?.role).toBe('SUBSEQUENT OWNER AFTER REGISTRATION');
  });
});

describe('ST.66 and ST.96 downloads of serial 76044902 agree', () => {
  it('give the same office, numbers, mark, dates, classes and applicant names', async () => {
    const st66 = await onlyFiling(pythonSt66, wipoSt66Adapter);
    const st96 = await onlyFiling(pythonSt96);
    const comparable = (f: Filing) => ({
      office: f.office,
      serialNumber: f.serialNumber,
      registrationNumber: f.registrationNumber,
      markText: f.markText,
      markKind: f.markKind,
      filingDate: f.filingDate,
      registrationDate: f.registrationDate,
      publicationDate: f.publicationDate,
      classes: f.classes,
      applicantNames: f.applicants.map((a) => a.name),
      applicantAddresses: f.applicants.map((a) => a.address),
      usClasses: f.extra.usClasses,
    });
    expect(comparable(st96)).toEqual(comparable(st66));
  });
});

describe('wipo-st96 adapter on a constructed file and bad input', () => {
  it('lands good records, skips the one without ApplicationNumber and reads EUIPO/WIPO-style fields', async () => {
    const { records, error } = await collect(constructed);
    expect(error).toBeNull();
    expect(records.map((r) => r.kind)).toEqual(['filing', 'skip', 'filing']);
    expect(records[1]?.kind === 'skip' && records[1].skip.reason).toContain('018500002');
    const [first, third] = records.flatMap((r) => (r.kind === 'filing' ? [r.filing] : []));
    expect(first).toMatchObject({
      office: 'EUIPO',
      markKind: 'combined',
      filingDate: '2021-03-01',
      publicationDate: '2021-04-15',
      statusCategory: 'published',
      designCodes: ['01.03.01'],
      classes: [{ niceClass: 12, goods: 'Bicycles', status: null }],
      priorityClaims: [{ country: 'IT', number: '302020000123', date: '2020-10-01' }],
      applicants: [
        {
          name: 'Giulia Rossi',
          country: 'IT',
          address: 'Via Roma 1, Milano, 20121',
          entityType: null,
          role: 'applicant',
        },
      ],
    });
    expect(third).toMatchObject({ office: 'WIPO', markKind: 'sound', statusCategory: 'dead' });
  });

  it('keeps complete records of a truncated file and reports the cut', async () => {
    const text = await readFile(constructed, 'utf8');
    const dir = await mkdtemp(join(tmpdir(), 'st96-'));
    const path = join(dir, 'truncated.xml');
    await writeFile(path, text.slice(0, text.indexOf('<tmk:MarkFeatureCategory>Sound')));
    const { records, error } = await collect(path);
    expect(records.map((r) => r.kind)).toEqual(['filing', 'skip']);
    expect(error).toBeInstanceOf(InputFormatError);
    expect((error as Error).message).toMatch(/truncated/);
  });

  it('refuses an external entity without reading it', async () => {
    const { records, error } = await collect(join(fixtures, 'wipo-st96/hostile-dtd.xml'));
    expect(records).toEqual([]);
    expect(error).toBeInstanceOf(InputFormatError);
    expect((error as Error).message).toMatch(/DTD entities/);
  });

  it('refuses an ST.66 file, naming its root element and the adapter to use', async () => {
    const { error } = await collect(pythonSt66);
    expect(error).toBeInstanceOf(InputFormatError);
    expect((error as Error).message).toContain('<Transaction>');
    expect((error as Error).message).toContain('wipo-st66');
  });

  it('detects both ST.96 versions by their head and not ST.66', async () => {
    const head = async (path: string) => (await readFile(path)).subarray(0, 8192).toString('latin1');
    expect(wipoSt96Adapter.detect(await head(pythonSt96))).toBe(true);
    expect(wipoSt96Adapter.detect(await head(javaDraft))).toBe(true);
    expect(wipoSt96Adapter.detect(await head(pythonSt66))).toBe(false);
  });
});

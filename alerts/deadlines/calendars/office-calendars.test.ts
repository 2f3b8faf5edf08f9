import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OFFICE_CODES } from '../offices.ts';
import { CALENDAR_SPECS, libraryOnlyCalendar, officeCalendar } from './index.ts';

interface PublishedDate {
  office: (typeof OFFICE_CODES)[number];
  date: string;
  name: string;
  evidence: 'office' | 'government' | 'statute' | 'secondary';
  source: { citation: string; url: string | null };
  check: 'library' | 'calendar';
}
const fixture = JSON.parse(
  readFileSync(
    new URL('../../../tests/fixtures/office-calendars/published-dates.json', import.meta.url),
    'utf8',
  ),
) as { dates: PublishedDate[]; not_verified: Record<string, string> };

describe('each office calendar against dates the office or its government publishes', () => {
  it.each(fixture.dates.map((d) => [`${d.office} ${d.date} ${d.name} (${d.evidence})`, d] as const))(
    '%s',
    (_label, published) => {
      const calendar =
        published.check === 'library'
          ? libraryOnlyCalendar(published.office)
          : officeCalendar(published.office);
      const closure = calendar.closure(published.date);
      expect(closure, `${published.source.citation}`).not.toBeNull();
      expect(closure!.reason).not.toBe('weekend');
    },
  );

  it('covers 2026 and 2027 for every office with a checked date, or says why not', () => {
    for (const office of OFFICE_CODES) {
      const years = new Set(fixture.dates.filter((d) => d.office === office).map((d) => d.date.slice(0, 4)));
      const known = years.has('2026') && years.has('2027');
      const explained = Object.keys(fixture.not_verified).some((key) => key.startsWith(office));
      expect(known || explained, office).toBe(true);
      // An office whose closures were not verified says so in its calendar.
      if (!known && office !== 'WIPO' && office !== 'IPINDIA')
        expect(CALENDAR_SPECS[office].officeList, office).toMatch(/NOT LOADED/);
    }
  });
});

describe('what the library alone gets wrong, and the office calendar puts right', () => {
  it('CNIPA 2026: the State Council bridging days close the office and its make-up Saturdays open it', () => {
    const library = libraryOnlyCalendar('CNIPA');
    const cnipa = officeCalendar('CNIPA');
    expect(library.closure('2026-02-20')).toBeNull(); // the library knows three Spring Festival days only
    expect(cnipa.closure('2026-02-20')).toMatchObject({ reason: 'office-closure', name: '春节' });
    expect(cnipa.closure('2026-02-14')).toBeNull(); // Saturday, a working day (调休)
    expect(cnipa.closure('2026-03-08')?.reason).toBe('weekend'); // Women's Day is not an office closure
    expect(library.closure('2026-06-01')).toBeNull(); // Children's Day: excluded
  });

  it('KIPO: Seollal starts the day before the lunar New Year (the library starts it on the day)', () => {
    const kipo = libraryOnlyCalendar('KIPO');
    expect(kipo.closure('2026-02-16')?.name).toBe('설날');
    expect(kipo.closure('2026-02-19')).toBeNull();
    expect(officeCalendar('KIPO').closure('2026-06-03')?.name).toBe('전국동시지방선거'); // from the almanac only
  });

  it('MYIPO: a Sunday holiday gives one replacement day; two on the same Sunday still give one', () => {
    const myipo = libraryOnlyCalendar('MYIPO');
    expect(myipo.closure('2026-02-02')?.name).toMatch(
      /replacement for Hari Wilayah Persekutuan \/ Hari Thaipusam/,
    );
    expect(myipo.closure('2026-02-03')).toBeNull();
    expect(myipo.closure('2026-11-10')).toBeNull(); // Deepavali already continues on Monday 9 November
  });

  it('AE-MOE: Isra and Mi\u2019raj and the first of Ramadan are working days; the weekend moved in 2022', () => {
    const ae = officeCalendar('AE-MOE');
    expect(ae.closure('2026-01-16')).toBeNull(); // Friday, Isra and Mi'raj in the library
    expect(ae.closure('2026-02-18')).toBeNull(); // first of Ramadan in the library
    expect(ae.closure('2021-12-31')?.reason).toBe('weekend'); // Friday, old weekend
    expect(ae.closure('2022-01-07')).toBeNull(); // Friday, new weekend is Saturday-Sunday
  });

  it('SAIP closes Friday and Saturday and opens Sunday', () => {
    const saip = officeCalendar('SAIP');
    expect(saip.closure('2026-07-03')).toMatchObject({ reason: 'weekend', name: 'Friday' });
    expect(saip.closure('2026-07-04')).toMatchObject({ reason: 'weekend', name: 'Saturday' });
    expect(saip.closure('2026-07-05')).toBeNull();
  });

  it('WIPO: the IB stays open on 1 August; its published 2017 and 2019 lists replace the library', () => {
    expect(libraryOnlyCalendar('WIPO').closure('2019-08-01')).toBeNull();
    expect(officeCalendar('WIPO').closure('2017-12-29')?.reason).toBe('office-closure'); // bridging day
    expect(officeCalendar('WIPO').coverage(2019)).toBe('office-list');
    expect(officeCalendar('WIPO').coverage(2026)).toBe('library');
  });

  it('CIPO: the 2022 state-funeral closure comes from the ad hoc closures table with its source', () => {
    expect(officeCalendar('CIPO').closure('2022-09-19')).toMatchObject({
      reason: 'ad-hoc-closure',
      source: { url: expect.stringContaining('canadian-intellectual-property-office') },
    });
  });

  it('INPI-BR: Ash Wednesday closes only until 14:00, so the office is open that day', () => {
    expect(officeCalendar('INPI-BR').closure('2026-02-18')).toBeNull();
    expect(officeCalendar('INPI-BR').closure('2026-02-17')?.name).toBe('Carnaval');
  });
});

import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../core/index.ts';
import { computeDeadlines } from './compute-deadlines.ts';
import type { Deadline } from './deadline.ts';
import { UnknownOfficeError } from './offices.ts';

function byKind(deadlines: Deadline[]): Record<string, Deadline> {
  return Object.fromEntries(deadlines.map((d) => [d.kind, d]));
}

describe('priority (Paris Convention Art. 4C)', () => {
  it('TMEP 310: first filing on Aug 31 -> priority ends on Feb 28, not moved for the later office', () => {
    const [priority] = computeDeadlines({ office: 'USPTO', filedOn: '2025-08-31' });
    expect(priority?.kind).toBe('priority');
    expect(priority?.date).toBe('2026-02-28'); // a Saturday: Art. 4C(3) depends on the office of the later filing
    expect(priority?.flags).toEqual(['not-rolled']);
    expect(priority?.verified).toBe(true);
    expect(priority?.sources[0]?.citation).toMatch(/^Paris Convention Art. 4C/);
  });
});

describe('USPTO registration maintenance', () => {
  const deadlines = byKind(computeDeadlines({ office: 'USPTO', registeredOn: '2021-03-15' }));

  it('Section 8 declaration window: 5th to 6th year after registration', () => {
    expect(deadlines['declaration-of-use-window-start']?.date).toBe('2026-03-15');
    expect(deadlines['declaration-of-use-window-end']?.date).toBe('2027-03-15');
  });

  it('Section 8 can still be filed in the 6-month grace after the 6th year', () => {
    expect(deadlines['declaration-of-use-grace-end']?.date).toBe('2027-09-15');
  });

  it('Sections 8+9 can be filed in the year before the 10-year anniversary', () => {
    expect(deadlines['renewal-window-start']?.date).toBe('2030-03-15');
  });

  it('renewal 10 years from registration (15 U.S.C. 1059(a)); Saturday 2031-03-15 rolls to Monday', () => {
    expect(deadlines.renewal?.unadjustedDate).toBe('2031-03-15');
    expect(deadlines.renewal?.date).toBe('2031-03-17');
    expect(deadlines.renewal?.triggeredBy).toEqual({ event: 'registered', date: '2021-03-15' });
  });

  it('grace ends 6 months after the real term end, not after the rolled day', () => {
    expect(deadlines['renewal-grace-end']?.date).toBe('2031-09-15');
  });

  it('non-use: vulnerable 3 years after registration, flagged as backed by a secondary source only', () => {
    expect(deadlines['non-use-vulnerable-from']?.date).toBe('2024-03-15');
    expect(deadlines['non-use-vulnerable-from']?.flags).toEqual(['secondary-source']);
  });

  it('a 29 February registration renews on 28 February ten years on', () => {
    const leap = byKind(computeDeadlines({ office: 'USPTO', registeredOn: '2024-02-29' }));
    expect(leap.renewal?.date).toBe('2034-02-28');
    expect(leap['renewal-grace-end']?.date).toBe('2034-08-28');
  });

  it('lists deadlines earliest first', () => {
    const dates = computeDeadlines({
      office: 'USPTO',
      registeredOn: '2021-03-15',
      filedOn: '2019-01-10',
      publishedOn: '2020-06-02',
    }).map((d) => d.date);
    expect(dates).toEqual([...dates].sort());
  });
});

describe('renewal rules that differ by office', () => {
  it('EUIPO counts the term from the filing date (EUTMR Art. 53(3))', () => {
    const renewal = byKind(
      computeDeadlines({ office: 'EUIPO', filedOn: '2016-05-04', registeredOn: '2016-09-01' }),
    ).renewal;
    expect(renewal?.triggeredBy.event).toBe('filed');
    expect(renewal?.date).toBe('2026-05-04');
  });

  it('CNIPA: validity ends the day before the anniversary, not moved for holidays (Implementing Regs Art. 12)', () => {
    const cn = byKind(computeDeadlines({ office: 'CNIPA', registeredOn: '2016-03-14' }));
    expect(cn.renewal?.date).toBe('2026-03-13');
    expect(cn.renewal?.flags).toContain('not-rolled');
    expect(cn['renewal-window-start']?.date).toBe('2025-03-13'); // Art. 40: within 12 months before expiry
    // The 6-month extension is a period in months, so it rolls: Sunday 2026-09-13 -> Monday.
    expect(cn['renewal-grace-end']?.date).toBe('2026-09-14');
  });

  it('CNIPA: a 29 February start ends on the last day of February', () => {
    expect(byKind(computeDeadlines({ office: 'CNIPA', registeredOn: '2016-02-29' })).renewal?.date).toBe(
      '2026-02-28',
    );
  });

  it("SAIP: Hijri term flagged, only the rules' Gregorian approximation (9 years 8 months), no grace date", () => {
    const saip = computeDeadlines({ office: 'SA', filedOn: '2020-01-15' });
    const renewal = byKind(saip).renewal;
    expect(renewal?.date).toBe('2029-09-15');
    expect(renewal?.flags).toEqual(expect.arrayContaining(['hijri', 'approximate']));
    expect(renewal?.verified).toBe(false);
    expect(saip.some((d) => d.kind === 'renewal-grace-end')).toBe(false);
  });

  it('an office whose term anchor is not in the rules is computed but flagged as an assumption (IMPI)', () => {
    const renewal = byKind(computeDeadlines({ office: 'MX', registeredOn: '2019-05-10' })).renewal;
    expect(renewal?.date).toBe('2029-05-10');
    expect(renewal?.flags).toContain('assumed-anchor');
    expect(renewal?.verified).toBe(false);
  });

  it('IMPI declaration of use: 3rd anniversary + 3 months, only for marks granted from 10 Aug 2018', () => {
    const mx = byKind(computeDeadlines({ office: 'IMPI', registeredOn: '2019-05-10' }));
    expect(mx['declaration-of-use-window-start']?.date).toBe('2022-05-10');
    expect(mx['declaration-of-use-window-end']?.date).toBe('2022-08-10');
    const older = computeDeadlines({ office: 'IMPI', registeredOn: '2018-08-09' });
    expect(older.some((d) => d.kind.startsWith('declaration-of-use'))).toBe(false);
  });

  it('IP India: non-use removal possible 5 years and 3 months after registration (s.47(1)(b))', () => {
    expect(
      byKind(computeDeadlines({ office: 'IPINDIA', registeredOn: '2020-01-31' }))['non-use-vulnerable-from']
        ?.date,
    ).toBe('2025-04-30');
  });
});

describe('bad input', () => {
  it('an unknown office is a typed error that lists the known codes', () => {
    const error = (() => {
      try {
        computeDeadlines({ office: 'XYZ', publishedOn: '2026-01-07' });
      } catch (caught) {
        return caught;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(UnknownOfficeError);
    expect((error as UnknownOfficeError).code).toBe('unknown_office');
    expect((error as UnknownOfficeError).message).toMatch(/"XYZ".*USPTO.*INPI-BR/);
  });

  it('a bad date or a bad holiday names the field and the value', () => {
    expect(() => computeDeadlines({ office: 'USPTO', publishedOn: '2026-02-30' })).toThrow(ValidationError);
    expect(() =>
      computeDeadlines({ office: 'USPTO', publishedOn: '2026-01-06', holidays: { USPTO: ['24/12/2026'] } }),
    ).toThrow(/holidays.USPTO "24\/12\/2026"/);
  });
});

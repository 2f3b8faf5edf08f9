import { describe, expect, it } from 'vitest';
import { computeDeadlines, oppositionDeadline } from './compute-deadlines.ts';
import { deadlineReport } from './deadline-report.ts';
import { OFFICE_CODES } from './offices.ts';

/**
 * One real holiday per office of the rule table: the opposition period (or, where the office has
 * none, another last day) ends on it. Rolling offices move past it and name it; offices whose rule
 * is not sourced keep the date and name the closed days; IP India keeps it by its sourced caution.
 */
const CASES = [
  // office, publication, counted last day, expected date, first closed day's name, how
  ['USPTO', '2025-12-20', '2026-01-19', '2026-01-20', 'Martin Luther King Jr. Day', 'rolled'],
  ['EUIPO', '2025-12-19', '2026-03-19', '2026-03-20', 'San José', 'rolled'],
  ['UKIPO', '2026-02-03', '2026-04-03', '2026-04-07', 'Good Friday', 'rolled'],
  ['CNIPA', '2026-01-06', '2026-04-06', '2026-04-07', '清明节', 'rolled'],
  ['JPO', '2025-12-23', '2026-02-23', '2026-02-24', '天皇誕生日', 'rolled'],
  ['KIPO', '2025-12-16', '2026-02-16', '2026-02-16', '설날 전날', 'kept'],
  ['DJKI', '2025-12-16', '2026-02-16', '2026-02-16', 'Cuti bersama Tahun Baru Imlek', 'kept'],
  ['INPI-BR', '2026-02-02', '2026-04-03', '2026-04-06', 'Sexta-Feira Santa', 'rolled'],
  ['IMPI', '2026-01-02', '2026-02-02', '2026-02-02', 'Día de la Constitución', 'kept'],
  ['IPINDIA', '2026-06-02', '2026-10-02', '2026-10-02', 'Gandhi Jayanti', 'no-roll'],
  ['IPOS', '2025-12-17', '2026-02-17', '2026-02-19', 'Chinese New Year', 'rolled'],
  ['MYIPO', '2025-12-17', '2026-02-17', '2026-02-17', 'Tahun Baru Cina', 'kept'],
  ['IPOPHL', '2026-02-18', '2026-03-20', '2026-03-23', 'End of Ramadan (Eid al-Fitr)', 'rolled'],
  ['DIP', '2026-01-02', '2026-03-03', '2026-03-03', 'Makha Bucha', 'kept'],
  ['SAIP', '2025-12-24', '2026-02-22', '2026-02-22', 'يوم التأسيس', 'kept'],
  ['AE-MOE', '2026-11-01', '2026-12-01', '2026-12-01', 'Commemoration Day', 'kept'],
  ['IPAUSTRALIA', '2026-01-09', '2026-03-09', '2026-03-10', 'Canberra Day', 'rolled'],
  ['CIPO', '2026-02-03', '2026-04-03', '2026-04-06', 'Good Friday', 'rolled'],
  ['TURKPATENT', '2026-01-20', '2026-03-20', '2026-03-20', 'Ramazan Bayramı', 'kept'],
] as const;

describe('opposition deadlines over a real holiday at every office with an opposition period', () => {
  it.each(CASES)(
    '%s: published %s, counted %s -> %s (%s)',
    (office, published, counted, expected, holiday, how) => {
      const deadline = oppositionDeadline(office, published)!;
      expect(deadline.unadjustedDate).toBe(counted);
      expect(deadline.date).toBe(expected);
      expect(deadline.closedDays?.[0]).toMatchObject({ date: counted, name: holiday });
      expect(deadline.closedDays?.[0]?.calendar).toBeTruthy();
      if (how === 'rolled') {
        expect(deadline.flags).toContain('rolled-forward');
        expect(deadline.notes).toContain(`-> rolled to ${expected}`);
        expect(deadline.notes).toContain(`${counted} ${holiday}`);
      } else if (how === 'kept') {
        expect(deadline.flags).toContain('office-closed-not-rolled');
        expect(deadline.verified).toBe(false);
        expect(deadline.notes).toMatch(/next open day is \d{4}-\d{2}-\d{2}/);
      } else {
        expect(deadline.flags).toContain('no-holiday-roll');
      }
    },
  );

  it('covers every office of the rule table (NOIP and WIPO below: they have no opposition period)', () => {
    expect(new Set([...CASES.map((c) => c[0]), 'NOIP', 'WIPO'])).toEqual(new Set(OFFICE_CODES));
  });

  it('NOIP: a renewal ending on National Day (2 September) is kept and the holiday named', () => {
    const renewal = computeDeadlines({ office: 'VN', filedOn: '2016-09-02' }).find(
      (d) => d.kind === 'renewal',
    )!;
    expect(renewal.date).toBe('2026-09-02');
    expect(renewal.closedDays?.[0]).toMatchObject({ date: '2026-09-02', name: 'Quốc khánh' });
    expect(renewal.flags).toContain('office-closed-not-rolled');
  });

  it('WIPO: no opposition or renewal period in the rule table, so only its calendar is checked (calendars test)', () => {
    const report = deadlineReport({ office: 'WIPO', publishedOn: '2026-04-03', registeredOn: '2026-04-03' });
    expect(report.deadlines).toEqual([]);
    expect(report.notKnown.map((n) => n.kind)).toEqual(['opposition', 'renewal', 'non-use-vulnerable-from']);
  });

  it('says which days moved a deadline, in the issue\u2019s words: Christmas, the weekend, Boxing Day substitute', () => {
    const deadline = oppositionDeadline('UKIPO', '2026-10-25')!;
    expect(deadline.date).toBe('2026-12-29');
    expect(deadline.notes).toContain(
      '2026-12-25 Christmas Day (GB-WLS public holiday, date-holidays 3.37.0), 2026-12-26 Saturday (Saturday-Sunday weekend)',
    );
    expect(deadline.notes).toContain('-> rolled to 2026-12-29 (TMA 1994 s.80 excluded days)');
    expect(deadline.sources.map((s) => s.citation)).toContain(
      'date-holidays 3.37.0 data for GB-WLS (CC BY 3.0)',
    );
  });
});

describe('priority deadlines per target office (Paris Art. 4C(3))', () => {
  const targets = ['GB', 'EM', 'BR', 'AU', 'KR', 'JP', 'SA'];
  const deadlines = computeDeadlines({ office: 'USPTO', filedOn: '2026-06-25', targetOffices: targets });
  const at = (office: string) => deadlines.find((d) => d.kind === 'priority' && d.office === office)!;

  it('gives one priority deadline per target, each rolled past that office\u2019s closed days', () => {
    expect(deadlines.filter((d) => d.kind === 'priority').map((d) => [d.office, d.date])).toEqual([
      ['JPO', '2026-12-25'], // Christmas is a working day in Japan
      ['SAIP', '2026-12-27'], // Friday and Saturday are the weekend in Saudi Arabia
      ['EUIPO', '2026-12-28'],
      ['INPI-BR', '2026-12-28'],
      ['KIPO', '2026-12-28'],
      ['UKIPO', '2026-12-29'], // Boxing Day substitute on Monday 28th
      ['IPAUSTRALIA', '2026-12-29'],
    ]);
    for (const office of ['EUIPO', 'INPI-BR', 'KIPO', 'UKIPO', 'IPAUSTRALIA', 'SAIP'])
      expect(at(office).unadjustedDate).toBe('2026-12-25');
  });

  it('names the first filing and the treaty, and the target\u2019s closed days with their calendars', () => {
    const kipo = at('KIPO');
    expect(kipo.firstFiling).toEqual({ office: 'USPTO', filedOn: '2026-06-25' });
    expect(kipo.rule).toMatch(
      /first filing at USPTO on 2026-06-25, to file at KIPO.*Paris Convention Art. 4C\(1\)-\(3\)/,
    );
    expect(kipo.closedDays?.map((d) => d.name)).toEqual(['기독탄신일', 'Saturday', 'Sunday']);
    expect(kipo.flags).not.toContain('unverified-holiday-rule'); // the treaty is the rule, at any office
  });

  it('rolls at offices whose own weekend rule is not sourced, on a Friday-Saturday weekend', () => {
    const saip = at('SAIP');
    expect(saip.closedDays?.map((d) => [d.date, d.name])).toEqual([
      ['2026-12-25', 'Friday'],
      ['2026-12-26', 'Saturday'],
    ]);
    // A Sunday is a working day at SAIP: 2026-01-05 + 6 months is kept.
    const sunday = computeDeadlines({ office: 'US', filedOn: '2026-01-05', targetOffices: ['SA'] })[0]!;
    expect([sunday.date, sunday.flags]).toEqual(['2026-07-05', []]);
  });

  it('without a target the priority date stays unmoved and says why', () => {
    const [priority] = computeDeadlines({ office: 'USPTO', filedOn: '2026-06-25' });
    expect(priority).toMatchObject({ date: '2026-12-25', flags: ['not-rolled'] });
    expect(priority?.notes).toMatch(/--target-office/);
  });

  it('refuses WIPO as a target and a target without a filing date', () => {
    expect(() => computeDeadlines({ office: 'US', filedOn: '2026-06-25', targetOffices: ['WO'] })).toThrow(
      /office of origin/,
    );
    expect(() =>
      computeDeadlines({ office: 'US', publishedOn: '2026-06-25', targetOffices: ['BR'] }),
    ).toThrow(/filedOn/);
  });
});

describe('renewal bases', () => {
  it('UKIPO: the date of registration is the filing date (TMA 1994 s.40(3)), so --registered gives the renewal', () => {
    const fromRegistration = computeDeadlines({ office: 'UKIPO', registeredOn: '2016-12-25' });
    const fromFiling = computeDeadlines({ office: 'UKIPO', filedOn: '2016-12-25' });
    const renewal = fromRegistration.find((d) => d.kind === 'renewal')!;
    expect(renewal.date).toBe(fromFiling.find((d) => d.kind === 'renewal')!.date);
    expect(renewal).toMatchObject({ unadjustedDate: '2026-12-25', date: '2026-12-29' });
    expect(renewal.notes).toMatch(/s\.40\(3\)/);
    expect(renewal.sources.map((s) => s.citation).join(' ')).toMatch(/s\.40\(3\)/);
    expect(fromRegistration.find((d) => d.kind === 'renewal-grace-end')?.unadjustedDate).toBe('2027-06-25');
  });

  it('EUIPO counts from filing and its registration date differs: --registered alone says what is missing', () => {
    const report = deadlineReport({ office: 'EUIPO', registeredOn: '2020-05-04' });
    expect(report.deadlines.map((d) => d.kind)).toEqual(['non-use-vulnerable-from']);
    expect(report.notKnown).toContainEqual({
      kind: 'renewal',
      office: 'EUIPO',
      reason: expect.stringMatching(/counts the term from the filing date.*give the filing date/),
    });
  });

  it('JPO: the end of the term is not moved for a holiday (INPIT FAQ note 1)', () => {
    const renewal = computeDeadlines({ office: 'JPO', registeredOn: '2016-02-23' }).find(
      (d) => d.kind === 'renewal',
    )!;
    expect(renewal.date).toBe('2026-02-23');
    expect(renewal.flags).toContain('not-rolled');
  });
});

describe('offices with no rule for what was asked', () => {
  it('NOIP: no opposition period, and the report says why instead of an empty list', () => {
    const report = deadlineReport({ office: 'VN', publishedOn: '2026-11-03' });
    expect(report.deadlines).toEqual([]);
    expect(report.notKnown).toEqual([
      {
        kind: 'opposition',
        office: 'NOIP',
        reason: expect.stringMatching(/no fixed opposition period.*until the grant decision/),
      },
    ]);
    expect(report.calendars[0]).toMatchObject({
      office: 'NOIP',
      seat: 'Hanoi',
      weekend: 'Saturday and Sunday',
    });
  });
});

import { describe, expect, it } from 'vitest';
import { computeDeadlines, oppositionDeadline } from './compute-deadlines.ts';

function opposition(office: string, publishedOn: string, holidays?: Record<string, string[]>) {
  const deadline = oppositionDeadline(office, publishedOn, holidays);
  if (!deadline) throw new Error(`no opposition deadline for ${office}`);
  return deadline;
}

describe('USPTO opposition: 30 days, 15 U.S.C. 1063(a); weekend roll by 37 CFR 2.196', () => {
  it('a period ending on a weekday is not moved (Tuesday OG 2026-06-02 -> Thursday 2026-07-02)', () => {
    const deadline = opposition('USPTO', '2026-06-02');
    expect(deadline.date).toBe('2026-07-02');
    expect(deadline.rule).toBe('30 days after publication (15 U.S.C. 1063(a))');
    expect(deadline.verified).toBe(true);
    expect(deadline.flags).toEqual([]);
    expect(deadline.sources.map((source) => source.citation)).toContain('TMEP 1503.03 Time for Opposing');
  });

  it('37 CFR 2.196: ending on Saturday 2026-11-07 moves to Monday 2026-11-09', () => {
    const deadline = opposition('USPTO', '2026-10-08');
    expect(deadline.unadjustedDate).toBe('2026-11-07');
    expect(deadline.date).toBe('2026-11-09');
    expect(deadline.flags).toContain('rolled-forward');
  });

  it('37 CFR 2.196: ending on Thanksgiving (2026-11-26) moves to the next day', () => {
    expect(opposition('USPTO', '2026-10-27').date).toBe('2026-11-27');
  });

  it('July 4, 2026 is a Saturday: the in-lieu Friday July 3 is a holiday too, so the last day is Monday July 6', () => {
    const deadline = opposition('USPTO', '2026-06-03');
    expect(deadline.unadjustedDate).toBe('2026-07-03');
    expect(deadline.date).toBe('2026-07-06');
  });

  it('closures passed as holidays count like Federal holidays (Christmas Eve 2026 closure)', () => {
    expect(opposition('USPTO', '2026-11-24').date).toBe('2026-12-24');
    expect(opposition('USPTO', '2026-11-24', { USPTO: ['2026-12-24'] }).date).toBe('2026-12-28');
  });

  it('extensions never reach beyond 180 days from publication (TBMP 207.03), rolled like any last day', () => {
    const max = computeDeadlines({ office: 'USPTO', publishedOn: '2026-06-02' }).find(
      (d) => d.kind === 'opposition-extended-max',
    );
    expect(max?.unadjustedDate).toBe('2026-11-29'); // a Sunday
    expect(max?.date).toBe('2026-11-30');
  });
});

describe('other offices', () => {
  it('EUIPO: 3 months (EUTMR Art. 46(1)); 30 April + 3 months = 30 July (EUTMDR Art. 67)', () => {
    const deadline = opposition('EUIPO', '2026-04-30');
    expect(deadline.date).toBe('2026-07-30');
    expect(deadline.verified).toBe(true);
  });

  it('EUIPO: a Saturday end moves to Monday; a closing day passed in moves it further', () => {
    const saturday = opposition('EUIPO', '2026-03-06');
    expect(saturday.unadjustedDate).toBe('2026-06-06');
    expect(saturday.date).toBe('2026-06-08');
    expect(saturday.flags).toEqual(['rolled-forward']);
    expect(saturday.closedDays?.map((d) => [d.date, d.reason])).toEqual([
      ['2026-06-06', 'weekend'],
      ['2026-06-07', 'weekend'],
    ]);
    const given = opposition('EU', '2026-03-06', { EUIPO: ['2026-06-08'] });
    expect(given.date).toBe('2026-06-09');
    expect(given.closedDays?.[2]).toMatchObject({ date: '2026-06-08', reason: 'ad-hoc-closure' });
  });

  it('UKIPO: gov.uk example, published 11 April 2013 -> 11 June 2013; 11 July 2013 with TM7A', () => {
    const deadlines = computeDeadlines({ office: 'UKIPO', publishedOn: '2013-04-11' });
    expect(deadlines.map((d) => [d.kind, d.date])).toEqual([
      ['opposition', '2013-06-11'],
      ['opposition-extended-max', '2013-07-11'],
    ]);
  });

  it('INPI-BR: 60 days; a Tuesday RPI (2026-11-17) ends on Saturday 2027-01-16, moved to Monday 2027-01-18', () => {
    const deadline = opposition('BR', '2026-11-17');
    expect(deadline.office).toBe('INPI-BR');
    expect(deadline.unadjustedDate).toBe('2027-01-16');
    expect(deadline.date).toBe('2027-01-18');
  });

  it('INPI-BR: LPI Art. 223 starts counting on the first business day after the RPI', () => {
    // RPI Tuesday 2024-12-31; 1 January is a holiday, so day 1 is 2025-01-02 and day 60 is Sunday 2025-03-02;
    // Carnival Monday and Tuesday (passed as closures) push the last day to Wednesday 2025-03-05.
    const deadline = opposition('INPI-BR', '2024-12-31', { BR: ['2025-01-01', '2025-03-03', '2025-03-04'] });
    expect(deadline.unadjustedDate).toBe('2025-03-02');
    expect(deadline.date).toBe('2025-03-05');
    expect(deadline.notes).toContain('first business day after publication (2025-01-02)');
  });

  it('JPO: Patent Act Art. 3(2) (Trademark Act Art. 77) moves a Saturday end to Monday', () => {
    const deadline = opposition('JPO', '2026-01-07');
    expect(deadline.unadjustedDate).toBe('2026-03-07');
    expect(deadline.date).toBe('2026-03-09');
    expect(deadline.verified).toBe(true);
    expect(deadline.sources.map((s) => s.url)).toContain('https://faq.inpit.go.jp/FAQ/2024/01/000151.html');
  });

  it('KIPO has no sourced weekend rule: a Saturday end is kept, flagged, and the closed days named', () => {
    const deadline = opposition('KIPO', '2026-01-07'); // 2 months: Saturday 2026-03-07
    expect(deadline.date).toBe('2026-03-07');
    expect(deadline.verified).toBe(false);
    expect(deadline.flags).toEqual(['pending-change', 'unverified-holiday-rule', 'office-closed-not-rolled']);
    expect(deadline.notes).toMatch(/No weekend or holiday rule is sourced for KIPO/);
    expect(deadline.notes).toMatch(/next open day is 2026-03-09/);
  });

  it('IP India: 4 months, same day-number, and no roll onto the next working day (2025 Registrar order)', () => {
    const deadline = opposition('IN', '2026-02-07');
    expect(deadline.date).toBe('2026-06-07'); // a Sunday, kept
    expect(deadline.verified).toBe(true);
    expect(deadline.flags).toEqual(['no-holiday-roll']);
  });

  it('KIPO carries the pending 30-day change as a flag', () => {
    const deadline = opposition('KR', '2026-01-07');
    expect(deadline.date).toBe('2026-03-07');
    expect(deadline.flags).toContain('pending-change');
    expect(deadline.notes).toMatch(/30 days/);
  });

  it('IPOPHL: 30 days, at most one 45-day extension (75 days)', () => {
    const deadlines = computeDeadlines({ office: 'PH', publishedOn: '2026-01-07' });
    expect(deadlines.map((d) => [d.kind, d.date])).toEqual([
      ['opposition', '2026-02-06'],
      ['opposition-extended-max', '2026-03-23'],
    ]);
  });

  it('NOIP and WIPO have no fixed opposition window', () => {
    expect(oppositionDeadline('NOIP', '2026-01-07')).toBeNull();
    expect(computeDeadlines({ office: 'WIPO', publishedOn: '2026-01-07' })).toEqual([]);
  });
});

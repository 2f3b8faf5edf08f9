import { describe, expect, it } from 'vitest';
import { officeCalendar } from './calendars/index.ts';
import { usFederalHolidays } from './us-federal-holidays.ts';

// Expected days read off the OPM Federal holiday tables for each year.
describe('US Federal holidays (5 U.S.C. 6103, in-lieu days per the rules CORRECTION)', () => {
  it('2026: July 4 is a Saturday, so Friday July 3 is the holiday', () => {
    expect(usFederalHolidays(2026)).toEqual([
      '2026-01-01',
      '2026-01-19',
      '2026-02-16',
      '2026-05-25',
      '2026-06-19',
      '2026-07-03',
      '2026-09-07',
      '2026-10-12',
      '2026-11-11',
      '2026-11-26',
      '2026-12-25',
    ]);
  });

  it('2027: Saturday Juneteenth and Christmas move to Friday, Sunday July 4 to Monday', () => {
    const days = usFederalHolidays(2027);
    expect(days).toContain('2027-06-18');
    expect(days).toContain('2027-07-05');
    expect(days).toContain('2027-12-24');
    expect(days).not.toContain('2027-07-04');
  });

  it('New Year on a Saturday is observed on December 31 of the year before', () => {
    expect(usFederalHolidays(2022)).toContain('2021-12-31');
    const uspto = officeCalendar('USPTO');
    expect(uspto.closure('2027-12-31')?.name).toMatch(/New Year/); // New Year's Day 2028 is a Saturday
    expect(uspto.closure('2027-12-30')).toBeNull();
  });

  it('includes Inauguration Day in D.C. years only, and no Juneteenth before 2021', () => {
    expect(usFederalHolidays(2025)).toContain('2025-01-20'); // also MLK Day that year
    expect(usFederalHolidays(2013)).toContain('2013-01-21'); // Jan 20, 2013 was a Sunday
    // Jan 20, 2029 is a Saturday: 6103(c) gives no in-lieu day, so January holds only New Year and MLK.
    expect(usFederalHolidays(2029).filter((day) => day.startsWith('2029-01-'))).toEqual([
      '2029-01-01',
      '2029-01-15',
    ]);
    expect(usFederalHolidays(2026)).not.toContain('2026-01-20');
    expect(usFederalHolidays(2020)).not.toContain('2020-06-19');
  });
});

describe('the USPTO calendar from date-holidays agrees with 5 U.S.C. 6103 computed here', () => {
  it('has exactly the Federal holidays and in-lieu days, Inauguration Day included, 2021-2035', () => {
    const uspto = officeCalendar('USPTO');
    for (let year = 2021; year <= 2035; year += 1) {
      const weekdays = (days: string[]) =>
        days.filter(
          (d) => d.startsWith(`${year}-`) && ![0, 6].includes(new Date(`${d}T12:00:00Z`).getUTCDay()),
        );
      const fromLibrary = weekdays(uspto.closuresIn(year).map((d) => d.date));
      const fromStatute = weekdays([...usFederalHolidays(year), ...usFederalHolidays(year + 1)]);
      expect([...new Set(fromLibrary)].sort(), String(year)).toEqual([...new Set(fromStatute)].sort());
    }
  });
});

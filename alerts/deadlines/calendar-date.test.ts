import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../core/index.ts';
import { addDays, addMonths, addYears, isCalendarDate, parseCalendarDate, weekday } from './calendar-date.ts';

describe('month arithmetic (conventions_note_2026_11, TMEP 310, EUTMDR Art. 67)', () => {
  it('TMEP 310: Aug 31 + 6 months is the last day of February', () => {
    expect(addMonths('2025-08-31', 6)).toBe('2026-02-28');
    expect(addMonths('2023-08-31', 6)).toBe('2024-02-29'); // leap year
  });

  it('Jan 31 + 1 month is Feb 29 in a leap year and Feb 28 otherwise', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
  });

  it('EUTMDR Art. 67: no end-of-month rule, 30 April + 3 months = 30 July', () => {
    expect(addMonths('2026-04-30', 3)).toBe('2026-07-30');
  });

  it('a 29 February registration + 10 years ends on 28 February', () => {
    expect(addYears('2024-02-29', 10)).toBe('2034-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
  });

  it('crosses year ends both ways', () => {
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
  });
});

describe('calendar dates', () => {
  it('knows the weekday without time-zone shifts (2026-11-22 is a Sunday)', () => {
    expect(weekday('2026-11-22')).toBe(0);
    expect(weekday('2026-07-04')).toBe(6);
  });

  it('rejects strings that are not real YYYY-MM-DD days', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(isCalendarDate('2026-1-05')).toBe(false);
    expect(isCalendarDate('05/01/2026')).toBe(false);
  });

  it('names the field and the value when a date is bad', () => {
    expect(() => parseCalendarDate('2026-02-30', 'publishedOn')).toThrow(ValidationError);
    expect(() => parseCalendarDate('2026-02-30', 'publishedOn')).toThrow(
      /publishedOn "2026-02-30".*YYYY-MM-DD/,
    );
  });
});

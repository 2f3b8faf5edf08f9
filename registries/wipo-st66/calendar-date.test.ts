import { describe, expect, it } from 'vitest';
import { calendarDate } from './calendar-date.ts';

describe('calendarDate', () => {
  it('keeps the calendar date of an xs:date with a negative offset instead of shifting it to UTC', () => {
    expect(calendarDate('2000-05-09-04:00')).toBe('2000-05-09');
    expect(calendarDate('2004-03-23-05:00')).toBe('2004-03-23');
  });

  it('keeps the calendar date with a positive offset, a Z or a time part', () => {
    expect(calendarDate('2019-12-31+09:00')).toBe('2019-12-31');
    expect(calendarDate('2019-01-01Z')).toBe('2019-01-01');
    expect(calendarDate('2019-01-01T23:30:00-05:00')).toBe('2019-01-01');
  });

  it('reads plain and compact dates', () => {
    expect(calendarDate(' 2003-12-30 ')).toBe('2003-12-30');
    expect(calendarDate('19951013')).toBe('1995-10-13');
  });

  it('returns null for dates that do not exist or are not dates', () => {
    expect(calendarDate('19960100')).toBeNull();
    expect(calendarDate('2001-02-29')).toBeNull();
    expect(calendarDate('2001-13-01')).toBeNull();
    expect(calendarDate('not a date')).toBeNull();
    expect(calendarDate('')).toBeNull();
    expect(calendarDate(null)).toBeNull();
  });

  it('accepts 29 February in a leap year', () => {
    expect(calendarDate('2004-02-29-05:00')).toBe('2004-02-29');
  });
});

import { ValidationError } from '../../core/index.ts';

/**
 * Calendar dates are `YYYY-MM-DD` strings. All arithmetic works on year/month/day numbers (through
 * Date.UTC only as a day counter), so no time zone can shift a legal date by one day.
 */
export type CalendarDate = string;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

interface DateParts {
  year: number;
  month: number; // 1-12
  day: number;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function toParts(date: CalendarDate): DateParts {
  const match = DATE_PATTERN.exec(date);
  return { year: Number(match?.[1]), month: Number(match?.[2]), day: Number(match?.[3]) };
}

function fromParts({ year, month, day }: DateParts): CalendarDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * True for a real calendar day written as YYYY-MM-DD, years 0001 to 9999 (rejects 2026-02-30,
 * 2026-2-3, 0000-01-01: PostgreSQL has no year 0, and a date it cannot store must not get past the
 * edge).
 */
export function isCalendarDate(value: string): boolean {
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const { year, month, day } = toParts(value);
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Checks a date given from outside; `label` names the field in the error. */
export function parseCalendarDate(value: string, label: string): CalendarDate {
  if (!isCalendarDate(value)) {
    throw new ValidationError(
      `${label} "${value}" is not a calendar date: write it as YYYY-MM-DD, e.g. 2026-03-31`,
      { field: label, value },
    );
  }
  return value;
}

function dayNumber(date: CalendarDate): number {
  const { year, month, day } = toParts(date);
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

function fromDayNumber(days: number): CalendarDate {
  const d = new Date(days * MS_PER_DAY);
  return fromParts({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromDayNumber(dayNumber(date) + days);
}

export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return dayNumber(to) - dayNumber(from);
}

/**
 * Same day-number `months` later, or that month's last day where the day does not exist
 * (Jan 31 + 1 month = Feb 28/29; Aug 31 + 6 months = Feb 28/29, TMEP 310; EUTMDR Art. 67).
 * Deliberately no "last day of month stays last day" rule: 30 April + 3 months = 30 July.
 */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  const { year, month, day } = toParts(date);
  const zeroBased = month - 1 + months;
  const targetYear = year + Math.floor(zeroBased / 12);
  const targetMonth = (((zeroBased % 12) + 12) % 12) + 1;
  return fromParts({
    year: targetYear,
    month: targetMonth,
    day: Math.min(day, daysInMonth(targetYear, targetMonth)),
  });
}

export function addYears(date: CalendarDate, years: number): CalendarDate {
  return addMonths(date, years * 12);
}

/** 0 = Sunday ... 6 = Saturday. */
export function weekday(date: CalendarDate): number {
  return new Date(dayNumber(date) * MS_PER_DAY).getUTCDay();
}

export function isWeekend(date: CalendarDate): boolean {
  const day = weekday(date);
  return day === 0 || day === 6;
}

export function yearOf(date: CalendarDate): number {
  return toParts(date).year;
}

/** Builds a date from numbers; month 1-12. */
export function calendarDate(year: number, month: number, day: number): CalendarDate {
  return fromParts({ year, month, day });
}

export function isFebruary29(date: CalendarDate): boolean {
  const { month, day } = toParts(date);
  return month === 2 && day === 29;
}

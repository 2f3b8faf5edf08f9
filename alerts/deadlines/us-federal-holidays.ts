import { addDays, calendarDate, daysInMonth, weekday } from './calendar-date.ts';
import type { CalendarDate } from './calendar-date.ts';

/** The n-th given weekday (0 = Sunday) of a month; n = -1 for the last one. */
function nthWeekday(year: number, month: number, targetWeekday: number, n: number): CalendarDate {
  if (n < 0) {
    const last = calendarDate(year, month, daysInMonth(year, month));
    return addDays(last, -((weekday(last) - targetWeekday + 7) % 7));
  }
  const first = calendarDate(year, month, 1);
  return addDays(first, ((targetWeekday - weekday(first) + 7) % 7) + (n - 1) * 7);
}

/**
 * 5 U.S.C. 6103(b) and Executive Order 11582: a fixed-date holiday on a Saturday is observed on
 * the preceding Friday, one on a Sunday on the following Monday. The rules file's CORRECTION
 * (2026-11) says the USPTO is closed on that in-lieu day, so 37 CFR 2.196 treats it as a holiday.
 */
function observed(date: CalendarDate): CalendarDate {
  const day = weekday(date);
  if (day === 6) return addDays(date, -1);
  if (day === 0) return addDays(date, 1);
  return date;
}

/**
 * Inauguration Day (5 U.S.C. 6103(c)) is a holiday for Federal employees in the District of
 * Columbia, which is what 37 CFR 2.196 asks for; on a Sunday it moves to the Monday, on a
 * Saturday it has no in-lieu day.
 */
function inaugurationDay(year: number): CalendarDate | null {
  if ((year - 1) % 4 !== 0) return null;
  const jan20 = calendarDate(year, 1, 20);
  const day = weekday(jan20);
  if (day === 6) return null; // no in-lieu day for a Saturday, and the Office is closed anyway
  return day === 0 ? addDays(jan20, 1) : jan20;
}

/**
 * Days the USPTO is closed for Federal holidays whose legal date lies in `year`. An observed day can
 * fall in the year before (New Year's Day on a Saturday is observed on December 31).
 * Ad-hoc whole-day closures (e.g. by Executive Order) are not predictable: pass them as holidays.
 */
export function usFederalHolidays(year: number): CalendarDate[] {
  const fixed = [
    calendarDate(year, 1, 1), // New Year's Day
    calendarDate(year, 6, 19), // Juneteenth National Independence Day (since 2021)
    calendarDate(year, 7, 4), // Independence Day
    calendarDate(year, 11, 11), // Veterans Day
    calendarDate(year, 12, 25), // Christmas Day
  ].filter((date) => year >= 2021 || !date.endsWith('-06-19'));
  const floating = [
    nthWeekday(year, 1, 1, 3), // Martin Luther King Jr. Day: third Monday of January
    nthWeekday(year, 2, 1, 3), // Washington's Birthday (Presidents Day): third Monday of February
    nthWeekday(year, 5, 1, -1), // Memorial Day: last Monday of May
    nthWeekday(year, 9, 1, 1), // Labor Day: first Monday of September
    nthWeekday(year, 10, 1, 2), // Columbus Day: second Monday of October
    nthWeekday(year, 11, 4, 4), // Thanksgiving Day: fourth Thursday of November
  ];
  const inauguration = inaugurationDay(year);
  const all = [...fixed.map(observed), ...floating, ...(inauguration ? [inauguration] : [])];
  return [...new Set(all)].sort();
}

/** Federal holidays observed on any day of the given years (in-lieu days included). */
export function usFederalHolidaysBetween(fromYear: number, toYear: number): Set<CalendarDate> {
  const days = new Set<CalendarDate>();
  // One year past the range: next year's New Year's Day can be observed on Dec 31 of `toYear`.
  for (let year = fromYear; year <= toYear + 1; year += 1) {
    for (const day of usFederalHolidays(year)) days.add(day);
  }
  return days;
}

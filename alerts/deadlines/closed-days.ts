import { ValidationError } from '../../core/index.ts';
import { addDays, isWeekend, yearOf } from './calendar-date.ts';
import type { CalendarDate } from './calendar-date.ts';
import { usFederalHolidaysBetween } from './us-federal-holidays.ts';

/** True when the office does not accept filings on that day. */
export type ClosedDayTest = (date: CalendarDate) => boolean;

/**
 * Saturdays, Sundays and the given holidays. With `usFederal`, the built-in US Federal holidays
 * (in-lieu days included) are added, for the USPTO's 37 CFR 2.196.
 */
export function closedDays(holidays: readonly CalendarDate[], usFederal: boolean): ClosedDayTest {
  const given = new Set(holidays);
  const federalByYear = new Map<number, Set<CalendarDate>>();
  const isFederal = (date: CalendarDate): boolean => {
    const year = yearOf(date);
    let days = federalByYear.get(year);
    if (!days) {
      days = usFederalHolidaysBetween(year, year);
      federalByYear.set(year, days);
    }
    return days.has(date);
  };
  return (date) => isWeekend(date) || given.has(date) || (usFederal && isFederal(date));
}

// No office closes for this long; a longer run means a holidays list that is wrong.
const MAX_CLOSED_RUN_DAYS = 60;

/** The date itself when the office is open, else the next day it is open. */
export function nextOpenDay(date: CalendarDate, isClosed: ClosedDayTest): CalendarDate {
  let day = date;
  for (let step = 0; step <= MAX_CLOSED_RUN_DAYS; step += 1) {
    if (!isClosed(day)) return day;
    day = addDays(day, 1);
  }
  throw new ValidationError(
    `no open office day within ${MAX_CLOSED_RUN_DAYS} days after ${date}: check the holidays list for that office`,
    { date },
  );
}

import { ValidationError } from '../../core/index.ts';
import { addDays } from './calendar-date.ts';
import type { CalendarDate } from './calendar-date.ts';
import type { ClosedDay } from './deadline.ts';

/** Why the office is closed that day, or null when it is open. */
export type ClosureLookup = (date: CalendarDate) => ClosedDay | null;

// No office closes for this long; a longer run means a closures list that is wrong.
const MAX_CLOSED_RUN_DAYS = 60;

/** The date itself when the office is open, else the next day it is open, with the days skipped. */
export function nextOpenDay(
  date: CalendarDate,
  closure: ClosureLookup,
): { date: CalendarDate; skipped: ClosedDay[] } {
  const skipped: ClosedDay[] = [];
  let day = date;
  for (let step = 0; step <= MAX_CLOSED_RUN_DAYS; step += 1) {
    const closed = closure(day);
    if (!closed) return { date: day, skipped };
    skipped.push(closed);
    day = addDays(day, 1);
  }
  throw new ValidationError(
    `no open office day within ${MAX_CLOSED_RUN_DAYS} days after ${date}: check the closures given for that office`,
    { date },
  );
}

/** "2026-12-25 Christmas Day (GB-WLS public holiday ...), 2026-12-26 Saturday (weekend)". */
export function describeClosedDays(days: readonly ClosedDay[]): string {
  return days.map((d) => `${d.date} ${d.name} (${d.calendar})`).join(', ');
}

import { digitsAt, isRealDay } from '../calendar-day.ts';

/**
 * The office's calendar date as `YYYY-MM-DD`. WIPO files write dates as `xs:date`, often with the
 * office's time-zone offset (`2000-05-09-04:00`); the calendar date is the part before the offset.
 * It is never converted to UTC: `2000-05-09-04:00` is 9 May in Virginia, and a deadline counted
 * from a shifted date would be a day wrong. Accepts `YYYYMMDD` too (USPTO extension fields).
 * Returns null for anything that is not a real calendar date (`19960100`, `2001-02-29`, empty).
 */
export function calendarDate(value: string | null | undefined): string | null {
  const text = value?.trim();
  if (!text) return null;
  const year = digitsAt(text, 0, 4);
  if (year < 0) return null;
  let month: number;
  let day: number;
  if (text.charCodeAt(4) === 45 /* - */) {
    // `YYYY-MM-DD`, then nothing, a time (`T`), or a zone (`Z`, `+hh:mm`, `-hh:mm`).
    if (text.charCodeAt(7) !== 45) return null;
    month = digitsAt(text, 5, 2);
    day = digitsAt(text, 8, 2);
    if (text.length > 10 && !'T+-Z'.includes(text.charAt(10))) return null;
  } else {
    if (text.length !== 8) return null;
    month = digitsAt(text, 4, 2);
    day = digitsAt(text, 6, 2);
  }
  if (!isRealDay(year, month, day)) return null;
  return `${text.slice(0, 4)}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

const DATE_PREFIX = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T+\-Z])/;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;

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
  const match = DATE_PREFIX.exec(text) ?? COMPACT_DATE.exec(text);
  if (!match) return null;
  const [, year, month, day] = match as unknown as [string, string, string, string];
  if (!isRealDate(Number(year), Number(month), Number(day))) return null;
  return `${year}-${month}-${day}`;
}

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  // Day 0 of the next month is the last day of this one; Date.UTC is used only for that arithmetic.
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

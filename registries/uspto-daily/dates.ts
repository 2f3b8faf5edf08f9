/**
 * USPTO writes calendar dates as `YYYYMMDD`. They stay calendar dates (`YYYY-MM-DD` strings),
 * never Date objects, so a deadline counted from them is never shifted by a time zone.
 * Placeholder values such as `00000000` or an impossible month become null rather than a wrong date.
 */
export function usptoDate(raw: string | null): string | null {
  if (!raw) return null;
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(raw.trim());
  if (!match) return null;
  const [, year, month, day] = match as unknown as [string, string, string, string];
  const m = Number(month);
  const d = Number(day);
  if (Number(year) < 1800 || m < 1 || m > 12 || d < 1 || d > daysInMonth(Number(year), m)) return null;
  return `${year}-${month}-${day}`;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** Gregorian month length, computed rather than read off a Date (this runs for every date field). */
function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!;
}

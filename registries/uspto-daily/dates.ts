import { digitsAt, isRealDay } from '../calendar-day.ts';

/**
 * USPTO writes calendar dates as `YYYYMMDD`. They stay calendar dates (`YYYY-MM-DD` strings),
 * never Date objects, so a deadline counted from them is never shifted by a time zone.
 * Placeholder values such as `00000000` or an impossible month become null rather than a wrong date.
 */
export function usptoDate(raw: string | null): string | null {
  if (!raw) return null;
  const value = raw.length === 8 ? raw : raw.trim();
  if (value.length !== 8) return null;
  const year = digitsAt(value, 0, 4);
  if (year < 1800 || !isRealDay(year, digitsAt(value, 4, 2), digitsAt(value, 6, 2))) return null;
  return `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6, 8)}`;
}

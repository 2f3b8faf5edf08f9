/**
 * Digit-level helpers for the date readers of every adapter. Dates are read character by character
 * rather than by regular expression because they run for every date field of every record.
 */

/** The number written by `count` ASCII digits from `start`, or -1 when any of them is not a digit. */
export function digitsAt(value: string, start: number, count: number): number {
  if (start + count > value.length) return -1;
  let n = 0;
  for (let i = start; i < start + count; i += 1) {
    const digit = value.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    n = n * 10 + digit;
  }
  return n;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** True for a day that exists in the Gregorian calendar (29 February only in leap years). */
export function isRealDay(year: number, month: number, day: number): boolean {
  if (year < 0 || month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!);
}

import Holidays from 'date-holidays';
import type { HolidaysTypes } from 'date-holidays';
import { addDays } from '../calendar-date.ts';
import type { CalendarDate } from '../calendar-date.ts';

/** Where an office sits in date-holidays' tree: country, ISO 3166-2 state, region below it. */
export interface LibraryPlace {
  country: string;
  state?: string;
  region?: string;
}

/** One calendar day the library names a holiday, in the office's own time zone. */
export interface LibraryHoliday {
  date: CalendarDate;
  name: string;
  type: HolidaysTypes.HolidayType;
  substitute: boolean;
}

const ALL_TYPES: HolidaysTypes.HolidayType[] = ['public', 'bank', 'optional', 'school', 'observance'];

export function placeLabel(place: LibraryPlace): string {
  return [place.country, place.state, place.region].filter(Boolean).join('-');
}

/** `YYYY-MM-DD` and minutes after midnight of an instant, as a wall clock in `timeZone` shows it. */
function wallClock(instant: Date, timeZone: string): { date: CalendarDate; minutes: number } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '00';
  return {
    date: `${get('year')}-${get('month')}-${get('day')}`,
    minutes: Number(get('hour')) * 60 + Number(get('minute')),
  };
}

// Office hours a holiday must cover for the office to count as closed that day.
const CORE_FROM_MINUTES = 9 * 60;
const CORE_UNTIL_MINUTES = 15 * 60;

/**
 * The days a holiday closes the office: those whose core hours (09:00-15:00 local) it covers.
 * date-holidays gives instants: a half day (Ash Wednesday until 14:00 in Brazil, the afternoon of a
 * Turkish bayram eve) leaves the office open that day, so a deadline ending on it is not moved; an
 * Islamic holiday running sunset to sunset counts for the day it names; a multi-day holiday (Korean
 * Chuseok, Kurban Bayramı) counts for each of its days.
 */
function closedDays(holiday: HolidaysTypes.Holiday, timeZone: string): CalendarDate[] {
  const start = wallClock(new Date(holiday.start), timeZone);
  const end = wallClock(new Date(holiday.end), timeZone);
  const days: CalendarDate[] = [];
  for (let day = start.date; day <= end.date; day = addDays(day, 1)) {
    const startsInTime = day > start.date || start.minutes <= CORE_FROM_MINUTES;
    const lastsLongEnough = day < end.date || end.minutes >= CORE_UNTIL_MINUTES;
    if (startsInTime && lastsLongEnough) days.push(day);
  }
  return days;
}

const cache = new Map<string, LibraryHoliday[]>();

/**
 * Every holiday day date-holidays knows for the place in one year (all types: the office's
 * calendar picks the ones it observes). Names in the library's default language for the place.
 */
export function libraryHolidays(place: LibraryPlace, year: number): LibraryHoliday[] {
  const key = `${placeLabel(place)}:${year}`;
  const known = cache.get(key);
  if (known) return known;
  const hd = new Holidays(place.country, place.state ?? '', place.region ?? '', { types: ALL_TYPES });
  const timeZone = hd.getTimezones()[0];
  if (!timeZone) throw new Error(`date-holidays has no time zone for ${placeLabel(place)}`);
  const holidays = (hd.getHolidays(year) as HolidaysTypes.Holiday[]).flatMap((holiday) =>
    closedDays(holiday, timeZone)
      // A holiday spanning New Year belongs to both years' lists; each year keeps its own days.
      .filter((date) => date.startsWith(`${year}-`))
      .map((date) => ({
        date,
        name: holiday.name,
        type: holiday.type,
        substitute: holiday.substitute === true,
      })),
  );
  cache.set(key, holidays);
  return holidays;
}

/** The version of date-holidays in use, for the calendar's source line. */
export const LIBRARY_NAME = 'date-holidays';

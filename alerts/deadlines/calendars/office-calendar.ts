import holidaysPackage from 'date-holidays/package.json' with { type: 'json' };
import { addDays, calendarDate, weekday, yearOf } from '../calendar-date.ts';
import type { CalendarDate } from '../calendar-date.ts';
import type { ClosedDay, DeadlineSource } from '../deadline.ts';
import type { OfficeCode } from '../offices.ts';
import adHocJson from './ad-hoc-closures.json' with { type: 'json' };
import type { CalendarSpec, StatutoryClosure, WeekendPeriod, Weekday } from './calendar-spec.ts';
import { adHocClosuresFileSchema, publishedClosuresSchema } from './closures-schema.ts';
import type { AdHocClosure, PublishedClosureList } from './closures-schema.ts';
import { LIBRARY_NAME, libraryHolidays, placeLabel } from './library-holidays.ts';
import { usFederalHolidays } from '../us-federal-holidays.ts';
import publishedJson from './published-closures.json' with { type: 'json' };

const LIBRARY = `${LIBRARY_NAME} ${holidaysPackage.version}`;
const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

// Validated once at module load: a broken closures file must stop start-up, not a deadline later.
const PUBLISHED = publishedClosuresSchema.parse(publishedJson).lists;
const AD_HOC = adHocClosuresFileSchema.parse(adHocJson).closures;

/** How well a year of an office's calendar is known. */
export type YearCoverage = 'office-list' | 'library';

/** One office's closed days, with the reason and source of each. */
export interface OfficeCalendar {
  office: OfficeCode;
  spec: CalendarSpec;
  /** Why the office is closed that day, or null when it is open. */
  closure(date: CalendarDate): ClosedDay | null;
  /** Every whole-day closure in a year other than weekends, date order. */
  closuresIn(year: number): ClosedDay[];
  /** 'office-list' when a complete list the office (or its government) published is loaded for the year. */
  coverage(year: number): YearCoverage;
  /** Published lists loaded for this office, for the API and README. */
  lists: readonly PublishedClosureList[];
}

function weekendOf(spec: CalendarSpec, date: CalendarDate): WeekendPeriod | undefined {
  let found: WeekendPeriod | undefined;
  for (const period of spec.weekend) if (!period.from || date >= period.from) found = period;
  return found;
}

function weekendDays(spec: CalendarSpec, date: CalendarDate): readonly Weekday[] {
  return weekendOf(spec, date)?.days ?? [];
}

function librarySource(spec: CalendarSpec): DeadlineSource {
  return {
    citation: `${LIBRARY} data for ${placeLabel(spec.place)} (CC BY 3.0)`,
    url: 'https://github.com/commenthol/date-holidays',
  };
}

/** The library's holidays the office closes on, after the spec's exclusions and shifts. */
function libraryClosures(spec: CalendarSpec, year: number): ClosedDay[] {
  const years = spec.shift ? [year, year + 1] : [year];
  const source = librarySource(spec);
  return years
    .flatMap((y) => libraryHolidays(spec.place, y))
    .filter((h) => spec.types.includes(h.type) && !spec.exclude?.names.test(h.name))
    .map((h) => {
      const shifted = spec.shift && spec.shift.names.test(h.name) && !h.substitute;
      return {
        date: shifted ? addDays(h.date, spec.shift!.days) : h.date,
        reason: 'public-holiday' as const,
        name: h.name,
        calendar: `${placeLabel(spec.place)} ${h.type} holiday, ${LIBRARY}${shifted ? `, moved ${spec.shift!.days} day: ${spec.shift!.why}` : ''}`,
        source: shifted ? spec.shift!.source : source,
      };
    })
    .filter((day) => yearOf(day.date) === year);
}

function fixedClosure(rule: Extract<StatutoryClosure, { kind: 'fixed' }>, year: number): ClosedDay | null {
  if (rule.fromYear !== undefined && year < rule.fromYear) return null;
  let date = calendarDate(year, rule.month, rule.day);
  if (rule.weekendMovesToMonday) {
    const day = weekday(date);
    if (day === 6) date = addDays(date, 2);
    if (day === 0) date = addDays(date, 1);
  }
  return {
    date,
    reason: 'statutory-closure',
    name: rule.name,
    calendar: 'statutory closure',
    source: rule.source,
  };
}

/** Federal holidays observed in `year` (an in-lieu Dec 31 belongs to the next year's New Year). */
function usFederal(year: number, source: DeadlineSource): ClosedDay[] {
  return [...usFederalHolidays(year), ...usFederalHolidays(year + 1)]
    .filter((date) => yearOf(date) === year)
    .map((date) => ({
      date,
      reason: 'statutory-closure' as const,
      name: 'Federal holiday (5 U.S.C. 6103)',
      calendar: 'statutory closure (US Federal holidays with in-lieu days)',
      source,
    }));
}

/**
 * Malaysia: a public holiday on Sunday gives the next day that is not already closed; two holidays
 * on one Sunday give one day (JPA, 2026). No day is added where one already replaces it: a library
 * substitute day or a published day in the week after, or the same holiday continuing on Monday
 * (the library lists Deepavali 2026 on Sunday and Monday).
 */
function sundayReplacements(
  spec: CalendarSpec,
  holidays: readonly ClosedDay[],
  published: readonly ClosedDay[],
  year: number,
  source: DeadlineSource,
): ClosedDay[] {
  const taken = new Set(holidays.map((h) => h.date));
  const substitutes = new Set([
    ...[year, year + 1].flatMap((y) =>
      libraryHolidays(spec.place, y)
        .filter((h) => h.substitute)
        .map((h) => h.date),
    ),
    ...published.map((d) => d.date),
  ]);
  const sundays = [...new Set(holidays.filter((h) => weekday(h.date) === 0).map((h) => h.date))].sort();
  const added: ClosedDay[] = [];
  for (const sunday of sundays) {
    const week = Array.from({ length: 7 }, (_, i) => addDays(sunday, i + 1));
    const names = new Set(holidays.filter((h) => h.date === sunday).map((h) => h.name));
    const replaced =
      week.some((d) => substitutes.has(d)) || holidays.some((h) => h.date === week[0] && names.has(h.name));
    if (replaced) continue;
    let day = week[0]!;
    while (taken.has(day) || weekendDays(spec, day).includes(weekday(day) as Weekday)) day = addDays(day, 1);
    taken.add(day);
    added.push({
      date: day,
      reason: 'statutory-closure',
      name: `replacement for ${[...names].join(' / ')} (Sunday ${sunday})`,
      calendar: 'statutory closure (replacement day computed by Markhound)',
      source,
    });
  }
  return added;
}

function listClosures(list: PublishedClosureList): ClosedDay[] {
  return list.closed.map((day) => ({
    date: day.date,
    reason: 'office-closure',
    name: day.name,
    calendar: `${list.publisher}, ${list.year}`,
    source: { citation: list.citation, url: list.url },
  }));
}

function adHocClosure(closure: AdHocClosure, calendar: string): ClosedDay {
  return {
    date: closure.date,
    reason: 'ad-hoc-closure',
    name: closure.reason,
    calendar,
    source: closure.source ?? null,
  };
}

/** Closures the caller adds for one request: the CLI's --holidays file, an API caller's own list. */
export type ExtraClosures = readonly AdHocClosure[];

/**
 * Builds an office's calendar: the library's holidays for its seat, or the office's complete list
 * for a year where one is loaded, plus statutory closures, ad hoc closures and the caller's extras.
 * Days are computed per year on first use and kept.
 */
export function buildOfficeCalendar(
  office: OfficeCode,
  spec: CalendarSpec,
  extra: ExtraClosures = [],
  /** false: the library, the spec and statute only, without published or ad hoc lists (for checks). */
  withLists = true,
): OfficeCalendar {
  const lists = withLists ? PUBLISHED.filter((list) => list.office === office) : [];
  const adHoc = [
    ...AD_HOC.filter((c) => withLists && c.office === office).map((c) =>
      adHocClosure(c, 'ad hoc closure (alerts/deadlines/calendars/ad-hoc-closures.json)'),
    ),
    ...extra.map((c) => adHocClosure(c, 'closure given with the request')),
  ];
  const byYear = new Map<number, { closed: Map<CalendarDate, ClosedDay>; open: Set<CalendarDate> }>();

  function year(y: number) {
    const known = byYear.get(y);
    if (known) return known;
    const ofYear = lists.filter((list) => list.year === y);
    const complete = ofYear.some((list) => list.complete);
    const library = complete ? [] : libraryClosures(spec, y);
    const fromLists = ofYear.flatMap(listClosures);
    const statutory: ClosedDay[] = [];
    for (const rule of spec.statutory ?? []) {
      if (rule.kind === 'fixed') {
        const day = fixedClosure(rule, y);
        if (day) statutory.push(day);
      } else if (rule.kind === 'us-federal') {
        statutory.push(...usFederal(y, rule.source));
      }
    }
    // The library's names come first where it knows the day; statute and lists fill what it lacks.
    const holidays = [...fromLists, ...library, ...statutory];
    for (const rule of spec.statutory ?? []) {
      if (rule.kind === 'sunday-replacement' && !complete)
        holidays.push(...sundayReplacements(spec, holidays, fromLists, y, rule.source));
    }
    // First reason wins: ad hoc, then the office's list, then the library (its names are the
    // holidays' own), then statute; a library day the statute confirms takes the statute's source.
    const closed = new Map<CalendarDate, ClosedDay>();
    for (const day of [...adHoc.filter((d) => yearOf(d.date) === y), ...holidays])
      if (yearOf(day.date) === y && !closed.has(day.date)) closed.set(day.date, day);
    for (const day of statutory) {
      const known = closed.get(day.date);
      if (known?.reason === 'public-holiday')
        closed.set(day.date, {
          ...known,
          reason: 'statutory-closure',
          calendar: `${day.calendar}; ${known.calendar}`,
          source: day.source,
        });
    }
    const open = new Set(ofYear.flatMap((list) => list.open.map((d) => d.date)));
    const entry = { closed, open };
    byYear.set(y, entry);
    return entry;
  }

  return {
    office,
    spec,
    lists,
    coverage: (y) => (lists.some((list) => list.year === y && list.complete) ? 'office-list' : 'library'),
    closuresIn: (y) => [...year(y).closed.values()].sort((a, b) => (a.date < b.date ? -1 : 1)),
    closure(date) {
      const { closed, open } = year(yearOf(date));
      if (open.has(date)) return null;
      const day = weekday(date) as Weekday;
      const weekend = weekendOf(spec, date);
      if (weekend?.days.includes(day)) {
        const calendar = `${weekend.days.map((d) => WEEKDAY_NAMES[d]).join('-')} weekend`;
        return {
          date,
          reason: 'weekend',
          name: WEEKDAY_NAMES[day]!,
          calendar,
          source: weekend.source ?? null,
        };
      }
      return closed.get(date) ?? null;
    },
  };
}

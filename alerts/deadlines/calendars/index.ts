import type { OfficeCode } from '../offices.ts';
import { CALENDAR_SPECS } from './office-calendar-specs.ts';
import { buildOfficeCalendar } from './office-calendar.ts';
import type { ExtraClosures, OfficeCalendar } from './office-calendar.ts';

export type { OfficeCalendar, ExtraClosures, YearCoverage } from './office-calendar.ts';
export type { AdHocClosure, PublishedClosureList } from './closures-schema.ts';
export { adHocClosureSchema } from './closures-schema.ts';
export type { CalendarSpec } from './calendar-spec.ts';
export { CALENDAR_SPECS } from './office-calendar-specs.ts';

const shared = new Map<OfficeCode, OfficeCalendar>();

/** The office's calendar; one shared instance per office unless the caller adds closures of its own. */
export function officeCalendar(office: OfficeCode, extra: ExtraClosures = []): OfficeCalendar {
  if (extra.length > 0) return buildOfficeCalendar(office, CALENDAR_SPECS[office], extra);
  let calendar = shared.get(office);
  if (!calendar) {
    calendar = buildOfficeCalendar(office, CALENDAR_SPECS[office]);
    shared.set(office, calendar);
  }
  return calendar;
}

/**
 * The office's calendar from the library, its spec and statute alone, without the lists it published
 * or ad hoc closures: what the tests check against the dates offices publish.
 */
export function libraryOnlyCalendar(office: OfficeCode): OfficeCalendar {
  return buildOfficeCalendar(office, CALENDAR_SPECS[office], [], false);
}

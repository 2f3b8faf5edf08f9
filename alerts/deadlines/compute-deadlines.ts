import type { OfficeContext } from './build-deadline.ts';
import { parseCalendarDate } from './calendar-date.ts';
import type { CalendarDate } from './calendar-date.ts';
import { closedDays } from './closed-days.ts';
import type { Deadline } from './deadline.ts';
import { OFFICE_PROFILES } from './office-profiles.ts';
import { officeCodeFor, officeRule } from './offices.ts';
import { oppositionDeadlines } from './opposition-deadlines.ts';
import { renewalDeadlines } from './renewal-deadlines.ts';
import { nonUseDeadline, priorityDeadline, useDeclarationDeadlines } from './term-deadlines.ts';

/** Holidays per office, keyed by office code or ISO country ("USPTO", "BR", ...). */
export type HolidayCalendar = Record<string, readonly string[]>;

export interface DeadlineInput {
  office: string;
  publishedOn?: string;
  filedOn?: string;
  registeredOn?: string;
  holidays?: HolidayCalendar;
}

function holidaysOf(code: string, holidays: HolidayCalendar | undefined): CalendarDate[] | undefined {
  if (!holidays) return undefined;
  const lists = Object.entries(holidays).filter(([key]) => {
    try {
      return officeCodeFor(key) === code;
    } catch {
      return false; // keys for offices this engine does not know cannot concern this office
    }
  });
  if (lists.length === 0) return undefined;
  return lists.flatMap(([key, days]) => days.map((day) => parseCalendarDate(day, `holidays.${key}`)));
}

/** Resolves the office's rules, profile and closed days once per request. */
export function officeContext(office: string, holidays?: HolidayCalendar): OfficeContext {
  const rule = officeRule(office);
  const profile = OFFICE_PROFILES[rule.code];
  const given = holidaysOf(rule.code, holidays);
  const usFederal = profile.holidays.kind === 'roll' && profile.holidays.usFederal;
  return {
    rule,
    profile,
    isClosed: closedDays(given ?? [], usFederal),
    holidaysKnown: usFederal || given !== undefined,
  };
}

function optionalDate(value: string | undefined, label: string): CalendarDate | undefined {
  return value === undefined ? undefined : parseCalendarDate(value, label);
}

/**
 * Every deadline that follows from the dates given, earliest first. Throws UnknownOfficeError for an
 * unknown office and ValidationError for a date that is not YYYY-MM-DD.
 */
export function computeDeadlines(input: DeadlineInput): Deadline[] {
  const ctx = officeContext(input.office, input.holidays);
  const publishedOn = optionalDate(input.publishedOn, 'publishedOn');
  const filedOn = optionalDate(input.filedOn, 'filedOn');
  const registeredOn = optionalDate(input.registeredOn, 'registeredOn');
  const deadlines = [
    ...(publishedOn ? oppositionDeadlines(ctx, publishedOn) : []),
    ...(filedOn ? [priorityDeadline(ctx, filedOn)] : []),
    ...renewalDeadlines(ctx, { filedOn, registeredOn }),
    ...useDeclarationDeadlines(ctx, { filedOn, registeredOn }),
    ...(registeredOn ? nonUseDeadline(ctx, registeredOn) : []),
  ];
  // Stable sort: same-day deadlines keep the order above.
  return deadlines.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/**
 * The last day to oppose a publication at `office`, for the alert raiser; null where the office has
 * no fixed opposition window (NOIP, WIPO: see officeRule(office).notes).
 */
export function oppositionDeadline(
  office: string,
  publishedOn: string,
  holidays?: HolidayCalendar,
): Deadline | null {
  const ctx = officeContext(office, holidays);
  const deadlines = oppositionDeadlines(ctx, parseCalendarDate(publishedOn, 'publishedOn'));
  return deadlines.find((deadline) => deadline.kind === 'opposition') ?? null;
}

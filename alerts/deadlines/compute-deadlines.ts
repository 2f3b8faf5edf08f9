import { ValidationError } from '../../core/index.ts';
import type { OfficeContext } from './build-deadline.ts';
import { parseCalendarDate } from './calendar-date.ts';
import type { CalendarDate } from './calendar-date.ts';
import { officeCalendar } from './calendars/index.ts';
import type { AdHocClosure } from './calendars/index.ts';
import type { Deadline } from './deadline.ts';
import { OFFICE_PROFILES } from './office-profiles.ts';
import { UnknownOfficeError, officeCodeFor, officeRule } from './offices.ts';
import type { OfficeCode } from './offices.ts';
import { oppositionDeadlines } from './opposition-deadlines.ts';
import { renewalDeadlines } from './renewal-deadlines.ts';
import {
  nonUseDeadline,
  priorityDeadline,
  targetPriorityDeadline,
  useDeclarationDeadlines,
} from './term-deadlines.ts';

/** Extra closed days per office, keyed by office code or ISO country ("USPTO", "BR", ...). */
export type HolidayCalendar = Record<string, readonly string[]>;

export interface DeadlineInput {
  office: string;
  publishedOn?: string;
  filedOn?: string;
  registeredOn?: string;
  /**
   * Offices where a later application claiming priority of the filing at `office` is made: one
   * priority deadline each, rolled by that office's calendar (Paris Art. 4C(3)).
   */
  targetOffices?: readonly string[];
  /** Closures on top of each office's calendar (a one-off closure not yet in the ad hoc table). */
  holidays?: HolidayCalendar;
}

function extraClosures(code: OfficeCode, holidays: HolidayCalendar | undefined): AdHocClosure[] {
  if (!holidays) return [];
  return Object.entries(holidays)
    .filter(([key]) => {
      try {
        return officeCodeFor(key) === code;
      } catch {
        return false; // keys for offices this engine does not know cannot concern this office
      }
    })
    .flatMap(([key, days]) =>
      days.map((day) => ({
        office: code,
        date: parseCalendarDate(day, `holidays.${key}`),
        reason: 'closure given with the request',
      })),
    );
}

/** Resolves the office's rules, profile and calendar once per request. */
export function officeContext(office: string, holidays?: HolidayCalendar): OfficeContext {
  const rule = officeRule(office);
  return {
    rule,
    profile: OFFICE_PROFILES[rule.code],
    calendar: officeCalendar(rule.code, extraClosures(rule.code, holidays)),
  };
}

function optionalDate(value: string | undefined, label: string): CalendarDate | undefined {
  return value === undefined ? undefined : parseCalendarDate(value, label);
}

function byDate(a: Deadline, b: Deadline): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : 0;
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
  const targets = [...new Set((input.targetOffices ?? []).map((code) => officeCodeFor(code)))];
  if (targets.length > 0 && !filedOn) {
    throw new ValidationError(
      'target offices need the date of the first filing: give filedOn (--filed YYYY-MM-DD)',
      { targetOffices: targets },
    );
  }
  const priority = filedOn
    ? targets.length > 0
      ? targets.map((code) => targetPriorityDeadline(ctx, filedOn, officeContext(code, input.holidays)))
      : [priorityDeadline(ctx, filedOn)]
    : [];
  const deadlines = [
    ...(publishedOn ? oppositionDeadlines(ctx, publishedOn) : []),
    ...priority,
    ...renewalDeadlines(ctx, { filedOn, registeredOn }),
    ...useDeclarationDeadlines(ctx, { filedOn, registeredOn }),
    ...(registeredOn ? nonUseDeadline(ctx, registeredOn) : []),
  ];
  // Stable sort: same-day deadlines keep the order above.
  return deadlines.sort(byDate);
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

/**
 * The priority deadline at one target office for a first filing made at `firstOffice` (an office
 * code or country; one without rules here, such as DE, still has the 6 months of Paris Art. 4C).
 */
export function priorityDeadlineAt(input: {
  firstOffice?: string;
  filedOn: string;
  targetOffice: string;
}): Deadline {
  const filedOn = parseCalendarDate(input.filedOn, 'filedOn');
  const target = officeContext(input.targetOffice);
  let first: OfficeContext | null = null;
  if (input.firstOffice) {
    try {
      first = officeContext(input.firstOffice);
    } catch (error) {
      if (!(error instanceof UnknownOfficeError)) throw error;
    }
  }
  const label = first ? undefined : input.firstOffice?.trim().toUpperCase();
  const deadline = targetPriorityDeadline(first ?? target, filedOn, target, label);
  return first ? deadline : { ...deadline, firstFiling: { office: null, filedOn } };
}

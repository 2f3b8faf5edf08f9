import { yearOf } from './calendar-date.ts';
import { CALENDAR_SPECS, officeCalendar } from './calendars/index.ts';
import { computeDeadlines, officeContext } from './compute-deadlines.ts';
import type { DeadlineInput } from './compute-deadlines.ts';
import type { Deadline, DeadlineKind } from './deadline.ts';
import { renewalAnchor } from './renewal-deadlines.ts';
import type { OfficeCode } from './offices.ts';

/** Something the dates given would normally yield but the engine cannot say, and why. */
export interface NotKnown {
  kind: DeadlineKind | 'office-closures';
  office: OfficeCode;
  reason: string;
}

/** The calendar an office's deadlines were rolled by: where, which weekend, what it rests on. */
export interface CalendarSummary {
  office: OfficeCode;
  seat: string;
  weekend: string;
  holidays: string;
  decision: string;
  officeList: string;
  /** Years of `years` for which a complete list the office (or its government) published is loaded. */
  officeListYears: number[];
}

export interface DeadlineReport {
  office: OfficeCode;
  deadlines: Deadline[];
  notKnown: NotKnown[];
  calendars: CalendarSummary[];
}

const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export function calendarSummary(office: OfficeCode, years: readonly number[]): CalendarSummary {
  const spec = CALENDAR_SPECS[office];
  const calendar = officeCalendar(office);
  const current = spec.weekend[spec.weekend.length - 1]!;
  const place = [spec.place.country, spec.place.state, spec.place.region].filter(Boolean).join('-');
  return {
    office,
    seat: spec.seat,
    weekend: current.days.map((d) => DAY_NAMES[d]).join(' and '),
    holidays: `${place} ${spec.types.join('/')} holidays (date-holidays)${spec.statutory ? ' + statutory closures' : ''}`,
    decision: spec.decision,
    officeList: spec.officeList,
    officeListYears: years.filter((y) => calendar.coverage(y) === 'office-list'),
  };
}

/** Why the dates given yield no deadline of a kind one would expect. */
function notKnownFor(input: DeadlineInput, deadlines: readonly Deadline[]): NotKnown[] {
  const ctx = officeContext(input.office);
  const { rule, profile } = ctx;
  const office = rule.code;
  const has = (kind: DeadlineKind) => deadlines.some((d) => d.kind === kind && d.office === office);
  const out: NotKnown[] = [];
  if (input.publishedOn && !has('opposition')) {
    out.push({
      kind: 'opposition',
      office,
      reason: `${office} has no fixed opposition period in the rule table (opposition_days_or_months is null): ${profile.oppositionBasis}. ${rule.notes.split('. ')[0]}.`,
    });
  }
  const dates = { filedOn: input.filedOn, registeredOn: input.registeredOn };
  if ((input.filedOn || input.registeredOn) && !has('renewal')) {
    const renewal = profile.renewal;
    let reason: string;
    if (!renewal || rule.renewal_years === null)
      reason = `the renewal term of ${office} is not sourced in the rule table (renewal_years is null)`;
    else if (!renewalAnchor(renewal, dates))
      reason =
        renewal.anchor === 'filed'
          ? `${office} counts the term from the filing date (${renewal.basis}), and its date of registration is not the filing date: give the filing date (--filed)`
          : `${office} counts the term from the registration date (${renewal.basis}): give the registration date (--registered)`;
    else reason = `no renewal date could be computed for ${office}`;
    out.push({ kind: 'renewal', office, reason });
  }
  if (has('renewal') && rule.grace_months === null && !has('renewal-grace-end')) {
    out.push({
      kind: 'renewal-grace-end',
      office,
      reason: `the late-renewal grace period of ${office} is not sourced in the rule table (grace_months is null)`,
    });
  }
  if (input.registeredOn && !has('non-use-vulnerable-from')) {
    out.push({
      kind: 'non-use-vulnerable-from',
      office,
      reason: `${office}: non-use is not in the rule table (non_use_years is null; for Madrid registrations it is national: use each designated office)`,
    });
  }
  // Years whose closures rest on the library while the office publishes its own list Markhound lacks.
  const offices = [...new Set(deadlines.map((d) => d.office))];
  for (const code of offices) {
    const spec = CALENDAR_SPECS[code];
    const calendar = officeCalendar(code);
    const years = [...new Set(deadlines.filter((d) => d.office === code).map((d) => yearOf(d.date)))];
    const missing = years.filter((y) => calendar.coverage(y) === 'library');
    if (missing.length > 0 && spec.officeList.startsWith('NOT LOADED'))
      out.push({
        kind: 'office-closures',
        office: code,
        reason: `${code} closures for ${missing.join(', ')} come from the holiday library only. ${spec.officeList}`,
      });
  }
  return out;
}

/**
 * Deadlines with what could not be computed and the calendars that moved them: what the CLI and the
 * deadlines API return.
 */
export function deadlineReport(input: DeadlineInput): DeadlineReport {
  const deadlines = computeDeadlines(input);
  const office = officeContext(input.office).rule.code;
  const offices = [...new Set([office, ...deadlines.map((d) => d.office)])];
  const years = [...new Set(deadlines.map((d) => yearOf(d.date)))].sort();
  return {
    office,
    deadlines,
    notKnown: notKnownFor(input, deadlines),
    calendars: offices.map((code) => calendarSummary(code, years)),
  };
}

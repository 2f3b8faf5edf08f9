import { actByDeadline, fixedDeadline } from './build-deadline.ts';
import type { OfficeContext } from './build-deadline.ts';
import { addDays, addMonths, addYears, isFebruary29 } from './calendar-date.ts';
import type { CalendarDate } from './calendar-date.ts';
import { DEADLINE_FLAGS } from './deadline.ts';
import type { Deadline, DeadlineSource } from './deadline.ts';
import type { RenewalProfile } from './office-profiles.ts';
import { EVENT_NOUN, describePeriod } from './period.ts';

export interface EventDates {
  filedOn?: CalendarDate;
  registeredOn?: CalendarDate;
}

/**
 * CNIPA (Implementing Regulations Art. 12 para. 2): validity ends the day before the anniversary;
 * for a 29 February start, on the last day of February.
 */
function dayBeforeAnniversary(start: CalendarDate, years: number): CalendarDate {
  const anniversary = addYears(start, years);
  return isFebruary29(start) && !isFebruary29(anniversary) ? anniversary : addDays(anniversary, -1);
}

function anchorNotes(renewal: RenewalProfile): {
  flags: string[];
  notes: string[];
  verified?: boolean;
  extraSources?: DeadlineSource[];
} {
  if (!renewal.assumedAnchorReason) return { flags: [], notes: [] };
  return {
    flags: [DEADLINE_FLAGS.assumedAnchor],
    notes: [`Assumption: ${renewal.assumedAnchorReason}.`],
    verified: false,
  };
}

type AnchorNotes = ReturnType<typeof anchorNotes>;
type Trigger = Deadline['triggeredBy'];

/** SAIP counts in Hijri years: only the rules' own Gregorian approximation is given, flagged. */
function hijriRenewal(
  ctx: OfficeContext,
  renewal: RenewalProfile,
  trigger: Trigger,
  months: number,
): Deadline[] {
  const years = Math.floor(months / 12);
  return [
    actByDeadline(ctx, {
      kind: 'renewal',
      trigger,
      unadjustedDate: addMonths(trigger.date, months),
      rule: `10 Hijri (lunar) years after ${EVENT_NOUN[trigger.event]}, approximated as ${years} years ${months % 12} months (${renewal.basis})`,
      supports: ['renewal_years'],
      flags: [DEADLINE_FLAGS.hijri, DEADLINE_FLAGS.approximate],
      notes: [
        'The term is counted in Hijri (lunar) years; this is the Gregorian approximation the rules give ("about 9 years 8 months"), a little earlier than the true Hijri date: confirm the exact day on the Hijri calendar.',
        'The 6 lunar-month grace period has no Gregorian approximation in the rules and is not computed.',
      ],
      verified: false,
    }),
  ];
}

/** The day the term ends, as the office counts it, and the renewal deadline on it. */
function termEndDeadline(
  ctx: OfficeContext,
  renewal: RenewalProfile,
  trigger: Trigger,
  years: number,
  anchor: AnchorNotes,
): Deadline {
  const common = {
    kind: 'renewal' as const,
    trigger,
    verified: anchor.verified,
    extraSources: anchor.extraSources ?? [],
  };
  if (renewal.termEnds === 'day-before-anniversary') {
    return fixedDeadline(ctx, {
      ...common,
      unadjustedDate: dayBeforeAnniversary(trigger.date, years),
      supports: ['renewal_years', 'notes'],
      rule: `validity ends the day before the ${years}th anniversary of ${EVENT_NOUN[trigger.event]} (${renewal.basis})`,
      flags: [...anchor.flags, DEADLINE_FLAGS.notRolled],
      notes: [
        ...anchor.notes,
        'No holiday postponement is stated for the end of validity, so the date is not moved.',
      ],
    });
  }
  return actByDeadline(ctx, {
    ...common,
    unadjustedDate: addYears(trigger.date, years),
    supports: ['renewal_years'],
    rule: `term ends ${describePeriod(years, 'years')} after ${EVENT_NOUN[trigger.event]} (${renewal.basis})`,
    flags: anchor.flags,
    notes: anchor.notes,
  });
}

/**
 * The date the term counts from. Where the office's law makes the registration date the filing date
 * (UK TMA 1994 s.40(3), IP India), a registration date alone is enough.
 */
export function renewalAnchor(
  renewal: RenewalProfile,
  dates: EventDates,
): { event: 'filed' | 'registered'; date: CalendarDate; note?: string } | null {
  if (renewal.anchor === 'registered')
    return dates.registeredOn ? { event: 'registered', date: dates.registeredOn } : null;
  if (dates.filedOn) return { event: 'filed', date: dates.filedOn };
  const same = renewal.registrationDateIsFilingDate;
  if (same && dates.registeredOn)
    return {
      event: 'registered',
      date: dates.registeredOn,
      note: `${same.basis}: the term counts from the registration date given.`,
    };
  return null;
}

/** When renewal opens, when the term ends (renewal due) and when the late-renewal grace ends. */
export function renewalDeadlines(ctx: OfficeContext, dates: EventDates): Deadline[] {
  const { rule } = ctx;
  const renewal = ctx.profile.renewal;
  if (!renewal || rule.renewal_years === null) return [];
  const anchor = renewalAnchor(renewal, dates);
  if (!anchor) return [];
  const trigger = { event: anchor.event, date: anchor.date };
  if (renewal.hijriApproximationMonths !== undefined)
    return hijriRenewal(ctx, renewal, trigger, renewal.hijriApproximationMonths);

  const notes = anchorNotes(renewal);
  if (anchor.note) notes.notes.push(anchor.note);
  if (anchor.note && renewal.registrationDateIsFilingDate)
    notes.extraSources = [renewal.registrationDateIsFilingDate.source];
  const termEnd = termEndDeadline(ctx, renewal, trigger, rule.renewal_years, notes);
  // Windows and grace count from the real term end, not from a day it was moved to.
  const endsOn = termEnd.unadjustedDate;
  const deadlines: Deadline[] = [];
  if (renewal.windowOpensMonthsBefore !== undefined) {
    deadlines.push(
      fixedDeadline(ctx, {
        kind: 'renewal-window-start',
        trigger,
        unadjustedDate: addMonths(endsOn, -renewal.windowOpensMonthsBefore),
        supports: ['renewal_years'],
        rule: `renewal can be filed from ${describePeriod(renewal.windowOpensMonthsBefore, 'months')} before the term ends on ${endsOn} (${renewal.basis})`,
        flags: notes.flags,
        notes: notes.notes,
        verified: notes.verified,
        extraSources: notes.extraSources ?? [],
      }),
    );
  }
  deadlines.push(termEnd);
  if (rule.grace_months !== null) {
    deadlines.push(
      actByDeadline(ctx, {
        kind: 'renewal-grace-end',
        trigger,
        unadjustedDate: addMonths(endsOn, rule.grace_months),
        supports: ['grace_months'],
        rule: `${describePeriod(rule.grace_months, 'months')} after the term ends on ${endsOn}, with surcharge (${renewal.basis})`,
        flags: notes.flags,
        notes: [...notes.notes, ...(renewal.graceNote ? [renewal.graceNote] : [])],
        verified: notes.verified,
        extraSources: notes.extraSources ?? [],
      }),
    );
  }
  return deadlines;
}

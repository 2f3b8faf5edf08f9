import type { OfficeCalendar } from './calendars/index.ts';
import { describeClosedDays, nextOpenDay } from './closed-days.ts';
import type { CalendarDate } from './calendar-date.ts';
import { DEADLINE_FLAGS } from './deadline.ts';
import type { ClosedDay, Deadline, DeadlineKind, DeadlineSource, TriggerEvent } from './deadline.ts';
import type { OfficeProfile } from './office-profiles.ts';
import type { OfficeRule } from './offices.ts';

/** Everything a deadline calculation needs about one office, resolved once per request. */
export interface OfficeContext {
  rule: OfficeRule;
  profile: OfficeProfile;
  calendar: OfficeCalendar;
}

export interface DeadlineSpec {
  kind: DeadlineKind;
  trigger: { event: TriggerEvent; date: CalendarDate };
  unadjustedDate: CalendarDate;
  rule: string;
  /** rules.json `supports` keys whose sources back this deadline. */
  supports: readonly string[];
  flags?: readonly string[];
  notes?: readonly string[];
  verified?: boolean;
  /** Sources beyond rules.json that back this deadline (a statute Markhound checked itself). */
  extraSources?: readonly DeadlineSource[];
}

export function sourcesFor(rule: OfficeRule, supports: readonly string[]): DeadlineSource[] {
  return rule.sources
    .filter((source) => source.supports.split(',').some((key) => supports.includes(key.trim())))
    .map((source) => ({ citation: source.citation, url: source.url ?? null }));
}

interface Finish {
  flags: string[];
  notes: string[];
  supports: string[];
  verified: boolean;
  closedDays?: ClosedDay[];
  sources?: readonly DeadlineSource[];
}

/** Sources by citation, first one kept: the same holiday list can back several closed days. */
function uniqueSources(sources: readonly DeadlineSource[]): DeadlineSource[] {
  const seen = new Set<string>();
  return sources.filter((s) => !seen.has(s.citation) && seen.add(s.citation));
}

export function finish(ctx: OfficeContext, spec: DeadlineSpec, date: CalendarDate, extra: Finish): Deadline {
  const notes = [...(spec.notes ?? []), ...extra.notes];
  const deadline: Deadline = {
    kind: spec.kind,
    office: ctx.rule.code,
    date,
    unadjustedDate: spec.unadjustedDate,
    triggeredBy: spec.trigger,
    rule: spec.rule,
    sources: uniqueSources([
      ...sourcesFor(ctx.rule, [...spec.supports, ...extra.supports]),
      ...(spec.extraSources ?? []),
      ...(extra.sources ?? []),
    ]),
    verified: (spec.verified ?? true) && extra.verified,
    flags: [...new Set([...(spec.flags ?? []), ...extra.flags])],
  };
  if (notes.length > 0) deadline.notes = notes.join(' ');
  if (extra.closedDays && extra.closedDays.length > 0) deadline.closedDays = extra.closedDays;
  return deadline;
}

/** A date that is not a last day to act (window opens, non-use): never moved for holidays. */
export function fixedDeadline(ctx: OfficeContext, spec: DeadlineSpec): Deadline {
  return finish(ctx, spec, spec.unadjustedDate, { flags: [], notes: [], supports: [], verified: true });
}

/** Sources of the days that moved a deadline (library data, the office's list, a statute). */
export function closedDaySources(days: readonly ClosedDay[]): DeadlineSource[] {
  return days.flatMap((d) => (d.source ? [d.source] : []));
}

/**
 * Moves a last day to act off the office's closed days and says which days moved it and why:
 * "2026-12-25 Christmas Day (...), 2026-12-26 Saturday (weekend) -> rolled to 2026-12-29 (basis)".
 * A day known only from the holiday library (no list of the office loaded for that year) adds the
 * flag library-holiday: the office may open on a day the library calls a holiday.
 */
export function rollOver(
  calendar: OfficeCalendar,
  unadjusted: CalendarDate,
  basis: string,
): { date: CalendarDate; closedDays: ClosedDay[]; flags: string[]; notes: string[] } {
  const { date, skipped } = nextOpenDay(unadjusted, calendar.closure);
  if (skipped.length === 0) return { date, closedDays: [], flags: [], notes: [] };
  const flags: string[] = [DEADLINE_FLAGS.rolledForward];
  const notes = [`${describeClosedDays(skipped)} -> rolled to ${date} (${basis}).`];
  const fromLibrary = skipped.filter((d) => d.reason === 'public-holiday');
  if (fromLibrary.length > 0) {
    flags.push(DEADLINE_FLAGS.libraryHoliday);
    notes.push(
      `${fromLibrary.map((d) => d.date).join(', ')} ${fromLibrary.length === 1 ? 'comes' : 'come'} from the holiday library, not from a closure list of ${calendar.office}: ${calendar.spec.officeList}`,
    );
  }
  return { date, closedDays: skipped, flags, notes };
}

/** A last day to act: moved, kept or flagged according to the office's weekend_rule. */
export function actByDeadline(ctx: OfficeContext, spec: DeadlineSpec): Deadline {
  const handling = ctx.profile.holidays;
  const code = ctx.rule.code;
  const { date, skipped } = nextOpenDay(spec.unadjustedDate, ctx.calendar.closure);
  const closedNote =
    skipped.length > 0
      ? `${describeClosedDays(skipped)}: ${code} is closed that day; its next open day is ${date}.`
      : null;
  if (handling.kind === 'unverified') {
    return finish(ctx, spec, spec.unadjustedDate, {
      flags: [
        DEADLINE_FLAGS.unverifiedHolidayRule,
        ...(closedNote ? [DEADLINE_FLAGS.officeClosedNotRolled] : []),
      ],
      notes: [
        `No weekend or holiday rule is sourced for ${code}: the date is as counted, not moved.`,
        ...(closedNote
          ? [`${closedNote} Check with the office or local counsel whether the period extends to it.`]
          : []),
      ],
      supports: [],
      verified: false,
      closedDays: skipped,
      sources: closedDaySources(skipped),
    });
  }
  if (handling.kind === 'no-roll') {
    return finish(ctx, spec, spec.unadjustedDate, {
      flags: [DEADLINE_FLAGS.noHolidayRoll],
      notes: [handling.reason, ...(closedNote ? [closedNote] : [])],
      supports: ['weekend_rule'],
      verified: true,
      closedDays: skipped,
      sources: closedDaySources(skipped),
    });
  }
  if (spec.kind === 'renewal' && handling.termNotExtended) {
    return finish(ctx, spec, spec.unadjustedDate, {
      flags: skipped.length > 0 ? [DEADLINE_FLAGS.notRolled] : [],
      notes: [...(closedNote ? [closedNote] : []), handling.termNotExtended],
      supports: ['weekend_rule'],
      verified: true,
      closedDays: skipped,
      sources: [...(handling.sources ?? []), ...closedDaySources(skipped)],
    });
  }
  const rolled = rollOver(ctx.calendar, spec.unadjustedDate, handling.basis);
  return finish(ctx, spec, rolled.date, {
    flags: rolled.flags,
    notes: rolled.notes,
    supports: ['weekend_rule'],
    verified: true,
    closedDays: rolled.closedDays,
    sources: [...(handling.sources ?? []), ...closedDaySources(rolled.closedDays)],
  });
}

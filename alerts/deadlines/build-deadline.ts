import { nextOpenDay } from './closed-days.ts';
import type { ClosedDayTest } from './closed-days.ts';
import type { CalendarDate } from './calendar-date.ts';
import { DEADLINE_FLAGS } from './deadline.ts';
import type { Deadline, DeadlineKind, DeadlineSource, TriggerEvent } from './deadline.ts';
import type { OfficeProfile } from './office-profiles.ts';
import type { OfficeRule } from './offices.ts';

/** Everything a deadline calculation needs about one office, resolved once per request. */
export interface OfficeContext {
  rule: OfficeRule;
  profile: OfficeProfile;
  isClosed: ClosedDayTest;
  /** True when the caller passed holidays for this office (or the office has built-in ones). */
  holidaysKnown: boolean;
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
}

export function sourcesFor(rule: OfficeRule, supports: readonly string[]): DeadlineSource[] {
  return rule.sources
    .filter((source) => source.supports.split(',').some((key) => supports.includes(key.trim())))
    .map((source) => ({ citation: source.citation, url: source.url ?? null }));
}

function finish(
  ctx: OfficeContext,
  spec: DeadlineSpec,
  date: CalendarDate,
  extra: { flags: string[]; notes: string[]; supports: string[]; verified: boolean },
): Deadline {
  const notes = [...(spec.notes ?? []), ...extra.notes];
  const deadline: Deadline = {
    kind: spec.kind,
    office: ctx.rule.code,
    date,
    unadjustedDate: spec.unadjustedDate,
    triggeredBy: spec.trigger,
    rule: spec.rule,
    sources: sourcesFor(ctx.rule, [...spec.supports, ...extra.supports]),
    verified: (spec.verified ?? true) && extra.verified,
    flags: [...new Set([...(spec.flags ?? []), ...extra.flags])],
  };
  if (notes.length > 0) deadline.notes = notes.join(' ');
  return deadline;
}

/** A date that is not a last day to act (window opens, non-use): never moved for holidays. */
export function fixedDeadline(ctx: OfficeContext, spec: DeadlineSpec): Deadline {
  return finish(ctx, spec, spec.unadjustedDate, { flags: [], notes: [], supports: [], verified: true });
}

/** A last day to act: moved, kept or flagged according to the office's weekend_rule. */
export function actByDeadline(ctx: OfficeContext, spec: DeadlineSpec): Deadline {
  const handling = ctx.profile.holidays;
  const code = ctx.rule.code;
  if (handling.kind === 'unverified') {
    return finish(ctx, spec, spec.unadjustedDate, {
      flags: [DEADLINE_FLAGS.unverifiedHolidayRule],
      notes: [
        `No weekend or holiday rule is sourced for ${code}: the date is as counted, not moved; if it is a weekend or holiday, check with the office or local counsel.`,
      ],
      supports: [],
      verified: false,
    });
  }
  if (handling.kind === 'no-roll') {
    return finish(ctx, spec, spec.unadjustedDate, {
      flags: [DEADLINE_FLAGS.noHolidayRoll],
      notes: [handling.reason],
      supports: ['weekend_rule'],
      verified: true,
    });
  }
  const date = nextOpenDay(spec.unadjustedDate, ctx.isClosed);
  const flags: string[] = [];
  const notes: string[] = [];
  if (date !== spec.unadjustedDate) {
    flags.push(DEADLINE_FLAGS.rolledForward);
    notes.push(
      `${spec.unadjustedDate} is a day ${code} is closed: moved to the next open day (${handling.basis}).`,
    );
  }
  if (!ctx.holidaysKnown) {
    flags.push(DEADLINE_FLAGS.weekendsOnly);
    notes.push(
      `No holidays were given for ${code}: only Saturdays and Sundays were skipped, so a public holiday could make the real last day later.`,
    );
  }
  return finish(ctx, spec, date, { flags, notes, supports: ['weekend_rule'], verified: true });
}

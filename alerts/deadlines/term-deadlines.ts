import { ValidationError } from '../../core/index.ts';
import { actByDeadline, closedDaySources, finish, fixedDeadline, rollOver } from './build-deadline.ts';
import type { OfficeContext } from './build-deadline.ts';
import { sourcesFor } from './build-deadline.ts';
import { describeClosedDays, nextOpenDay } from './closed-days.ts';
import { addMonths } from './calendar-date.ts';
import type { CalendarDate } from './calendar-date.ts';
import { DEADLINE_FLAGS } from './deadline.ts';
import type { Deadline } from './deadline.ts';
import { describePeriod } from './period.ts';
import type { EventDates } from './renewal-deadlines.ts';

/**
 * Paris Art. 4C: 6 months from the first filing, filing day excluded. Art. 4C(3) extends a last
 * day on which the office of the LATER filing is closed; without a target office that office is
 * not known, so the date is not moved: the earliest safe day.
 */
export function priorityDeadline(ctx: OfficeContext, filedOn: CalendarDate): Deadline {
  const months = ctx.rule.priority_months;
  return fixedDeadline(ctx, {
    kind: 'priority',
    trigger: { event: 'filed', date: filedOn },
    unadjustedDate: addMonths(filedOn, months),
    rule: `${describePeriod(months, 'months')} after the first filing, to file elsewhere claiming its priority (Paris Convention Art. 4C)`,
    supports: ['priority_months'],
    flags: [DEADLINE_FLAGS.notRolled],
    notes: [
      'If this day is a holiday or closed day at the office where the later application is filed, that office accepts it on its next working day (Art. 4C(3)); shown unmoved because no target office was given (markhound deadlines --target-office CODE).',
    ],
  });
}

/**
 * The priority deadline at one target office: 6 months from the first filing (Paris Art. 4C(1)-(2)),
 * a last day on which the TARGET office is closed moved to its next working day (Art. 4C(3)). The
 * roll rests on the treaty, so it applies at offices whose own weekend rule is not sourced; IP India
 * keeps its caution against relying on any roll.
 */
export function targetPriorityDeadline(
  first: OfficeContext,
  filedOn: CalendarDate,
  target: OfficeContext,
  /** Where the first filing was made when that office has no rules here (DE). */
  firstLabel?: string,
): Deadline {
  const code = target.rule.code;
  if (code === 'WIPO') {
    throw new ValidationError(
      'target office "WIPO": a Madrid application is filed through its office of origin, and a designation is not a later filing: give the office of origin or a national office as --target-office',
      { targetOffice: code },
    );
  }
  const months = first.rule.priority_months;
  const unadjusted = addMonths(filedOn, months);
  const spec = {
    kind: 'priority' as const,
    trigger: { event: 'filed' as const, date: filedOn },
    unadjustedDate: unadjusted,
    rule: `${describePeriod(months, 'months')} after the first filing at ${firstLabel ?? first.rule.code} on ${filedOn}, to file at ${code} claiming its priority; a last day on which ${code} is closed moves to its next working day (Paris Convention Art. 4C(1)-(3))`,
    supports: ['priority_months'],
  };
  // Sources of the treaty text are the first office's priority row; the target's closed days add theirs.
  const paris = sourcesFor(first.rule, ['priority_months']);
  const firstFiling = { office: first.rule.code, filedOn };
  if (target.profile.holidays.kind === 'no-roll') {
    const { skipped, date } = nextOpenDay(unadjusted, target.calendar.closure);
    const deadline = finish(target, spec, unadjusted, {
      flags: [DEADLINE_FLAGS.noHolidayRoll],
      notes: [
        target.profile.holidays.reason,
        ...(skipped.length > 0
          ? [`${describeClosedDays(skipped)}: Art. 4C(3) would allow ${date}; not relied on for ${code}.`]
          : []),
      ],
      supports: [],
      verified: true,
      closedDays: skipped,
      sources: [...paris, ...closedDaySources(skipped)],
    });
    return { ...deadline, firstFiling };
  }
  const rolled = rollOver(target.calendar, unadjusted, `Paris Convention Art. 4C(3) at ${code}`);
  const deadline = finish(target, spec, rolled.date, {
    flags: rolled.flags,
    notes: rolled.notes,
    supports: [],
    verified: true,
    closedDays: rolled.closedDays,
    sources: [...paris, ...closedDaySources(rolled.closedDays)],
  });
  return { ...deadline, firstFiling };
}

/** Windows for declarations of use (USPTO Section 8, IMPI 3rd-anniversary declaration, IPOPHL DAU). */
export function useDeclarationDeadlines(ctx: OfficeContext, dates: EventDates): Deadline[] {
  const deadlines: Deadline[] = [];
  for (const window of ctx.profile.useDeclarations ?? []) {
    const anchorDate = window.event === 'filed' ? dates.filedOn : dates.registeredOn;
    if (!anchorDate) continue;
    if (window.registeredOnOrAfter && anchorDate < window.registeredOnOrAfter) continue;
    const trigger = { event: window.event, date: anchorDate };
    const supports = window.supports;
    if (window.opensAfterMonths !== null) {
      deadlines.push(
        fixedDeadline(ctx, {
          kind: 'declaration-of-use-window-start',
          trigger,
          unadjustedDate: addMonths(anchorDate, window.opensAfterMonths),
          rule: window.rule,
          supports,
        }),
      );
    }
    deadlines.push(
      actByDeadline(ctx, {
        kind: 'declaration-of-use-window-end',
        trigger,
        unadjustedDate: addMonths(anchorDate, window.closesAfterMonths),
        rule: window.rule,
        supports,
      }),
    );
    if (window.graceMonths !== undefined) {
      const months = window.closesAfterMonths + window.graceMonths;
      const rule = `${describePeriod(window.graceMonths, 'months')} grace after the window closes, with surcharge`;
      deadlines.push(
        actByDeadline(ctx, {
          kind: 'declaration-of-use-grace-end',
          trigger,
          unadjustedDate: addMonths(anchorDate, months),
          rule,
          supports: [...supports, 'grace_months'],
        }),
      );
    }
  }
  return deadlines;
}

/** First day a registration never used since registration can be attacked for non-use. */
export function nonUseDeadline(ctx: OfficeContext, registeredOn: CalendarDate): Deadline[] {
  const years = ctx.rule.non_use_years;
  const nonUse = ctx.profile.nonUse;
  if (years === null || !nonUse) return [];
  const extraMonths = nonUse.extraMonths ?? 0;
  const extra = extraMonths > 0 ? ` and ${describePeriod(extraMonths, 'months')}` : '';
  return [
    fixedDeadline(ctx, {
      kind: 'non-use-vulnerable-from',
      trigger: { event: 'registered', date: registeredOn },
      unadjustedDate: addMonths(registeredOn, years * 12 + extraMonths),
      rule: `${describePeriod(years, 'years')}${extra} after registration without use (${nonUse.basis})`,
      supports: ['non_use_years'],
      flags: nonUse.caveat ? [DEADLINE_FLAGS.secondarySource] : [],
      notes: [
        'Assumes no genuine use since registration; use later on restarts the count.',
        ...(nonUse.caveat ? [`Caution: ${nonUse.caveat}.`] : []),
      ],
      verified: nonUse.caveat === undefined,
    }),
  ];
}

import { actByDeadline, fixedDeadline } from './build-deadline.ts';
import type { OfficeContext } from './build-deadline.ts';
import { addMonths } from './calendar-date.ts';
import type { CalendarDate } from './calendar-date.ts';
import { DEADLINE_FLAGS } from './deadline.ts';
import type { Deadline } from './deadline.ts';
import { describePeriod } from './period.ts';
import type { EventDates } from './renewal-deadlines.ts';

/**
 * Paris Art. 4C: 6 months from the first filing, filing day excluded. Art. 4C(3) extends a last
 * day on which the office of the LATER filing is closed; that office is not known here, so the
 * date is not moved: the earliest safe day.
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
      'If this day is a holiday or closed day at the office where the later application is filed, that office accepts it on its next working day (Art. 4C(3)); shown unmoved because that office is not known here.',
    ],
  });
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

import { actByDeadline } from './build-deadline.ts';
import type { OfficeContext } from './build-deadline.ts';
import { addDays } from './calendar-date.ts';
import type { CalendarDate } from './calendar-date.ts';
import { nextOpenDay } from './closed-days.ts';
import type { Deadline } from './deadline.ts';
import { addPeriod, describePeriod } from './period.ts';

/**
 * The day counting starts from (itself not counted). INPI-BR: LPI Art. 223 starts the period on
 * the first business day after the RPI, so that day is day 1 (Tuesday RPI + 60 lands on a Saturday).
 */
function countingStart(ctx: OfficeContext, publishedOn: CalendarDate): CalendarDate {
  if (!ctx.profile.oppositionStartsNextBusinessDay) return publishedOn;
  return addDays(nextOpenDay(addDays(publishedOn, 1), ctx.calendar.closure).date, -1);
}

/** Last day to oppose, and the latest an extension can push it to; [] where no fixed window exists. */
export function oppositionDeadlines(ctx: OfficeContext, publishedOn: CalendarDate): Deadline[] {
  const { rule, profile } = ctx;
  const amount = rule.opposition_days_or_months;
  if (amount === null || rule.unit === null) return [];
  const trigger = { event: 'published' as const, date: publishedOn };
  const start = countingStart(ctx, publishedOn);
  const caveat = profile.oppositionCaveat;
  const notes =
    start === publishedOn
      ? []
      : [`Counting starts on the first business day after publication (${addDays(start, 1)}).`];
  const deadlines = [
    actByDeadline(ctx, {
      kind: 'opposition',
      trigger,
      unadjustedDate: addPeriod(start, amount, rule.unit),
      rule: `${describePeriod(amount, rule.unit)} after publication (${profile.oppositionBasis})`,
      supports: ['opposition'],
      flags: caveat ? [caveat.flag] : [],
      notes: caveat ? [...notes, caveat.note] : notes,
      verified: caveat === undefined,
    }),
  ];
  const extended = profile.oppositionExtendedMax;
  if (extended) {
    deadlines.push(
      actByDeadline(ctx, {
        kind: 'opposition-extended-max',
        trigger,
        unadjustedDate: addPeriod(start, extended.amount, extended.unit),
        rule: `at most ${describePeriod(extended.amount, extended.unit)} after publication: ${extended.how}`,
        supports: ['extension'],
        notes: rule.extension ? [rule.extension] : [],
      }),
    );
  }
  return deadlines;
}

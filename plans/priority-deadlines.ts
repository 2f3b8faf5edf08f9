import { priorityDeadlineAt } from '../alerts/deadlines/index.ts';
import type { Deadline } from '../alerts/deadlines/index.ts';
import type { PlanMarket } from './types.ts';

/** What a plan shows of a market's priority deadline (snake case: stored and served as is). */
export interface MarketPriorityDeadline {
  date: string;
  /** The date as counted, before the target office's closed days moved it. */
  unadjusted_date: string;
  rule: string;
  /** The target office's closed days that moved it: date, name and calendar of each. */
  moved_by: { date: string; name: string; calendar: string }[];
  flags: string[];
  sources: { citation: string; url: string | null }[];
}

function shown(deadline: Deadline): MarketPriorityDeadline {
  return {
    date: deadline.date,
    unadjusted_date: deadline.unadjustedDate,
    rule: deadline.rule,
    moved_by:
      deadline.date === deadline.unadjustedDate
        ? []
        : (deadline.closedDays ?? []).map((d) => ({ date: d.date, name: d.name, calendar: d.calendar })),
    flags: deadline.flags,
    sources: deadline.sources,
  };
}

/**
 * The last day to file at the market's office claiming the priority of the plan's home filing:
 * 6 months, moved past the days that office is closed (Paris Art. 4C(3)). Null without a priority
 * claim, or where the market's office takes no later filing (WIPO).
 */
export function marketPriorityDeadline(market: PlanMarket): MarketPriorityDeadline | null {
  if (!market.priority) return null;
  try {
    return shown(
      priorityDeadlineAt({
        firstOffice: market.priority.homeCountry,
        filedOn: market.priority.homeFilingDate,
        targetOffice: market.office,
      }),
    );
  } catch {
    // Markets are validated at the API edge; an office that takes no later filing has no priority date.
    return null;
  }
}

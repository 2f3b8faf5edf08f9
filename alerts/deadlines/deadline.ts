import type { CalendarDate } from './calendar-date.ts';
import type { OfficeCode } from './offices.ts';

export type DeadlineKind =
  | 'opposition'
  | 'opposition-extended-max'
  | 'priority'
  | 'renewal-window-start'
  | 'renewal'
  | 'renewal-grace-end'
  | 'declaration-of-use-window-start'
  | 'declaration-of-use-window-end'
  | 'declaration-of-use-grace-end'
  | 'non-use-vulnerable-from';

export type TriggerEvent = 'published' | 'filed' | 'registered';

export interface DeadlineSource {
  citation: string;
  url: string | null;
}

/** Why an office is closed on a day. */
export type ClosedReason =
  'weekend' | 'public-holiday' | 'statutory-closure' | 'office-closure' | 'ad-hoc-closure';

/** One day an office is closed, with the calendar that says so and its source. */
export interface ClosedDay {
  date: CalendarDate;
  reason: ClosedReason;
  /** "Christmas Day", "Saturday", "春节". */
  name: string;
  /** Which calendar: "GB-WLS public holiday (date-holidays 3.37.0)", "State Council notice 2026". */
  calendar: string;
  source: DeadlineSource | null;
}

/**
 * One date that follows from an event at an office. `date` is the last day to act (or the day a
 * window opens, for window starts and non-use); `unadjustedDate` is the date before any move for
 * weekends and holidays. `verified` is false whenever some part of the rule is not sourced; `flags`
 * and `notes` then say which part.
 */
export interface Deadline {
  kind: DeadlineKind;
  office: OfficeCode;
  date: CalendarDate;
  unadjustedDate: CalendarDate;
  triggeredBy: { event: TriggerEvent; date: CalendarDate };
  /** Human sentence: "30 days after publication (15 U.S.C. 1063(a))". */
  rule: string;
  sources: DeadlineSource[];
  verified: boolean;
  flags: string[];
  notes?: string;
  /**
   * The closed days at the office from `unadjustedDate` on: the days that moved the deadline (or,
   * where the office's rule is not sourced and the date was kept, the days it would have skipped).
   */
  closedDays?: ClosedDay[];
  /** Priority deadlines only: the office where the first filing was made. */
  firstFiling?: { office: OfficeCode | null; filedOn: CalendarDate };
}

/** Flags a Deadline can carry; each one is explained in the deadline's notes. */
export const DEADLINE_FLAGS = {
  rolledForward: 'rolled-forward',
  weekendsOnly: 'weekends-only',
  unverifiedHolidayRule: 'unverified-holiday-rule',
  noHolidayRoll: 'no-holiday-roll',
  notRolled: 'not-rolled',
  hijri: 'hijri',
  approximate: 'approximate',
  assumedAnchor: 'assumed-anchor',
  secondarySource: 'secondary-source',
  pendingChange: 'pending-change',
  libraryHoliday: 'library-holiday',
  officeClosedNotRolled: 'office-closed-not-rolled',
} as const;

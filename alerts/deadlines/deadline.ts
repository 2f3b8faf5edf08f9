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
} as const;

import type { HolidaysTypes } from 'date-holidays';
import type { DeadlineSource } from '../deadline.ts';
import type { LibraryPlace } from './library-holidays.ts';

/** 0 = Sunday ... 6 = Saturday. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** The days of the week an office is closed, from a date on (the UAE moved its weekend in 2022). */
export interface WeekendPeriod {
  days: readonly Weekday[];
  /** First day this weekend applies (inclusive); absent: since ever. */
  from?: string;
  source?: DeadlineSource;
}

/** A closure the office's law fixes every year, where the library lacks it. */
export type StatutoryClosure =
  | {
      kind: 'fixed';
      month: number;
      day: number;
      name: string;
      fromYear?: number;
      /** Canada's National Day for Truth and Reconciliation: a Saturday or Sunday moves to Monday. */
      weekendMovesToMonday?: boolean;
      source: DeadlineSource;
    }
  /** Malaysia, Holidays Act 1951 s.3: a public holiday on the weekly rest day is replaced by the next day. */
  | { kind: 'sunday-replacement'; source: DeadlineSource }
  /**
   * US Federal holidays computed from 5 U.S.C. 6103 and Executive Order 11582 (in-lieu days,
   * Inauguration Day in D.C.): the library misses some in-lieu days (Friday 10 November 2023).
   */
  | { kind: 'us-federal'; source: DeadlineSource };

/** How Markhound builds one office's calendar; every choice says why. */
export interface CalendarSpec {
  /** Where the office receives filings: its holidays are the ones of that place. */
  seat: string;
  place: LibraryPlace;
  /**
   * Library holiday types the office is closed on. Where it is not certain that the office closes
   * (Brazilian "ponto facultativo", Philippine special non-working days), the type is left out: the
   * deadline then stays on the earlier day, which is safe, and the ad hoc closures can add the day.
   */
  types: readonly HolidaysTypes.HolidayType[];
  /** Library holidays the office does not close for. */
  exclude?: { names: RegExp; why: string };
  /** Library holidays whose days are off by some days (Korean Seollal starts the day before). */
  shift?: { names: RegExp; days: number; why: string; source: DeadlineSource };
  weekend: readonly WeekendPeriod[];
  statutory?: readonly StatutoryClosure[];
  /** The calendar decision in one paragraph, for the README and the API. */
  decision: string;
  /** What the office publishes itself about closures, and what Markhound has of it. */
  officeList: string;
}

export const SATURDAY_SUNDAY: readonly WeekendPeriod[] = [{ days: [6, 0] }];

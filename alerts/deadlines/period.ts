import { addDays, addMonths } from './calendar-date.ts';
import type { CalendarDate } from './calendar-date.ts';
import type { TriggerEvent } from './deadline.ts';

export type PeriodUnit = 'days' | 'months';

/** Conventions of rules.json: the event day is not counted; months keep the day-number or clamp. */
export function addPeriod(from: CalendarDate, amount: number, unit: PeriodUnit): CalendarDate {
  return unit === 'days' ? addDays(from, amount) : addMonths(from, amount);
}

export function describePeriod(amount: number, unit: PeriodUnit | 'years'): string {
  return `${amount} ${amount === 1 ? unit.slice(0, -1) : unit}`;
}

export const EVENT_NOUN: Record<TriggerEvent, string> = {
  published: 'publication',
  filed: 'filing',
  registered: 'registration',
};

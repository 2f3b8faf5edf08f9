import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../core/index.ts';
import { reminderSchedule } from './reminder-schedule.ts';

function fireTimes(deadline: string, offsets: number[], timeZone: string, hour?: number): string[] {
  return reminderSchedule(deadline, offsets, timeZone, hour).map((reminder) => reminder.fireAt.toISOString());
}

describe('reminderSchedule: 09:00 local in the organization time zone', () => {
  it('Europe/Berlin across the spring change (CET -> CEST on 2026-03-29)', () => {
    expect(fireTimes('2026-03-30', [2, 1, 0], 'Europe/Berlin')).toEqual([
      '2026-03-28T08:00:00.000Z', // CET, UTC+1
      '2026-03-29T07:00:00.000Z', // CEST from 02:00 that morning
      '2026-03-30T07:00:00.000Z',
    ]);
  });

  it('America/New_York across the autumn change (EDT -> EST on 2026-11-01)', () => {
    expect(fireTimes('2026-11-02', [2, 1, 0], 'America/New_York')).toEqual([
      '2026-10-31T13:00:00.000Z',
      '2026-11-01T14:00:00.000Z',
      '2026-11-02T14:00:00.000Z',
    ]);
  });

  it('America/Sao_Paulo has had no DST since 2019: UTC-3 all year', () => {
    expect(fireTimes('2026-07-15', [0, 181], 'America/Sao_Paulo')).toEqual([
      '2026-07-15T12:00:00.000Z',
      '2026-01-15T12:00:00.000Z',
    ]);
  });

  it('an hour skipped by the spring change fires at the first instant after it', () => {
    // 2026-03-08 02:00 does not exist in New York (clocks jump to 03:00 EDT = 07:00Z).
    expect(fireTimes('2026-03-08', [0], 'America/New_York', 2)).toEqual(['2026-03-08T07:00:00.000Z']);
    // 01:00 on 2026-11-01 happens twice; the first (EDT, 05:00Z) is used.
    expect(fireTimes('2026-11-01', [0], 'America/New_York', 1)).toEqual(['2026-11-01T05:00:00.000Z']);
  });

  it('keeps the offsets given and honours another local hour', () => {
    const reminders = reminderSchedule('2026-12-01', [30, 7], 'Asia/Tokyo', 17);
    expect(reminders.map((r) => r.offsetDays)).toEqual([30, 7]);
    expect(reminders.map((r) => r.fireAt.toISOString())).toEqual([
      '2026-11-01T08:00:00.000Z',
      '2026-11-24T08:00:00.000Z',
    ]);
  });

  it('rejects an unknown time zone, a bad hour and a bad date with the value named', () => {
    expect(() => reminderSchedule('2026-12-01', [1], 'Mars/Olympus')).toThrow(
      /"Mars\/Olympus" is not an IANA time zone/,
    );
    expect(() => reminderSchedule('2026-12-01', [1], 'UTC', 24)).toThrow(ValidationError);
    expect(() => reminderSchedule('2026-12-01', [1.5], 'UTC')).toThrow(/1.5/);
    expect(() => reminderSchedule('2026-12-32', [1], 'UTC')).toThrow(/deadlineDate "2026-12-32"/);
  });
});

import { ValidationError } from '../../core/index.ts';
import { addDays, parseCalendarDate } from './calendar-date.ts';
import type { CalendarDate } from './calendar-date.ts';

export interface Reminder {
  offsetDays: number;
  fireAt: Date;
}

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
  } catch {
    throw new ValidationError(
      `time zone "${timeZone}" is not an IANA time zone: use a name such as Europe/Berlin or America/Sao_Paulo`,
      { timeZone },
    );
  }
}

/** Milliseconds the zone's wall clock is ahead of UTC at `instantMs`. */
function zoneOffsetMs(formatter: Intl.DateTimeFormat, instantMs: number): number {
  const parts = Object.fromEntries(
    formatter.formatToParts(new Date(instantMs)).map((part) => [part.type, part.value]),
  );
  const wallAsUtc = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return wallAsUtc - Math.floor(instantMs / 1000) * 1000;
}

/**
 * The UTC instant of `hour`:00 local time on `date`. The offset is read at the candidate instant and
 * read again once, so a DST change between the guess and the answer is taken into account; an
 * hour that occurs twice (autumn) resolves to its first occurrence.
 */
export function localTimeToUtc(date: CalendarDate, hour: number, formatter: Intl.DateTimeFormat): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const wallAsUtc = Date.UTC(year, month - 1, day, hour);
  const firstOffset = zoneOffsetMs(formatter, wallAsUtc);
  const candidate = wallAsUtc - firstOffset;
  const secondOffset = zoneOffsetMs(formatter, candidate);
  if (secondOffset === firstOffset) return new Date(candidate);
  const adjusted = wallAsUtc - secondOffset;
  // In a spring-forward gap the hour does not exist and neither reading is consistent: take the
  // later instant (02:00 -> 03:00 local), so a reminder is never sent before the asked hour.
  return new Date(zoneOffsetMs(formatter, adjusted) === secondOffset ? adjusted : candidate);
}

/**
 * When to send reminders `offsetsDays` days before `deadlineDate` (0 = on the day), each at
 * `hourLocal`:00 in the organization's IANA time zone, as UTC instants.
 */
export function reminderSchedule(
  deadlineDate: string,
  offsetsDays: readonly number[],
  timeZone: string,
  hourLocal = 9,
): Reminder[] {
  const deadline = parseCalendarDate(deadlineDate, 'deadlineDate');
  if (!Number.isInteger(hourLocal) || hourLocal < 0 || hourLocal > 23) {
    throw new ValidationError(
      `hourLocal ${hourLocal} is not an hour of the day: use a whole number from 0 to 23`,
      { hourLocal },
    );
  }
  const bad = offsetsDays.find((offset) => !Number.isInteger(offset));
  if (bad !== undefined) {
    throw new ValidationError(
      `reminder offset ${bad} is not a whole number of days: use e.g. [30, 7, 1, 0]`,
      { offsetDays: bad },
    );
  }
  const formatter = formatterFor(timeZone);
  return offsetsDays.map((offsetDays) => ({
    offsetDays,
    fireAt: localTimeToUtc(addDays(deadline, -offsetDays), hourLocal, formatter),
  }));
}

export { computeDeadlines, oppositionDeadline, priorityDeadlineAt } from './compute-deadlines.ts';
export type { DeadlineInput, HolidayCalendar } from './compute-deadlines.ts';
export type {
  ClosedDay,
  ClosedReason,
  Deadline,
  DeadlineKind,
  DeadlineSource,
  TriggerEvent,
} from './deadline.ts';
export { deadlineReport, calendarSummary } from './deadline-report.ts';
export type { CalendarSummary, DeadlineReport, NotKnown } from './deadline-report.ts';
export { CALENDAR_SPECS, adHocClosureSchema, officeCalendar } from './calendars/index.ts';
export type { AdHocClosure, OfficeCalendar } from './calendars/index.ts';
export { DEADLINE_FLAGS } from './deadline.ts';
export { OFFICE_CODES, UnknownOfficeError, allOfficeRules, officeCodeFor, officeRule } from './offices.ts';
export type { OfficeCode, OfficeRule } from './offices.ts';
export { reminderSchedule } from './reminder-schedule.ts';
export type { Reminder } from './reminder-schedule.ts';
export { addDays, addMonths, addYears, isCalendarDate, parseCalendarDate } from './calendar-date.ts';
export type { CalendarDate } from './calendar-date.ts';
export { usFederalHolidays } from './us-federal-holidays.ts';
export { officeCoverageMarkdown } from './office-coverage.ts';

import type { SourceDefinition } from './definition.ts';
import {
  DEFAULT_MAX_ISSUES_PER_RUN,
  compareIssueKeys,
  type SourceCursor,
  type SourceSettings,
} from './source-state.ts';

/** One issue of a source to fetch: its cursor key and the values for the URL placeholders. */
export interface IssueRef {
  /** `YYYY-MM-DD` for date and query sources, the issue number for issue sources. */
  key: string;
  date?: string;
  issue?: number;
  /** The file's own URL or path, for issues read off a list page. */
  url?: string;
  /** How the list page names the issue, for messages. */
  title?: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export const utcDate = (d: Date): string => d.toISOString().slice(0, 10);
const addDays = (date: string, days: number): string =>
  utcDate(new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS));
const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/** The issue an `issue` source is expected to be at on `today`, from its anchor. */
export function estimatedIssue(def: SourceDefinition, today: string): number | null {
  if (def.enumeration.kind !== 'issue') return null;
  const { anchor, everyDays } = def.enumeration;
  return anchor.issue + Math.floor(daysBetween(anchor.date, today) / everyDays);
}

/**
 * Which issues are due, oldest first, from the cursor up to `now`: so a sync after downtime
 * catches up, at most `maxIssuesPerRun` at a time. For `issue` sources the list is a probe
 * (next numbers in order); the sync stops at the first one not published yet.
 */
export function planIssues(
  def: SourceDefinition,
  settings: SourceSettings,
  cursor: SourceCursor,
  now: Date,
): IssueRef[] {
  const max = settings.maxIssuesPerRun ?? DEFAULT_MAX_ISSUES_PER_RUN;
  const today = utcDate(now);
  const e = def.enumeration;
  if (e.kind === 'issue') {
    const first = cursor.last
      ? Number(cursor.last) + 1
      : (settings.startIssue ?? estimatedIssue(def, today) ?? 1);
    return Array.from({ length: max }, (_, i) => ({ key: String(first + i), issue: first + i }));
  }
  // List and serial sources are planned from what the office shows (planListedIssues, serial walk).
  if (e.kind === 'list' || e.kind === 'serial') return [];
  const lastDue = addDays(today, -e.lagDays);
  const first = cursor.last ? addDays(cursor.last, 1) : (settings.startDate ?? lastDue);
  const refs: IssueRef[] = [];
  for (let date = first; date <= lastDue && refs.length < max; date = addDays(date, 1))
    refs.push({ key: date, date });
  return refs;
}

/**
 * A day without a file counts as "nothing published" for good once it is this many days older
 * than the latest due day; before that the file may just be late, and the day is asked again.
 */
export const ABSENCE_FINAL_AFTER_DAYS = 7;

/** Whether a 404 for this day of a date or query source is final (see ABSENCE_FINAL_AFTER_DAYS). */
export function isAbsenceFinal(def: SourceDefinition, date: string, now: Date): boolean {
  if (def.enumeration.kind !== 'date' && def.enumeration.kind !== 'query') return false;
  return date <= addDays(utcDate(now), -def.enumeration.lagDays - ABSENCE_FINAL_AFTER_DAYS);
}

/** How many issues the source is behind on `now` (estimated for issue sources); null if unknown. */
export function issuesBehind(def: SourceDefinition, cursor: SourceCursor, now: Date): number | null {
  const today = utcDate(now);
  const e = def.enumeration;
  if (!cursor.last) return null;
  if (e.kind === 'issue') {
    const expected = estimatedIssue(def, today);
    return expected === null ? null : Math.max(0, expected - Number(cursor.last));
  }
  if (e.kind === 'list') {
    // Issues of a list source are keyed by the office's ids; their dates tell how far behind it is.
    const lastDate = cursor.issues[cursor.last]?.at.slice(0, 10);
    return lastDate ? Math.max(0, Math.floor(daysBetween(lastDate, today) / e.everyDays)) : null;
  }
  if (e.kind === 'serial') return null;
  return Math.max(0, daysBetween(cursor.last, addDays(today, -e.lagDays)));
}

/**
 * The issues of a list source still to fetch: those listed after the cursor, oldest first, at most
 * `maxIssuesPerRun`, so a sync after downtime catches up on whatever the list still shows. With an
 * empty cursor: the issues from `startDate` on, or else only the newest one (no backfill unasked).
 */
export function planListedIssues(
  listed: readonly IssueRef[],
  settings: SourceSettings,
  cursor: SourceCursor,
): IssueRef[] {
  const max = settings.maxIssuesPerRun ?? DEFAULT_MAX_ISSUES_PER_RUN;
  const sorted = [...listed].sort((a, b) => compareIssueKeys(a.key, b.key));
  let due: IssueRef[];
  if (cursor.last) due = sorted.filter((i) => compareIssueKeys(i.key, cursor.last!) > 0);
  else if (settings.startDate) due = sorted.filter((i) => (i.date ?? '') >= settings.startDate!);
  else due = sorted.slice(-1);
  return due.slice(0, max);
}

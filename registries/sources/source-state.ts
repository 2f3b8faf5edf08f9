import { z } from 'zod';
import { ValidationError } from '../../core/errors.ts';

/**
 * The operator's settings of a source (the `settings` jsonb column), validated when read: a typo
 * in a hand-edited row is an error naming the field, not a silent default.
 */
export const sourceSettingsSchema = z
  .object({
    /** Replaces the definition's base URL: a mirror, or a local server in tests. */
    baseUrl: z.string().url().optional(),
    /** Most issues fetched in one sync; a long downtime is caught up over several runs. */
    maxIssuesPerRun: z.number().int().min(1).max(366).optional(),
    /** First date of a `date`/`query` source with an empty cursor (default: the latest due date). */
    startDate: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .optional(),
    /** First issue of an `issue` source with an empty cursor (default: estimated current issue). */
    startIssue: z.number().int().min(1).optional(),
    /** Largest file accepted after unzipping. */
    maxUnzippedBytes: z.number().int().min(1).optional(),
    /** Largest download accepted (gazette PDFs run to hundreds of MB; default 1 GiB). */
    maxDownloadBytes: z.number().int().min(1).optional(),
    /** First id of a `serial` source with an empty cursor, e.g. VN4202600001 (default: serial 1 of this year). */
    startId: z.string().min(3).max(40).optional(),
  })
  .strict();
export type SourceSettings = z.infer<typeof sourceSettingsSchema>;

export const DEFAULT_MAX_ISSUES_PER_RUN = 14;

/** What happened to one issue, kept in the cursor for the most recent issues. */
export const issueStateSchema = z.object({
  outcome: z.enum(['ingested', 'not-published']),
  at: z.string(),
  records: z.number().int().optional(),
  sha256: z.string().optional(),
  etag: z.string().optional(),
  lastModified: z.string().optional(),
});
export type IssueState = z.infer<typeof issueStateSchema>;

/**
 * What a source has already ingested. `last` is the newest issue key done (a date `YYYY-MM-DD` or
 * an issue number as text); every issue up to it is done, so a sync resumes after it.
 */
export const sourceCursorSchema = z.object({
  last: z.string().optional(),
  issues: z.record(z.string(), issueStateSchema).default({}),
  /**
   * The newest day the office's data covers, as far as the syncs have seen: the latest issue date
   * (or query date) that brought records. An API that stopped being updated shows here.
   */
  dataCurrentTo: z.string().optional(),
});
export type SourceCursor = z.infer<typeof sourceCursorSchema>;

/** How many issue states the cursor keeps (the newest); older ones only live on in `last`. */
export const CURSOR_ISSUES_KEPT = 30;

function parseOrExplain<T>(schema: z.ZodType<T>, value: unknown, what: string, sourceId: string): T {
  const parsed = schema.safeParse(value ?? {});
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
  throw new ValidationError(
    `source ${sourceId} has invalid ${what} (${problems}); fix the sources row's ${what} column`,
  );
}

export const parseSourceSettings = (value: unknown, sourceId: string): SourceSettings =>
  parseOrExplain(sourceSettingsSchema, value, 'settings', sourceId);

export const parseSourceCursor = (value: unknown, sourceId: string): SourceCursor =>
  parseOrExplain(sourceCursorSchema, value, 'cursor', sourceId);

/** The cursor after one more issue is done: `last` moves forward, old issue states are dropped. */
export function advanceCursor(
  cursor: SourceCursor,
  key: string,
  state: IssueState,
  dataDate?: string,
): SourceCursor {
  const issues = { ...cursor.issues, [key]: state };
  const keys = Object.keys(issues).sort(compareIssueKeys);
  for (const old of keys.slice(0, Math.max(0, keys.length - CURSOR_ISSUES_KEPT))) delete issues[old];
  const last = cursor.last && compareIssueKeys(cursor.last, key) > 0 ? cursor.last : key;
  const dataCurrentTo =
    dataDate && (state.records ?? 0) > 0 && (!cursor.dataCurrentTo || dataDate > cursor.dataCurrentTo)
      ? dataDate
      : cursor.dataCurrentTo;
  return { last, issues, ...(dataCurrentTo ? { dataCurrentTo } : {}) };
}

/** Dates compare as text; issue numbers as numbers. */
export function compareIssueKeys(a: string, b: string): number {
  if (/^\d+$/.test(a) && /^\d+$/.test(b)) return Number(a) - Number(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import type { Clock } from '../core/clock.ts';
import { NotFoundError, ValidationError } from '../core/errors.ts';
import type { Logger } from '../core/log.ts';
import { redactUrl } from '../crawler/http/index.ts';
import { tables, type Database } from '../db/index.ts';
import { adapterById } from './formats.ts';
import type { IngestProgress } from './ingest-file.ts';
import type { XmlLimits } from './xml/index.ts';
import {
  advanceCursor,
  findSourceDefinition,
  issueHeaders,
  issueUrl,
  parseSourceCursor,
  parseSourceSettings,
  planIssues,
  planListedIssues,
  scrubSecrets,
  sourceUrl,
  type IssueRef,
  type SourceCursor,
  type SourceDefinition,
  type SourceSecrets,
  type SourceSettings,
} from './sources/index.ts';
import { ISSUE_LIST_READERS } from './sync/issue-lists.ts';
import { runSerialWalk } from './sync/serial-walk.ts';
import type { Downloader } from './sync/fetch-issue.ts';
import { recordFailure, recordSuccess, saveIssueDone } from './sync/record-health.ts';
import { syncOneIssue, type IssueOutcome, type IssueWork } from './sync/sync-one-issue.ts';

export interface SyncContext {
  db: Database;
  log?: Logger;
  clock: Clock;
  http: Downloader;
  /** Folder for downloads in progress (one sub-folder per source); files are removed after use. */
  workDir: string;
  secrets?: SourceSecrets;
  /** Bounds on one XML record; a record over them is a reported skip. */
  xmlLimits?: Partial<XmlLimits>;
  /** Called with the ids of new or changed filings after each committed batch (to screen them). */
  onChanged?: (filingIds: string[]) => Promise<void>;
  /** Waits between requests of slow sources (the HTTP client's sleep; tests record instead). */
  sleep?: (ms: number) => Promise<void>;
}

export interface SyncInput {
  sourceId: string;
  onProgress?: (event: SyncProgress) => void;
}

export interface SyncProgress extends Partial<IngestProgress> {
  issue: string;
  stage: 'download' | 'ingest' | 'done';
}

export interface SyncSummary {
  sourceId: string;
  status: 'succeeded' | 'failed';
  issues: IssueOutcome[];
  /** Newest issue done after this run. */
  cursor: string | null;
  recordsIngested: number;
  error: string | null;
}

/** Where a run got to, for the summary and for the failure message. */
interface RunState {
  outcomes: IssueOutcome[];
  cursorLast: string | null;
  issue: string | null;
  url: string | null;
}

/**
 * Brings one source up to date: works out the issues due since its cursor (bounded per run), and
 * for each, oldest first: downloads it (conditionally when it was seen before), unzips and ingests
 * it, and only then moves the cursor past it. The first failure stops the run with the cursor on
 * the last issue fully done, and is recorded on the source row with the URL and what to do.
 */
export async function syncSource({
  ctx,
  input,
}: {
  ctx: SyncContext;
  input: SyncInput;
}): Promise<SyncSummary> {
  const [row] = await ctx.db.select().from(tables.sources).where(eq(tables.sources.id, input.sourceId));
  if (!row)
    throw new NotFoundError(
      `source ${input.sourceId} does not exist; \`markhound sources\` lists the sources`,
    );
  const state: RunState = { outcomes: [], cursorLast: null, issue: null, url: null };
  try {
    await runIssues(ctx, input, row, state);
  } catch (error) {
    const message = scrubSecrets(failureMessage(row.id, state, error), ctx.secrets);
    ctx.log?.error('source sync failed', { source: row.id, issue: state.issue, error: message });
    await recordFailure(ctx.db, row.id, ctx.clock.now(), message);
    return summarize(row.id, 'failed', state, message);
  }
  await recordSuccess(ctx.db, row.id, ctx.clock.now());
  return summarize(row.id, 'succeeded', state, null);
}

type SourceRow = typeof tables.sources.$inferSelect;

async function runIssues(ctx: SyncContext, input: SyncInput, row: SourceRow, state: RunState): Promise<void> {
  const def = findSourceDefinition(row.id);
  if (!def)
    throw new ValidationError(
      `source ${row.id} has no definition in this release; remove its row or upgrade Markhound`,
    );
  if (def.unavailableReason)
    throw new ValidationError(`source ${def.id} cannot sync: ${def.unavailableReason}`);
  const settings = parseSourceSettings(row.settings, row.id);
  let cursor = parseSourceCursor(row.cursor, row.id);
  state.cursorLast = cursor.last ?? null;
  const dir = join(ctx.workDir, row.id);
  await mkdir(dir, { recursive: true });
  const work: IssueWork = {
    ctx,
    def,
    settings,
    adapter: adapterById(def.adapter),
    dir,
    ...(input.onProgress ? { onProgress: input.onProgress } : {}),
  };
  if (def.enumeration.kind === 'serial') {
    await runSerialWalk(work, cursor, (outcome, next) => {
      state.outcomes.push(outcome);
      state.issue = outcome.issue;
      state.cursorLast = next.last ?? null;
    });
    return;
  }
  const planned =
    def.enumeration.kind === 'list'
      ? planListedIssues(await listedIssues(ctx, def, settings, state), settings, cursor)
      : dueOrRecheck(def.enumeration.kind, planIssues(def, settings, cursor, ctx.clock.now()), cursor.last);
  // Recent days without a file: settled as "nothing published" once a later day is ingested.
  let absent: string[] = [];
  for (const [n, issue] of planned.entries()) {
    // A source's own spacing between its files, on top of the HTTP client's per-host interval.
    if (n > 0 && def.minRequestIntervalMs) await (ctx.sleep ?? defaultSleep)(def.minRequestIntervalMs);
    state.issue = issue.key;
    state.url = scrubSecrets(redactUrl(issueUrl(def, settings, issue, ctx.secrets)), ctx.secrets);
    const { outcome, cursor: next } = await syncOneIssue(work, issue, cursor);
    state.outcomes.push(outcome);
    cursor = next;
    state.cursorLast = cursor.last ?? null;
    if (outcome.result === 'not-published') {
      // A gazette number that is not out yet ends the probe; a day without a file does not.
      if (def.enumeration.kind === 'issue') break;
      if (!outcome.final) absent.push(issue.key);
    } else if (outcome.result === 'ingested' && absent.length > 0) {
      cursor = settleAbsences(cursor, absent, ctx.clock.now());
      await saveIssueDone(ctx.db, row.id, cursor, 0);
      absent = [];
    }
  }
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The issues the office's list page shows (read with the source's list reader). */
async function listedIssues(
  ctx: SyncContext,
  def: SourceDefinition,
  settings: SourceSettings,
  state: RunState,
): Promise<IssueRef[]> {
  if (def.enumeration.kind !== 'list') return [];
  const url = sourceUrl(def, settings, def.enumeration.listPath);
  state.issue = 'issue list';
  state.url = redactUrl(url);
  const page = await ctx.http.get(url, { headers: issueHeaders(def, ctx.secrets), accept: 'text/html' });
  const listed = ISSUE_LIST_READERS[def.enumeration.reader](page.body.toString('utf8'));
  if (listed.length === 0)
    throw new ValidationError(
      `the issue list ${redactUrl(url)} shows no issue Markhound can read: the office may have changed the page; the reader ${def.enumeration.reader} needs updating`,
    );
  return listed;
}

/** Days before an ingested one that had no file: recorded as not published (the cursor is past them). */
function settleAbsences(cursor: SourceCursor, keys: string[], now: Date): SourceCursor {
  return keys.reduce(
    (c, key) => advanceCursor(c, key, { outcome: 'not-published', at: now.toISOString() }),
    cursor,
  );
}

/**
 * With nothing due, a date source re-checks its newest issue with the stored validators: a
 * corrected re-publication is picked up, and an unchanged file costs one 304.
 */
function dueOrRecheck(kind: string, due: IssueRef[], last: string | undefined): IssueRef[] {
  if (due.length > 0 || !last || kind === 'issue') return due;
  return [{ key: last, date: last }];
}

function failureMessage(sourceId: string, state: RunState, error: unknown): string {
  const reason = error instanceof Error ? error.message : String(error);
  const where = state.issue ? ` at issue ${state.issue}${state.url ? ` (${state.url})` : ''}` : '';
  const stays = state.cursorLast ? `the cursor stays at ${state.cursorLast}` : 'the cursor stays empty';
  return `sync of ${sourceId} stopped${where}: ${reason}. Nothing of that issue is marked done; ${stays} and the next sync retries from there.`;
}

function summarize(
  sourceId: string,
  status: SyncSummary['status'],
  state: RunState,
  error: string | null,
): SyncSummary {
  const recordsIngested = state.outcomes.reduce((sum, i) => sum + (i.records ?? 0), 0);
  return { sourceId, status, issues: state.outcomes, cursor: state.cursorLast, recordsIngested, error };
}

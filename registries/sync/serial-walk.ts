import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { HttpStatusError } from '../../crawler/http/index.ts';
import { redactUrl } from '../../crawler/http/index.ts';
import { InputFormatError } from '../../core/errors.ts';
import { dayFirstDate } from '../gazette/index.ts';
import {
  DEFAULT_MAX_ISSUES_PER_RUN,
  advanceCursor,
  issueHeaders,
  sourceUrl,
  type SerialEnumeration,
  type SourceCursor,
} from '../sources/index.ts';
import { bundleHeader, bundleLine, readDetailPage, type BundlePage } from '../wipo-publish/index.ts';
import { ingestIssue } from './ingest-issue.ts';
import { saveIssueDone } from './record-health.ts';
import type { IssueOutcome, IssueWork } from './sync-one-issue.ts';

/** Times an unrendered page (literal `${...}`) is fetched again before the walk stops on it. */
export const UNRENDERED_RETRIES = 3;

interface Position {
  year: number;
  serial: number;
}

const keyOf = (p: Position, digits: number): string => `${p.year}-${String(p.serial).padStart(digits, '0')}`;

function idOf(e: SerialEnumeration, p: Position): string {
  return e.idTemplate
    .replace('{yyyy}', String(p.year))
    .replace('{serial}', String(p.serial).padStart(e.serialDigits, '0'));
}

/** Where the walk resumes: after the cursor's highest id found, or at the operator's start id. */
function startPosition(
  e: SerialEnumeration,
  cursor: SourceCursor,
  startId: string | undefined,
  today: string,
): Position {
  const fromKey = cursor.last ? /^(\d{4})-(\d+)$/.exec(cursor.last) : null;
  if (fromKey) return { year: Number(fromKey[1]), serial: Number(fromKey[2]) + 1 };
  if (startId) {
    const pattern = new RegExp(
      '^' + e.idTemplate.replace('{yyyy}', '(\\d{4})').replace('{serial}', `(\\d{${e.serialDigits}})`) + '$',
    );
    const m = pattern.exec(startId);
    if (!m)
      throw new InputFormatError(
        `settings.startId "${startId}" does not look like ${e.idTemplate.replace('{yyyy}', 'YYYY').replace('{serial}', 'N'.repeat(e.serialDigits))}`,
      );
    return { year: Number(m[1]), serial: Number(m[2]) };
  }
  return { year: Number(today.slice(0, 4)), serial: 1 };
}

type Probe = { kind: 'found'; page: BundlePage; filed: string | null } | { kind: 'not-found' };

/**
 * One detail page, fetched through the caller's HTTP client (5xx and 429 retried there). An
 * unrendered page is fetched again; one that stays unrendered stops the walk with the cursor before
 * it. A found page's mark image is fetched beside it (absent when the portal has none).
 */
async function probe(work: IssueWork, id: string, office: string): Promise<Probe> {
  const e = work.def.enumeration as SerialEnumeration;
  const url = sourceUrl(work.def, work.settings, e.detailPath.replace('{id}', encodeURIComponent(id)));
  const headers = issueHeaders(work.def, work.ctx.secrets);
  for (let attempt = 1; ; attempt++) {
    let html: string;
    try {
      html = (await work.ctx.http.get(url, { headers, accept: 'text/html' })).body.toString('utf8');
    } catch (error) {
      if (error instanceof HttpStatusError && (error.status === 404 || error.status === 410))
        return { kind: 'not-found' };
      throw error;
    }
    const outcome = readDetailPage(html);
    if (outcome.kind === 'not-found') return { kind: 'not-found' };
    if (outcome.kind === 'unrendered') {
      if (attempt > UNRENDERED_RETRIES)
        throw new InputFormatError(
          `${id} stayed an unrendered page (literal ${outcome.placeholder}) after ${attempt} fetches of ${redactUrl(url)}`,
        );
      await pause(work);
      continue;
    }
    const page: BundlePage = { id, url, office, html };
    const logoUrl = outcome.fields.logoUrl;
    if (logoUrl) {
      await pause(work);
      try {
        const logo = await work.ctx.http.get(onMirror(work, new URL(logoUrl, url).toString()), {
          headers,
          accept: 'image/*',
        });
        const mimeType = String(logo.headers['content-type'] ?? '')
          .split(';')[0]!
          .trim();
        if (/^image\//.test(mimeType) && logo.body.length > 0)
          page.logo = { mimeType, base64: logo.body.toString('base64') };
      } catch {
        // No image (word mark, or the portal's image service failing): the filing keeps the logo URL.
      }
    }
    return { kind: 'found', page, filed: dayFirstDate(outcome.fields.filed) };
  }
}

/**
 * A page names its images on the office's host; when the operator points the source at a mirror
 * (settings.baseUrl), they are asked from the mirror too.
 */
function onMirror(work: IssueWork, url: string): string {
  const office = work.def.baseUrl ? new URL(work.def.baseUrl).origin : null;
  const mirror = work.settings.baseUrl ? new URL(work.settings.baseUrl).origin : null;
  if (!office || !mirror || new URL(url).origin !== office) return url;
  return mirror + url.slice(office.length);
}

const pause = (work: IssueWork): Promise<void> =>
  work.def.minRequestIntervalMs
    ? (work.ctx.sleep ?? defaultSleep)(work.def.minRequestIntervalMs)
    : Promise.resolve();
const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Walks a WIPO Publish portal's application ids after the highest one found so far: pages are
 * fetched one at a time (slowly: `minRequestIntervalMs`), gathered into bundles of `blockSize`, and
 * each bundle is ingested before the cursor moves to its highest id found. `gapTolerance` ids in a
 * row without a record end the walk (the office's frontier), except that the walk moves on to the
 * next year's serial 1 once the calendar has. At most `maxIssuesPerRun` bundles' worth of ids are
 * asked per sync, so a long downtime is caught up over several syncs.
 */
export async function runSerialWalk(
  work: IssueWork,
  cursor: SourceCursor,
  onOutcome: (outcome: IssueOutcome, cursor: SourceCursor) => void,
): Promise<SourceCursor> {
  const { ctx, def, settings } = work;
  const e = def.enumeration as SerialEnumeration;
  const today = ctx.clock.now().toISOString().slice(0, 10);
  const thisYear = Number(today.slice(0, 4));
  let at = startPosition(e, cursor, settings.startId, today);
  const budget = (settings.maxIssuesPerRun ?? DEFAULT_MAX_ISSUES_PER_RUN) * e.blockSize;
  let pages: { page: BundlePage; key: string; filed: string | null }[] = [];
  let misses = 0;
  let bundles = 0;

  const flush = async (): Promise<void> => {
    if (pages.length === 0) return;
    const first = pages[0]!;
    const last = pages[pages.length - 1]!;
    const path = join(work.dir, `${def.id}-${last.key}.jsonl`);
    await writeFile(path, bundleHeader(def.office) + pages.map((p) => bundleLine(p.page)).join(''));
    work.onProgress?.({ issue: last.key, stage: 'ingest' });
    const summary = await ingestIssue(ctx, {
      path,
      archive: 'none',
      dataFileName: `${def.id}-${last.key}.jsonl`,
      url: redactUrl(last.page.url ?? ''),
      adapter: work.adapter,
      sourceId: def.id,
      dir: work.dir,
      onProgress: (p) => work.onProgress?.({ issue: last.key, stage: 'ingest', ...p }),
      ...(ctx.onChanged ? { onChanged: ctx.onChanged } : {}),
    }).finally(() => rm(path, { force: true }));
    if (summary.error)
      throw new InputFormatError(
        `bundle ${first.key}..${last.key} failed after ${summary.recordsRead} pages: ${summary.error}`,
      );
    const records = summary.recordsRead - summary.skipped;
    const newestFiled =
      pages
        .map((p) => p.filed ?? '')
        .sort()
        .at(-1) || undefined;
    cursor = advanceCursor(
      cursor,
      last.key,
      { outcome: 'ingested', at: ctx.clock.now().toISOString(), records },
      newestFiled,
    );
    await saveIssueDone(ctx.db, def.id, cursor, records);
    bundles += 1;
    work.onProgress?.({ issue: last.key, stage: 'done', ...summary });
    onOutcome(
      {
        issue: `${first.key}..${last.key}`,
        url: redactUrl(last.page.url ?? ''),
        result: 'ingested',
        records,
        inserted: summary.inserted,
        updated: summary.updated,
        skipped: summary.skipped,
      },
      cursor,
    );
    pages = [];
  };

  for (let asked = 0; asked < budget; asked++) {
    const id = idOf(e, at);
    if (asked > 0) await pause(work);
    work.onProgress?.({ issue: id, stage: 'download' });
    const result = await probe(work, id, def.office).catch(async (error: unknown) => {
      await flush(); // what was fetched before the failure lands; the cursor stays before this id
      throw error;
    });
    if (result.kind === 'found') {
      misses = 0;
      pages.push({ page: result.page, key: keyOf(at, e.serialDigits), filed: result.filed });
      if (pages.length >= e.blockSize) await flush();
    } else if (++misses >= e.gapTolerance) {
      if (at.year < thisYear) {
        // The office has moved on to a new year's numbering; the old year's tail was passed.
        at = { year: at.year + 1, serial: 1 };
        misses = 0;
        continue;
      }
      break;
    }
    at = { ...at, serial: at.serial + 1 };
  }
  await flush();
  if (bundles === 0)
    onOutcome(
      { issue: keyOf(at, e.serialDigits), url: def.id, result: 'not-published', final: false },
      cursor,
    );
  return cursor;
}

import { basename } from 'node:path';
import { InputFormatError } from '../../core/errors.ts';
import { redactUrl } from '../../crawler/http/index.ts';
import type { RegistryAdapter } from '../adapter.ts';
import {
  advanceCursor,
  isAbsenceFinal,
  issueHeaders,
  issueUrl,
  scrubSecrets,
  type IssueRef,
  type SourceCursor,
  type SourceDefinition,
  type SourceSettings,
} from '../sources/index.ts';
import type { SyncContext, SyncProgress } from '../sync-source.ts';
import { fetchIssue } from './fetch-issue.ts';
import { ingestIssue } from './ingest-issue.ts';
import { saveIssueDone } from './record-health.ts';

export interface IssueWork {
  ctx: SyncContext;
  def: SourceDefinition;
  settings: SourceSettings;
  adapter: RegistryAdapter;
  dir: string;
  onProgress?: (event: SyncProgress) => void;
}

export interface IssueOutcome {
  issue: string;
  /** Redacted URL. */
  url: string;
  result: 'ingested' | 'not-published' | 'not-modified';
  /** For not-published: true when the absence is final and the cursor moved past it. */
  final?: boolean;
  records?: number;
  inserted?: number;
  updated?: number;
  skipped?: number;
}

/**
 * Fetches and ingests one issue and returns the cursor after it. The cursor moves (and is saved)
 * only when the issue is fully ingested, or when a day's absence is final (old enough that the
 * file cannot just be late). A recent day without a file, a gazette number not out yet, an
 * unchanged re-check and every failure leave it where it was.
 */
export async function syncOneIssue(
  work: IssueWork,
  issue: IssueRef,
  cursor: SourceCursor,
): Promise<{ outcome: IssueOutcome; cursor: SourceCursor }> {
  const { ctx, def } = work;
  const url = issueUrl(def, work.settings, issue, ctx.secrets);
  const shownUrl = scrubSecrets(redactUrl(url), ctx.secrets);
  const previous = cursor.issues[issue.key];
  const validators =
    previous?.outcome === 'ingested' ? { etag: previous.etag, lastModified: previous.lastModified } : {};
  work.onProgress?.({ issue: issue.key, stage: 'download' });
  const names = fileNames(def, issue, url);
  const fetched = await fetchIssue(ctx.http, url, work.dir, names.download, stripUndefined(validators), {
    headers: issueHeaders(def, ctx.secrets),
    maxBytes: work.settings.maxDownloadBytes ?? DEFAULT_MAX_DOWNLOAD_BYTES,
  });
  const now = ctx.clock.now().toISOString();

  if (
    fetched.kind === 'not-modified' ||
    (fetched.kind === 'downloaded' && fetched.sha256 === previous?.sha256)
  ) {
    return { outcome: { issue: issue.key, url: shownUrl, result: 'not-modified' }, cursor };
  }
  if (fetched.kind === 'not-published' && def.enumeration.kind === 'list') {
    // The office's own list names this file: a 404 is the office's error, not "nothing published".
    throw new InputFormatError(
      `${issue.title ?? issue.key} is listed on the office's page but its file answers 404 (${shownUrl}); the next sync asks again`,
    );
  }
  if (fetched.kind === 'not-published') {
    const final = !previous && isAbsenceFinal(def, issue.key, ctx.clock.now());
    const outcome: IssueOutcome = { issue: issue.key, url: shownUrl, result: 'not-published', final };
    if (!final) return { outcome, cursor };
    const next = advanceCursor(cursor, issue.key, { outcome: 'not-published', at: now });
    await saveIssueDone(ctx.db, def.id, next, 0);
    return { outcome, cursor: next };
  }

  work.onProgress?.({ issue: issue.key, stage: 'ingest' });
  const summary = await ingestIssue(ctx, {
    path: fetched.path,
    archive: def.archive,
    dataFileName: names.data,
    url: shownUrl,
    adapter: work.adapter,
    sourceId: def.id,
    dir: work.dir,
    ...(work.settings.maxUnzippedBytes ? { maxUnzippedBytes: work.settings.maxUnzippedBytes } : {}),
    onProgress: (p) => work.onProgress?.({ issue: issue.key, stage: 'ingest', ...p }),
    ...(ctx.onChanged ? { onChanged: ctx.onChanged } : {}),
    ...(ctx.xmlLimits ? { xmlLimits: ctx.xmlLimits } : {}),
  });
  if (summary.error) {
    throw new InputFormatError(
      `${names.data} (${def.adapter}) failed after ${summary.recordsRead} records: ${summary.error}. The records read before the error were kept`,
    );
  }
  const records = summary.recordsRead - summary.skipped;
  const next = advanceCursor(
    cursor,
    issue.key,
    {
      outcome: 'ingested',
      at: now,
      records,
      sha256: fetched.sha256,
      ...(fetched.etag ? { etag: fetched.etag } : {}),
      ...(fetched.lastModified ? { lastModified: fetched.lastModified } : {}),
    },
    issue.date,
  );
  await saveIssueDone(ctx.db, def.id, next, records);
  work.onProgress?.({ issue: issue.key, stage: 'done', ...summary });
  const outcome: IssueOutcome = {
    issue: issue.key,
    url: shownUrl,
    result: 'ingested',
    records,
    inserted: summary.inserted,
    updated: summary.updated,
    skipped: summary.skipped,
  };
  return { outcome, cursor: next };
}

/** Largest download of a source that sets no `maxDownloadBytes`: gazette PDFs run to hundreds of MB. */
export const DEFAULT_MAX_DOWNLOAD_BYTES = 1024 * 1024 * 1024;

/**
 * Local names: the office's own file name when the URL ends in one (`apc261120.zip` →
 * `apc261120.xml`, kept on each filing as provenance), else source id and issue key (API queries,
 * gazettes served from `/download` links).
 */
function fileNames(def: SourceDefinition, issue: IssueRef, url: string): { download: string; data: string } {
  const ext = def.fileExtension ?? 'xml';
  const last = basename(new URL(url).pathname);
  const own = new RegExp(`\\.(zip|${ext})$`, 'i');
  const stem = own.test(last) ? last.replace(own, '') : `${def.id}-${issue.key}`.replace(/[^\w.-]+/g, '_');
  return { download: def.archive === 'zip' ? `${stem}.zip` : `${stem}.${ext}`, data: `${stem}.${ext}` };
}

function stripUndefined(v: { etag?: string | undefined; lastModified?: string | undefined }): {
  etag?: string;
  lastModified?: string;
} {
  return { ...(v.etag ? { etag: v.etag } : {}), ...(v.lastModified ? { lastModified: v.lastModified } : {}) };
}

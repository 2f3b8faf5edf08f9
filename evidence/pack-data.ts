import { and, desc, eq, inArray } from 'drizzle-orm';
import type { InferSelectModel } from 'drizzle-orm';
import { NotFoundError } from '../core/errors.ts';
import { tables, type Database } from '../db/index.ts';
import { evidenceCaptures } from '../db/schema-evidence.ts';

export type AlertRow = InferSelectModel<typeof tables.alerts>;
export type MarkRow = InferSelectModel<typeof tables.marks>;
export type FilingRow = InferSelectModel<typeof tables.filings>;
export type MatchRow = InferSelectModel<typeof tables.matches>;
export type SourceRunRow = InferSelectModel<typeof tables.sourceRuns>;
export type CaptureRow = InferSelectModel<typeof evidenceCaptures>;

/** Everything a pack shows about one alert. */
export interface AlertEvidence {
  alert: AlertRow;
  mark: MarkRow | null;
  filing: FilingRow | null;
  match: MatchRow | null;
  /** The ingest run of the file the filing came from, when it is known. */
  sourceRun: SourceRunRow | null;
  /** The newest capture for the alert, if any was taken. */
  capture: CaptureRow | null;
}

/** Checks every id is an alert of the organization; names the ones that are not (another org's id is simply "not found"). */
export async function assertOwnAlerts(
  db: Database,
  organizationId: string,
  alertIds: string[],
): Promise<void> {
  const a = tables.alerts;
  const rows = await db
    .select({ id: a.id })
    .from(a)
    .where(and(eq(a.organizationId, organizationId), inArray(a.id, alertIds)));
  const found = new Set(rows.map((r) => r.id));
  const missing = alertIds.filter((id) => !found.has(id));
  if (missing.length > 0)
    throw new NotFoundError(
      `alert ${missing.join(', ')} not found in your organization; list your alerts with GET /v1/alerts`,
      { missing },
    );
}

export async function loadAlertEvidence(
  db: Database,
  organizationId: string,
  alertId: string,
): Promise<AlertEvidence> {
  const [alert] = await db
    .select()
    .from(tables.alerts)
    .where(and(eq(tables.alerts.id, alertId), eq(tables.alerts.organizationId, organizationId)));
  if (!alert) throw new NotFoundError(`alert ${alertId} not found in your organization`);
  const one = async <T>(rows: Promise<T[]>): Promise<T | null> => (await rows)[0] ?? null;
  const mark = alert.markId
    ? await one(db.select().from(tables.marks).where(eq(tables.marks.id, alert.markId)))
    : null;
  const filing = alert.filingId
    ? await one(db.select().from(tables.filings).where(eq(tables.filings.id, alert.filingId)))
    : null;
  const match = alert.matchId
    ? await one(db.select().from(tables.matches).where(eq(tables.matches.id, alert.matchId)))
    : null;
  const r = tables.sourceRuns;
  const sourceRun =
    filing?.sourceId && filing.sourceFile
      ? await one(
          db
            .select()
            .from(r)
            .where(and(eq(r.sourceId, filing.sourceId), eq(r.fileName, filing.sourceFile)))
            .orderBy(desc(r.startedAt))
            .limit(1),
        )
      : null;
  const c = evidenceCaptures;
  const capture = await one(
    db
      .select()
      .from(c)
      .where(and(eq(c.alertId, alertId), eq(c.organizationId, organizationId)))
      .orderBy(desc(c.capturedAt))
      .limit(1),
  );
  return { alert, mark, filing, match, sourceRun, capture };
}

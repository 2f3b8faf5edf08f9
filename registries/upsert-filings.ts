import { sql } from 'drizzle-orm';
import type { Filing } from '../core/filing.ts';
import { tables, type Database } from '../db/index.ts';

export interface UpsertOutcome {
  /** Ids of filings that are new or whose content changed: the ones the matcher must screen. */
  changedIds: string[];
  inserted: number;
  updated: number;
  unchanged: number;
}

/**
 * Writes a batch of filings in one statement, idempotent by (office, serial number). A row whose
 * source record hash is unchanged is left alone, so re-ingesting a file reports it as unchanged
 * and raises no alert; a changed one gets its version bumped.
 */
export async function upsertFilings(
  db: Database,
  batch: readonly Filing[],
  provenance: { sourceId: string | null; sourceFile: string | null },
): Promise<UpsertOutcome> {
  // ON CONFLICT cannot touch the same row twice in one statement: keep the last copy of a serial.
  const bySerial = new Map<string, Filing>();
  for (const filing of batch) bySerial.set(`${filing.office}\u0000${filing.serialNumber}`, filing);
  const rows = [...bySerial.values()].map((f) => ({
    office: f.office,
    serialNumber: f.serialNumber,
    registrationNumber: f.registrationNumber,
    markText: f.markText,
    markKind: f.markKind,
    markImage: f.markImage,
    applicants: f.applicants,
    filingDate: f.filingDate,
    publicationDate: f.publicationDate,
    registrationDate: f.registrationDate,
    statusCode: f.statusCode,
    statusText: f.statusText,
    statusDate: f.statusDate,
    statusCategory: f.statusCategory,
    classes: f.classes,
    designCodes: f.designCodes,
    priorityClaims: f.priorityClaims,
    extra: f.extra,
    sourceRecordHash: f.sourceRecordHash,
    sourceId: provenance.sourceId,
    sourceFile: provenance.sourceFile,
  }));
  if (rows.length === 0) return { changedIds: [], inserted: 0, updated: 0, unchanged: 0 };

  const f = tables.filings;
  const excluded = (column: string) => sql.raw(`excluded.${column}`);
  const returned = await db
    .insert(f)
    .values(rows)
    .onConflictDoUpdate({
      target: [f.office, f.serialNumber],
      set: {
        registrationNumber: excluded('registration_number'),
        markText: excluded('mark_text'),
        markKind: excluded('mark_kind'),
        markImage: excluded('mark_image'),
        applicants: excluded('applicants'),
        filingDate: excluded('filing_date'),
        publicationDate: excluded('publication_date'),
        registrationDate: excluded('registration_date'),
        statusCode: excluded('status_code'),
        statusText: excluded('status_text'),
        statusDate: excluded('status_date'),
        statusCategory: excluded('status_category'),
        classes: excluded('classes'),
        designCodes: excluded('design_codes'),
        priorityClaims: excluded('priority_claims'),
        extra: excluded('extra'),
        sourceRecordHash: excluded('source_record_hash'),
        sourceId: excluded('source_id'),
        sourceFile: excluded('source_file'),
        version: sql`${f.version} + 1`,
        updatedAt: sql`now()`,
      },
      setWhere: sql`${f.sourceRecordHash} IS DISTINCT FROM excluded.source_record_hash`,
    })
    // xmax = 0 only on a freshly inserted row version: tells inserts from updates in one round trip.
    .returning({ id: f.id, inserted: sql<boolean>`(xmax = 0)` });

  const inserted = returned.filter((r) => r.inserted).length;
  return {
    changedIds: returned.map((r) => r.id),
    inserted,
    updated: returned.length - inserted,
    unchanged: rows.length - returned.length,
  };
}

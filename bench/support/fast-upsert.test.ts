import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Filing } from '../../core/filing.ts';
import { createDb, type DbHandle } from '../../db/index.ts';
import { adapterById, upsertFilings } from '../../registries/index.ts';
import { fastUpsertFilings } from './fast-upsert.ts';

const fixture = (path: string): string => fileURLToPath(new URL(`../../tests/fixtures/registries/${path}`, import.meta.url));
const provenance = { sourceId: 'file:test', sourceFile: 'fixture.xml' };

async function filingsOf(format: string, path: string): Promise<Filing[]> {
  const filings: Filing[] = [];
  for await (const r of adapterById(format).parse(fixture(path), { sourceName: path })) if (r.kind === 'filing') filings.push(r.filing);
  return filings;
}

async function storedRows(dbh: DbHandle): Promise<unknown[]> {
  const { rows } = await dbh.executeSql(
    `SELECT office, serial_number, registration_number, mark_text, mark_kind, mark_image, applicants, filing_date::text AS fd,
       publication_date::text AS pd, registration_date::text AS rd, status_code, status_text, status_date::text AS sd,
       status_category, classes, design_codes, priority_claims, extra, source_record_hash, source_id, source_file, version
     FROM filings ORDER BY office, serial_number`,
  );
  return rows;
}

// The prototype is only worth adopting if it stores exactly what the current upsert stores.
describe('fastUpsertFilings (prototype for registries/upsert-filings.ts)', () => {
  let dbh: DbHandle;
  let filings: Filing[] = [];

  beforeAll(async () => {
    dbh = await createDb({ dataDir: ':memory:' });
    filings = [
      ...(await filingsOf('uspto-daily', 'uspto-daily/uspto-daily-constructed.xml')),
      ...(await filingsOf('wipo-st66', 'wipo-st66/euipo-style-constructed.xml')),
    ];
  });
  afterAll(async () => dbh?.close());

  it('stores the same rows as upsertFilings, and finds them unchanged on a second pass', async () => {
    expect(filings.length).toBeGreaterThan(2);
    await upsertFilings(dbh.db, filings, provenance);
    const byCurrent = await storedRows(dbh);
    await dbh.executeSql('DELETE FROM filings');

    const first = await fastUpsertFilings(dbh, filings, provenance);
    expect(first).toMatchObject({ inserted: filings.length, updated: 0, unchanged: 0 });
    expect(await storedRows(dbh)).toEqual(byCurrent);
    expect(await fastUpsertFilings(dbh, filings, provenance)).toMatchObject({ inserted: 0, updated: 0, unchanged: filings.length });
  });

  it('updates a changed record once and bumps its version', async () => {
    const first = filings[0] as Filing;
    const changed = { ...first, markText: 'RENAMED MARK', sourceRecordHash: 'changed' };
    const outcome = await fastUpsertFilings(dbh, [first, changed], provenance);
    expect(outcome).toMatchObject({ inserted: 0, updated: 1, unchanged: 0 });
    const { rows } = await dbh.executeSql('SELECT mark_text, version FROM filings WHERE office = $1 AND serial_number = $2', [first.office, first.serialNumber]);
    expect(rows).toEqual([{ mark_text: 'RENAMED MARK', version: 2 }]);
  });
});

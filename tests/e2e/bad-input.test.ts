import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestAndScreen } from '../../cli/commands/ingest.ts';
import { loadConfig } from '../../config/index.ts';
import { tables } from '../../db/index.ts';
import { createTestContext, type TestContext } from '../support/test-context.ts';

/** Bad input gets a clear error and loses nothing, through the whole ingest path. */
const CONSTRUCTED = 'tests/fixtures/registries/uspto-daily/uspto-daily-constructed.xml';
const REAL = 'tests/fixtures/registries/wipo-st66/uspto-tsdr-sn76044902-ST66.xml';

let ctx: TestContext;
let dir: string;
const filingCount = async () => (await ctx.db.select({ n: count() }).from(tables.filings))[0]!.n;

beforeAll(async () => {
  ctx = await createTestContext();
  dir = mkdtempSync(join(tmpdir(), 'mh-bad-input-'));
  await ingestAndScreen(ctx, 'wipo-st66', REAL, { quiet: true });
});
afterAll(async () => ctx.close());

describe('bad input through ingest', () => {
  it('keeps the complete records of a truncated file, reports the cut, and loses nothing ingested before', async () => {
    const text = readFileSync(CONSTRUCTED, 'utf8');
    const cut =
      text.indexOf('<case-file>', text.indexOf('<case-file>', text.indexOf('<case-file>') + 1) + 1) + 40;
    const truncated = join(dir, 'truncated.xml');
    writeFileSync(truncated, text.slice(0, cut));
    const before = await filingCount();
    const result = await ingestAndScreen(ctx, 'uspto-daily', truncated, { quiet: true });
    expect(result.error).toMatch(/truncated/i);
    expect(result.inserted).toBe(2);
    expect(await filingCount()).toBe(before + 2);
    const [run] = await ctx.db.select().from(tables.sourceRuns).where(eq(tables.sourceRuns.id, result.runId));
    expect(run).toMatchObject({ status: 'failed', inserted: 2 });
    expect(run!.error).toMatch(/truncated/i);
  });

  it('refuses entity-expansion XML without expanding anything', async () => {
    const bomb = join(dir, 'bomb.xml');
    writeFileSync(
      bomb,
      `<?xml version="1.0"?><!DOCTYPE t [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>
<trademark-applications-daily><application-information><file-segments><action-keys><case-file><serial-number>99999999</serial-number><case-file-header><mark-identification>&c;</mark-identification></case-file-header></case-file></action-keys></file-segments></application-information></trademark-applications-daily>`,
    );
    const before = await filingCount();
    const result = await ingestAndScreen(ctx, 'uspto-daily', bomb, { quiet: true });
    expect(result.error).toMatch(/DTD entit/);
    expect(result.inserted).toBe(0);
    expect(await filingCount()).toBe(before);
  });

  it('reports a record without a serial number as a skip with its reason while the rest lands', async () => {
    const result = await ingestAndScreen(ctx, 'uspto-daily', CONSTRUCTED, { quiet: true });
    expect(result.error).toBeNull();
    expect(result.skipped).toBe(1);
    expect(result.skips[0]!.reason).toMatch(/serial/i);
    expect(result.recordsRead).toBe(5);
    expect(result.inserted + result.updated + result.unchanged).toBe(4);
  });

  it('skips a record over the configured record size by its serial and line, and lands the rest', async () => {
    expect(loadConfig({ MARKHOUND_XML_MAX_RECORD_CHARS: '20000' }).xmlMaxRecordChars).toBe(20_000);
    const text = readFileSync(CONSTRUCTED, 'utf8');
    const serial = '<serial-number>98234567</serial-number>';
    const huge = join(dir, 'huge-record.xml');
    writeFileSync(
      huge,
      text.replace(
        serial,
        `${serial}<case-file-statements><case-file-statement><type-code>GS0251</type-code><text>${'bags and shoes; '.repeat(5_000)}</text></case-file-statement></case-file-statements>`,
      ),
    );
    const limited = { ...ctx, config: { ...ctx.config, xmlMaxRecordChars: 20_000 } };
    const result = await ingestAndScreen(limited, 'uspto-daily', huge, { quiet: true });
    expect(result.error).toBeNull();
    expect(result.recordsRead).toBe(5);
    const skip = result.skips.find((s) => s.serialNumber === '98234567');
    expect(skip?.reason).toMatch(/longer than the limit of 20000 characters .*record 2, opening at line \d+/);
    expect(result.skipped).toBe(2); // and the record without a serial number
    expect(result.inserted + result.updated + result.unchanged).toBe(3);
  });

  it('names the detected format when a file of another format is given', async () => {
    const page = join(dir, 'page.html');
    writeFileSync(page, '<!doctype html><html><body>not a gazette</body></html>');
    await expect(ingestAndScreen(ctx, 'auto', page, { quiet: true })).rejects.toThrow(
      /HTML page.*none of the office formats/,
    );
    await expect(
      ingestAndScreen(
        ctx,
        'auto',
        REAL.replace('wipo-st66/uspto-tsdr-sn76044902-ST66.xml', 'kipris/PROVENANCE.md'),
        { quiet: true },
      ),
    ).rejects.toThrow(/none of the office formats/);
    const forced = await ingestAndScreen(ctx, 'uspto-daily', REAL, { quiet: true });
    expect(forced.error).toMatch(/Transaction/);
    expect(forced.inserted).toBe(0);
  });
});

describe('markhound CLI with bad input', () => {
  it('exits non-zero with a message naming the file and what it is, and does not crash', () => {
    const page = join(dir, 'cli-page.html');
    writeFileSync(page, '<html><head><title>x</title></head></html>');
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'cli/main.ts', 'ingest', 'auto', page], {
      env: { ...process.env, MARKHOUND_DATA_DIR: join(dir, 'cli-data'), MARKHOUND_LOG_LEVEL: 'error' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`cannot ingest ${page}`);
    expect(run.stderr).toMatch(/HTML page/);
    expect(run.stderr).not.toMatch(/at .*\.ts:\d+/); // a message, not a stack trace
  });
});

import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputFormatError } from '../../core/errors.ts';
import type { Filing, ParsedRecord } from '../../core/filing.ts';
import { usptoDailyAdapter } from './index.ts';

const fixtures = join(import.meta.dirname, '../../tests/fixtures/registries/uspto-daily');
const realSample = join(fixtures, 'jlroo-sample-data.xml');
const constructed = join(fixtures, 'uspto-daily-constructed.xml');
const scratch = mkdtempSync(join(tmpdir(), 'markhound-uspto-'));

async function collect(path: string, seen: ParsedRecord[] = []): Promise<ParsedRecord[]> {
  for await (const record of usptoDailyAdapter.parse(path, { sourceName: path })) seen.push(record);
  return seen;
}

const filings = (records: ParsedRecord[]): Filing[] =>
  records.flatMap((r) => (r.kind === 'filing' ? [r.filing] : []));

function writeScratch(name: string, content: string): string {
  const path = join(scratch, name);
  writeFileSync(path, content);
  return path;
}

describe('uspto-daily: real sample (jlroo, serial 60000001)', () => {
  it('reads the one case-file with the values printed in the file', async () => {
    const [filing] = filings(await collect(realSample));
    expect(filing).toMatchObject({
      office: 'USPTO',
      serialNumber: '60000001',
      registrationNumber: '0000001',
      registrationDate: '1870-10-25',
      statusCode: '626',
      statusText: 'REGISTERED - BACKFILE CANCELLED OR EXPIRED',
      statusDate: '2005-10-11',
      statusCategory: 'dead',
      markText: null,
      markKind: 'unknown',
      filingDate: null,
      publicationDate: null,
      applicants: [],
      classes: [],
      designCodes: [],
      priorityClaims: [],
    });
    expect(filing?.extra).toMatchObject({
      transactionDate: '2005-11-07',
      indicators: [],
      register: 'principal',
      filingBasis: { filed: [], current: [] },
      correspondent: null,
    });
    expect(filing?.sourceRecordHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is recognised by detect', () => {
    expect(usptoDailyAdapter.detect(readFileSync(realSample, 'latin1').slice(0, 8192))).toBe(true);
  });
});

describe('uspto-daily: record hash', () => {
  it('is the SHA-256 of the case-file exactly as written, so anyone holding the file can check it', async () => {
    const xml = readFileSync(constructed, 'utf8');
    const cut = [...xml.matchAll(/<case-file>[\s\S]*?<\/case-file>/g)].map((m) => m[0]);
    const withSerial = cut.filter((record) => /<serial-number>\d/.test(record));
    const hashes = filings(await collect(constructed)).map((f) => f.sourceRecordHash);
    expect(hashes).toEqual(
      withSerial.map((record) => createHash('sha256').update(record, 'utf8').digest('hex')),
    );
  });

  it('gives identical records the same hash and different records different hashes', async () => {
    const first = filings(await collect(constructed));
    const again = filings(await collect(constructed));
    expect(again.map((f) => f.sourceRecordHash)).toEqual(first.map((f) => f.sourceRecordHash));
    expect(new Set(again.map((f) => f.sourceRecordHash)).size).toBe(4);
  });
});

describe('uspto-daily: bad input', () => {
  it('reports a record over the size limit as a skip and lands the others', async () => {
    // Element counts read off the constructed file: 84, 63, 77, 9 (no serial) and 60.
    const seen: ParsedRecord[] = [];
    const context = { sourceName: constructed, xmlLimits: { maxRecordElements: 80 } };
    for await (const record of usptoDailyAdapter.parse(constructed, context)) seen.push(record);
    expect(filings(seen).map((f) => f.serialNumber)).toEqual(['98234567', '97654321', '79398765']);
    expect(seen.flatMap((r) => (r.kind === 'skip' ? [r.skip] : []))).toEqual([
      // Named by the serial read before the limit, and by the line its opening tag is on.
      {
        recordIndex: 1,
        serialNumber: '97123456',
        reason: 'record has more than 80 elements (record 1, opening at line 14)',
      },
      { recordIndex: 4, serialNumber: null, reason: expect.stringContaining('no serial-number') },
    ]);
  });

  it('keeps the complete records of a truncated file, then says it is truncated', async () => {
    const text = readFileSync(constructed, 'utf8');
    const cut = text.indexOf('<mark-identification>KIRAMORI');
    const path = writeScratch('truncated.xml', text.slice(0, cut));
    const seen: ParsedRecord[] = [];
    const error = await collect(path, seen).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputFormatError);
    expect((error as Error).message).toMatch(/truncated/);
    expect(filings(seen).map((f) => f.serialNumber)).toEqual(['97123456']);
  });

  it('refuses a billion-laughs file without expanding anything', async () => {
    const path = writeScratch(
      'laughs.xml',
      `<?xml version="1.0"?>
<!DOCTYPE trademark-applications-daily [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
]>
<trademark-applications-daily><application-information><file-segments><action-keys>
<case-file><serial-number>97000001</serial-number><case-file-header><mark-identification>&lol2;</mark-identification></case-file-header></case-file>
</action-keys></file-segments></application-information></trademark-applications-daily>`,
    );
    const seen: ParsedRecord[] = [];
    const error = await collect(path, seen).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputFormatError);
    expect((error as Error).message).toMatch(/DTD entities/);
    expect(seen).toEqual([]);
  });

  it('refuses an external-entity file and never reads the target', async () => {
    const path = writeScratch(
      'xxe.xml',
      `<?xml version="1.0"?>
<!DOCTYPE trademark-applications-daily [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
<trademark-applications-daily><application-information><file-segments><action-keys>
<case-file><serial-number>97000002</serial-number><case-file-header><mark-identification>&secret;</mark-identification></case-file-header></case-file>
</action-keys></file-segments></application-information></trademark-applications-daily>`,
    );
    const seen: ParsedRecord[] = [];
    const error = await collect(path, seen).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputFormatError);
    expect((error as Error).message).toMatch(/DTD entities/);
    expect(seen).toEqual([]);
  });

  const st66 = `<?xml version="1.0" encoding="UTF-8"?>
<Transaction xmlns="http://www.wipo.int/standards/XMLSchema/trademarks"><TradeMarkTransactionBody><TransactionContentDetails>
<TransactionData><TradeMarkDetails><TradeMark><ApplicationNumber>76044902</ApplicationNumber></TradeMark></TradeMarkDetails></TransactionData>
</TransactionContentDetails></TradeMarkTransactionBody></Transaction>`;
  const html = `<!DOCTYPE html><html><head><title>Trademark search</title></head><body><p>Not XML data</p></body></html>`;

  it('does not detect an ST.66 file or an HTML page', () => {
    expect(usptoDailyAdapter.detect(st66)).toBe(false);
    expect(usptoDailyAdapter.detect(html)).toBe(false);
  });

  it('names the root element it found when another format is forced through parse', async () => {
    for (const [name, content, root] of [
      ['st66.xml', st66, 'Transaction'],
      ['page.html', html, 'html'],
    ] as const) {
      const error = await collect(writeScratch(name, content)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InputFormatError);
      expect((error as Error).message).toContain(`root element is <${root}>`);
    }
  });
});

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputFormatError } from '../../core/errors.ts';
import type { Filing, ParsedRecord } from '../../core/filing.ts';
import { kiprisAdapter } from './index.ts';

const fixtures = join(import.meta.dirname, '../../tests/fixtures/registries/kipris');
const fixture = (name: string): string => join(fixtures, name);
const scratch = mkdtempSync(join(tmpdir(), 'markhound-kipris-'));

async function collect(path: string, seen: ParsedRecord[] = []): Promise<ParsedRecord[]> {
  for await (const record of kiprisAdapter.parse(path, { sourceName: path })) seen.push(record);
  return seen;
}

const filings = (records: ParsedRecord[]): Filing[] =>
  records.flatMap((r) => (r.kind === 'filing' ? [r.filing] : []));

function writeScratch(name: string, content: string): string {
  const path = join(scratch, name);
  writeFileSync(path, content);
  return path;
}

describe('kipris: real TradeMarkInfo response (application 4020190000011)', () => {
  it('reads the one record with the values printed in the file, Korean text kept as is', async () => {
    const records = await collect(fixture('kipris-TradeMarkInfo.xml'));
    expect(records).toHaveLength(1);
    const [filing] = filings(records);
    expect(filing).toMatchObject({
      office: 'KIPO',
      serialNumber: '4020190000011',
      registrationNumber: '4015569910000',
      markText: '돈퍼',
      markKind: 'unknown',
      filingDate: '2019-01-01',
      publicationDate: '2019-07-31',
      registrationDate: '2019-12-23',
      statusCode: '등록',
      statusText: '등록',
      statusCategory: 'registered',
      classes: [{ niceClass: 43, goods: null, status: null }],
      designCodes: [],
      priorityClaims: [],
      applicants: [{ name: '김현호', country: null, address: null, entityType: null, role: 'applicant' }],
    });
    expect(filing?.extra).toEqual({
      publicationNumber: '4020190084686',
      registrationPublicationNumber: '4020190125782',
      registrationPublicationDate: '2019-12-30',
      rightHolder: '김현호 kimHyunHo',
      agentName: null,
      appReferenceNumber: null,
      regReferenceNumber: null,
      internationalRegistrationNumber: null,
      internationalRegistrationDate: null,
      fullTextAvailable: 'Y',
      imageUrl:
        'http://plus.kipris.or.kr/kiprisplusws/fileToss.jsp?arg=ed43a0609e94d6e251697a9d72a9134435594e3384b42e76c0c1194596d9ce713eab8b480c0bac7f959eac6a27cc4b4806ef5b7e099c903d',
      thumbnailUrl:
        'http://plus.kipris.or.kr/kiprisplusws/fileToss.jsp?arg=ad7a17eeeef6e4ea4b5e22ef00dd3e293e70a322c3ead7b643de6089e8a3e092c32a212d34313535ec88eb55c218f60067d17b9d393c7bf1',
    });
  });

  it('is recognised by detect, the empty response too', () => {
    for (const name of ['kipris-TradeMarkInfo.xml', 'kipris-Empty_TradeMarkInfo.xml']) {
      expect(kiprisAdapter.detect(readFileSync(fixture(name), 'latin1'))).toBe(true);
    }
  });
});

describe('kipris: other responses', () => {
  it('yields nothing and raises nothing for the real zero-hit response', async () => {
    expect(await collect(fixture('kipris-Empty_TradeMarkInfo.xml'))).toEqual([]);
  });

  it("fails a refused request with the office's resultMsg quoted", async () => {
    const error = await collect(fixture('kipris-error-constructed.xml')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputFormatError);
    expect((error as Error).message).toContain('resultCode 30');
    expect((error as Error).message).toContain('"SERVICE KEY IS NOT REGISTERED ERROR."');
  });

  it('reads the camelCase advanced-search items and skips the one without application number', async () => {
    const records = await collect(fixture('kipris-advanced-search-constructed.xml'));
    expect(records).toHaveLength(2);
    expect(filings(records)[0]).toMatchObject({
      serialNumber: '4020230123456',
      registrationNumber: null,
      markText: '별빛런 STARLIGHT RUN',
      filingDate: '2023-07-14',
      publicationDate: '2024-03-05',
      registrationDate: null,
      statusCategory: 'published',
      classes: [
        { niceClass: 25, goods: null, status: null },
        { niceClass: 35, goods: null, status: null },
      ],
      designCodes: ['26.01.01', '27.05.01'],
      applicants: [{ name: '주식회사 별빛스포츠', role: 'applicant' }],
      extra: expect.objectContaining({
        publicationNumber: '4020240045678',
        agentName: '특허법인 한빛',
        imageUrl: 'http://plus.kipris.or.kr/kiprisplusws/fileToss.jsp?arg=big0001',
        thumbnailUrl: 'http://plus.kipris.or.kr/kiprisplusws/fileToss.jsp?arg=thumb0001',
      }),
    });
    expect(records[1]).toEqual({
      kind: 'skip',
      skip: { recordIndex: 2, serialNumber: null, reason: expect.stringContaining('no ApplicationNumber') },
    });
  });
});

describe('kipris: bad input', () => {
  it('keeps the complete items of a truncated response, then says it is truncated', async () => {
    const text = readFileSync(fixture('kipris-advanced-search-constructed.xml'), 'utf8');
    const cut = text.indexOf('<indexNo>2');
    const seen: ParsedRecord[] = [];
    const error = await collect(writeScratch('truncated.xml', text.slice(0, cut)), seen).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InputFormatError);
    expect((error as Error).message).toMatch(/truncated/);
    expect(filings(seen).map((f) => f.serialNumber)).toEqual(['4020230123456']);
  });

  it('refuses entity declarations without expanding them', async () => {
    const hostile = `<?xml version="1.0"?>
<!DOCTYPE response [ <!ENTITY x SYSTEM "file:///etc/passwd"> ]>
<response><header><resultCode>00</resultCode></header><body><items><TradeMarkInfo><ApplicationNumber>4020190000011</ApplicationNumber><Title>&x;</Title></TradeMarkInfo></items></body></response>`;
    const seen: ParsedRecord[] = [];
    const error = await collect(writeScratch('xxe.xml', hostile), seen).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputFormatError);
    expect((error as Error).message).toMatch(/DTD entities/);
    expect(seen).toEqual([]);
  });

  it('rejects another format in detect and names its root element in parse', async () => {
    const gazette =
      '<?xml version="1.0"?><revista numero="2601" data="17/11/2020"><processo numero="1"/></revista>';
    const otherApi =
      '<response><header><resultCode>00</resultCode></header><body><items><item><id>1</id></item></items></body></response>';
    expect(kiprisAdapter.detect(gazette)).toBe(false);
    expect(kiprisAdapter.detect(otherApi)).toBe(false);
    const error = await collect(writeScratch('rpi.xml', gazette)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputFormatError);
    expect((error as Error).message).toContain('root element is <revista>');
  });
});

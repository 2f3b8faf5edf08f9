import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ParsedRecord } from '../../core/filing.ts';
import {
  detailPage,
  NOT_FOUND_PAGE,
  PH_RECORD,
  unrenderedPage,
  VN_RECORD,
} from '../../tests/fixtures/registries/wipo-publish/make-detail-page.ts';
import { recordBatches } from '../adapter.ts';
import { detectFormat } from '../formats.ts';
import { wipoPublishAdapter } from './adapter.ts';
import { bundleHeader, bundleLine } from './bundle.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mh-wipo-publish-'));
});

async function parseFile(name: string, content: string): Promise<ParsedRecord[]> {
  const path = join(dir, name);
  await writeFile(path, content);
  const out: ParsedRecord[] = [];
  for await (const batch of recordBatches(wipoPublishAdapter, path, { sourceName: name })) out.push(...batch);
  return out;
}

describe('WIPO Publish detail pages (constructed like the IP Viet Nam reference pages)', () => {
  it('is detected from a saved page', async () => {
    const path = join(dir, 'detect.html');
    await writeFile(path, detailPage(VN_RECORD));
    expect((await detectFormat(path)).id).toBe('wipo-publish');
  });

  it('reads the INID label/value pairs of a VN page into a NOIP filing', async () => {
    const [record] = await parseFile('VN4202699001.html', detailPage(VN_RECORD));
    expect(record!.kind).toBe('filing');
    const filing = record!.kind === 'filing' ? record!.filing : null;
    expect(filing).toMatchObject({
      office: 'NOIP',
      serialNumber: '4-2026-99001',
      markText: 'SENJA COFFEE',
      markKind: 'combined',
      filingDate: '2026-10-05',
      publicationDate: '2026-11-25',
      statusCategory: 'published',
      statusCode: '1904',
      designCodes: ['11.03.04', '27.05.01'],
      applicants: [
        {
          name: 'Công ty TNHH Hoàng Hôn Việt',
          address: 'Số 9 Lê Lợi, phường Bến Nghé, thành phố Hồ Chí Minh',
        },
      ],
      markImage: {
        sha256: null,
        sourceName:
          'https://wipopublish.ipvietnam.gov.vn/wopublish-search/service/trademarks/application/VN4202699001/logo',
      },
      extra: { wipoPublishId: 'VN4202699001', publicationNumber: '215001' },
    });
    expect(filing!.classes).toEqual([
      {
        niceClass: 30,
        goods: 'Cà phê; cà phê rang xay; đồ uống có thành phần chính là cà phê.',
        status: null,
      },
      { niceClass: 43, goods: 'Dịch vụ quán cà phê; dịch vụ nhà hàng.', status: null },
    ]);
  });

  it('reads a PH page with English labels the same way (INID numbers, not label words)', async () => {
    const [record] = await parseFile('PH.html', detailPage(PH_RECORD, 'https://wipopublish.ipophil.gov.ph'));
    expect(record).toMatchObject({
      kind: 'filing',
      filing: {
        office: 'IPOPHL',
        serialNumber: '4-2026-00012345',
        markText: 'GLOWMERA',
        markKind: 'word',
        publicationDate: '2026-11-16',
        priorityClaims: [{ country: 'US', number: '99/123,456', date: '2026-06-10' }],
      },
    });
  });

  it('reports an unrendered page (literal ${...} placeholders) instead of storing placeholders', async () => {
    const [record] = await parseFile('unrendered.html', unrenderedPage('VN4202699002'));
    expect(record).toMatchObject({
      kind: 'skip',
      skip: {
        reason: expect.stringMatching(
          /unrendered WIPO Publish page \(literal \$\{[\w.-]+\} placeholders\); fetch it again/,
        ),
      },
    });
  });

  it('reads a sync bundle: pages, a not-found page reported, and the mark image stored and logo-hashed', async () => {
    const png = await (await import('../../tests/fixtures/registries/djki/make-gazette.ts')).markImage(3);
    const content =
      bundleHeader('NOIP') +
      bundleLine({
        id: 'VN4202699001',
        url: 'https://x/VN4202699001',
        html: detailPage(VN_RECORD),
        logo: { mimeType: 'image/png', base64: png.toString('base64') },
      }) +
      bundleLine({ id: 'VN4202699003', url: 'https://x/VN4202699003', html: NOT_FOUND_PAGE });
    const records = await parseFile('bundle.jsonl', content);
    expect(records[0]).toMatchObject({
      kind: 'filing',
      filing: {
        serialNumber: '4-2026-99001',
        markImage: { mimeType: 'image/png', logoHashes: { dct: expect.stringMatching(/^[0-9a-f]{16}$/) } },
      },
    });
    expect(records[1]).toMatchObject({
      kind: 'skip',
      skip: { recordIndex: 2, reason: 'https://x/VN4202699003 holds no trademark record (no INID fields)' },
    });
  });
});

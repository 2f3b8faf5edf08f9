import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMarketplaceTable, watchMarketplaceNow } from '../../cli/commands/marketplaces.ts';
import { listSourceHealth } from '../../crawler/marketplace-watch/index.ts';
import { createTestContext, type TestContext } from '../support/test-context.ts';
import { fixturePage, localHttp, seedBrand, startMarketplaceServer } from './support.ts';

let ctx: TestContext;
let server: Awaited<ReturnType<typeof startMarketplaceServer>>;

beforeAll(async () => {
  ctx = await createTestContext();
  server = await startMarketplaceServer();
  server.pages.set(
    '/search?keyword=Pokemon',
    fixturePage('shopee/shopee-co-id_product_unrendered-shell_2024-02.html'),
  );
});
afterAll(async () => {
  await ctx.close();
  await server.close();
});

describe('markhound watch-marketplace and marketplaces', () => {
  it('runs one watch with progress on stderr, then shows the source health in the table', async () => {
    const brand = await seedBrand(ctx.db, {
      organization: 'Pocket Monsters Co',
      brand: 'Pokemon',
      marks: ['Pokemon'],
    });
    const stderr = new PassThrough() as unknown as NodeJS.WriteStream;
    const chunks: string[] = [];
    (stderr as unknown as PassThrough).on('data', (c: Buffer) => chunks.push(c.toString()));
    const summary = await watchMarketplaceNow(
      ctx,
      { brand: brand.brandId, source: 'shopee-id', baseUrl: server.origin },
      stderr,
      localHttp(),
    );
    expect(summary).toMatchObject({
      sourceId: 'shopee-id',
      status: 'needs_browser',
      queries: [{ query: 'Pokemon', url: 'https://shopee.co.id/search?keyword=Pokemon', listingsSeen: null }],
    });
    expect(chunks.join('')).toContain('watch shopee-id: query Pokemon · status needs_browser · listings -');

    const table = formatMarketplaceTable(await listSourceHealth(ctx.db));
    const [header, ...lines] = table.trimEnd().split('\n');
    expect(header).toMatch(
      /^SOURCE\s+MARKET\s+CURRENCY\s+BROWSER\s+VERIFIED\s+LAST RUN\s+STATUS\s+BLOCKED UNTIL\s+LAST ERROR$/,
    );
    expect(lines.find((l) => l.startsWith('shopee-id '))).toMatch(
      /^shopee-id\s+ID\s+IDR\s+always\s+no\s+2026-11-22 09:00\s+needs_browser\s+2026-11-22 10:00\s+JavaScript application shell/,
    );
    expect(lines.find((l) => l.startsWith('mercadolivre-br '))).toMatch(
      /^mercadolivre-br\s+BR\s+BRL\s+no\s+yes\s+-\s+never\s+-$/,
    );
  });
});

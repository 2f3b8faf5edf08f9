import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { siNike, siPython } from 'simple-icons';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenListings } from '../../alerts/screen-listings.ts';
import { loadMarkLogos, logoChecker } from '../../crawler/marketplace-watch/index.ts';
import { tables } from '../../db/index.ts';
import { listings } from '../../db/schema-listings.ts';
import { addWordBeside } from '../fixtures/logos/transforms.ts';
import { createTestContext, type TestContext } from '../support/test-context.ts';
import { localHttp, seedBrand, startMarketplaceServer, type Seeded } from './support.ts';

// The mark's logo (simple-icons' Nike swoosh, stored as the mark's SVG blob) against listing images
// served by a local CDN: the swoosh rendered as a 300 px PNG, and the Python logo. CONSTRUCTED listings.
let ctx: TestContext;
let server: Awaited<ReturnType<typeof startMarketplaceServer>>;
let brand: Seeded;

beforeAll(async () => {
  ctx = await createTestContext();
  server = await startMarketplaceServer();
  server.pages.set('/img/swoosh.png', await sharp(Buffer.from(siNike.svg)).resize(300).png().toBuffer());
  server.pages.set('/img/python.png', await sharp(Buffer.from(siPython.svg)).resize(300).png().toBuffer());
  brand = await seedBrand(ctx.db, { organization: 'Swoosh Co', brand: 'Nike', marks: ['NIKE'] });
  const svg = Buffer.from(siNike.svg);
  const sha256 = createHash('sha256').update(svg).digest('hex');
  await ctx.db
    .insert(tables.blobs)
    .values({ sha256, mimeType: 'image/svg+xml', sizeBytes: svg.length, bytes: svg });
  await ctx.db.update(tables.marks).set({ logoSha256: sha256 }).where(eq(tables.marks.id, brand.markIds[0]!));
});
afterAll(async () => {
  await ctx.close();
  await server.close();
});

describe('the brand logo in listing images', () => {
  it('is a signal when the first image shows the logo, and only then', async () => {
    const insert = async (key: string, image: string) =>
      (
        await ctx.db
          .insert(listings)
          .values({
            marketplace: 'ebay',
            listingKey: key,
            market: 'US',
            currency: 'USD',
            price: 80,
            title: 'NIKE running shoes',
            sellerName: 'shoe_outlet',
            images: [server.url(image)],
            sourceId: 'ebay-us',
          })
          .returning()
      )[0]!.id;
    const withSwoosh = await insert('LOGO-1', '/img/swoosh.png');
    const withPython = await insert('LOGO-2', '/img/python.png');
    const warnings: string[] = [];
    const logos = await loadMarkLogos(ctx.db, brand.brandId, (m) => warnings.push(m));
    expect([...logos.keys()]).toEqual(brand.markIds);
    const logoCheck = logoChecker({ http: localHttp(), logos, warn: (m) => warnings.push(m) });

    const summary = await screenListings({
      ctx: { db: ctx.db, clock: ctx.clock, logoCheck },
      input: {
        organizationId: brand.organizationId,
        brandId: brand.brandId,
        listingIds: [withSwoosh, withPython],
      },
    });
    expect(summary).toMatchObject({ matches: 2, alertsCreated: 1 });
    const [alert] = await ctx.db.select().from(tables.alerts).where(eq(tables.alerts.listingId, withSwoosh));
    expect(alert!.reasons.find((r) => r.startsWith('your logo in the listing image'))).toMatch(
      new RegExp(
        `^your logo in the listing image: first listing image ${server.url('/img/swoosh.png')}: logo (is identical in shape|matches) \\(distance \\d+(\\.\\d+)? of 64\\)$`,
      ),
    );
    expect(
      await ctx.db.select().from(tables.alerts).where(eq(tables.alerts.listingId, withPython)),
    ).toHaveLength(0);
    expect(warnings).toEqual([]);
  });

  it('is a signal when the image shows the logo tilted, or with a word set beside it', async () => {
    // Flattened first: a tilted copy is a picture on white, not a transparent cut-out with white corners.
    const swoosh = await sharp(Buffer.from(siNike.svg))
      .resize(300)
      .flatten({ background: '#fff' })
      .png()
      .toBuffer();
    server.pages.set(
      '/img/swoosh-tilted.png',
      await sharp(swoosh).rotate(5, { background: '#fff' }).png().toBuffer(),
    );
    server.pages.set('/img/swoosh-outlet.png', await addWordBeside(swoosh, 300, 'outlet-banner'));
    const logos = await loadMarkLogos(ctx.db, brand.brandId, () => undefined);
    const warnings: string[] = [];
    const logoCheck = logoChecker({ http: localHttp(), logos, warn: (m) => warnings.push(m) });
    const markId = brand.markIds[0]!;
    const tilted = await logoCheck({ images: [server.url('/img/swoosh-tilted.png')] }, markId);
    expect(tilted?.evidence).toMatch(/: logo matches once one image is turned \d+(\.\d+)?° \w+ \(distance/);
    const beside = await logoCheck({ images: [server.url('/img/swoosh-outlet.png')] }, markId);
    expect(beside?.evidence).toMatch(
      /: logo matches a part of the other image \(the left \d+% of it\), which adds/,
    );
    expect(await logoCheck({ images: [server.url('/img/python.png')] }, markId)).toBeNull();
    expect(warnings).toEqual([]);
  });
});

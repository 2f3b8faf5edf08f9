import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { ingestAndScreen } from '../../cli/commands/ingest.ts';
import { authed, createTestContext, keyFor, testApi, type TestContext } from '../support/test-context.ts';

/**
 * The mark image of USPTO serial 76044902 (PYTHON): a 707×291 PNG despite its .jpg name, the same
 * bytes the TSDR ZIP carries, so a watched mark with this logo compares as identical to the filing.
 */
const MARK_IMAGE = readFileSync('tests/fixtures/registries/uspto-tsdr-zip/markImage.jpg');
const TSDR_ZIP = 'tests/fixtures/registries/uspto-tsdr-zip/uspto-tsdr-sn76044902.zip';
const BOMB = readFileSync('tests/fixtures/logos/bomb-100000x100000.png');
const SVG = readFileSync('node_modules/simple-icons/icons/python.svg');
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

let ctx: TestContext;
let api: ReturnType<typeof testApi>;
let editor: string;
let viewer: string;
let otherOrg: string;
let markId: string;

const upload = (key: string | null, body: Buffer, type = 'image/png'): RequestInit => ({
  method: 'PUT',
  headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), 'content-type': type },
  body: new Uint8Array(body),
});

const expectProblem = async (res: Response, status: number, code: string) => {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  const body = (await res.json()) as { code: string; detail: string };
  expect(body.code).toBe(code);
  return body;
};

beforeAll(async () => {
  ctx = await createTestContext();
  api = testApi(ctx);
  editor = await keyFor(ctx, 'Pythonic Labs', 'editor');
  viewer = await keyFor(ctx, 'Pythonic Labs', 'viewer');
  otherOrg = await keyFor(ctx, 'Globex', 'admin');
  const brand = (await (
    await api.request('/v1/brands', authed(editor, 'POST', { name: 'Pythonic' }))
  ).json()) as { id: string };
  const mark = await api.request(
    `/v1/brands/${brand.id}/marks`,
    authed(editor, 'POST', { text: 'PYTHONIC', nice_classes: [9, 42] }),
  );
  markId = ((await mark.json()) as { id: string }).id;
}, 60_000);
afterAll(async () => ctx.close());

describe('mark logo', () => {
  it('stores an uploaded PNG, returns the mark with its sha256 and serves the same bytes back', async () => {
    const res = await api.request(`/v1/marks/${markId}/logo`, upload(editor, MARK_IMAGE));
    expect(res.status).toBe(200);
    const mark = (await res.json()) as { id: string; text: string; logo_sha256: string };
    expect(mark).toMatchObject({ id: markId, text: 'PYTHONIC', logo_sha256: sha256(MARK_IMAGE) });

    const image = await api.request(`/v1/marks/${markId}/logo`, authed(viewer));
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(image.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await image.arrayBuffer()).equals(MARK_IMAGE)).toBe(true);
  });

  it('refuses a decompression bomb naming the pixel limit, and keeps the previous logo', async () => {
    const body = await expectProblem(
      await api.request(`/v1/marks/${markId}/logo`, upload(editor, BOMB)),
      422,
      'logo_too_large',
    );
    expect(body.detail).toContain('100000×100000');
    expect(body.detail).toContain('maxPixels');
    const mark = (await (await api.request(`/v1/marks/${markId}`, authed(viewer))).json()) as { id: string };
    expect(mark.id).toBe(markId);
    expect((await api.request(`/v1/marks/${markId}/logo`, authed(viewer))).status).toBe(200);
  });

  it('refuses bytes that are not an image, and a Content-Type that is not an image type', async () => {
    const body = await expectProblem(
      await api.request(`/v1/marks/${markId}/logo`, upload(editor, Buffer.from('just some text'))),
      400,
      'not_an_image',
    );
    expect(body.detail).toContain('not a readable image');
    await expectProblem(
      await api.request(`/v1/marks/${markId}/logo`, upload(editor, MARK_IMAGE, 'text/html')),
      415,
      'unsupported_media_type',
    );
  });

  it('refuses a viewer (403), no key (401) and another organization (404, mark untouched)', async () => {
    await expectProblem(
      await api.request(`/v1/marks/${markId}/logo`, upload(viewer, SVG, 'image/svg+xml')),
      403,
      'forbidden',
    );
    expect((await api.request(`/v1/marks/${markId}/logo`, upload(null, SVG, 'image/svg+xml'))).status).toBe(
      401,
    );
    expect((await api.request(`/v1/marks/${markId}/logo`, authed(null))).status).toBe(401);
    await expectProblem(
      await api.request(`/v1/marks/${markId}/logo`, upload(otherOrg, SVG, 'image/svg+xml')),
      404,
      'not_found',
    );
    await expectProblem(await api.request(`/v1/marks/${markId}/logo`, authed(otherOrg)), 404, 'not_found');
    await expectProblem(
      await api.request(`/v1/marks/${markId}/logo`, authed(otherOrg, 'DELETE')),
      404,
      'not_found',
    );
    const image = await api.request(`/v1/marks/${markId}/logo`, authed(viewer));
    expect(image.headers.get('content-type')).toBe('image/png');
  });

  it('serves an uploaded SVG with a CSP that forbids script', async () => {
    const brand = (await (
      await api.request('/v1/brands', authed(editor, 'POST', { name: 'Snake' }))
    ).json()) as { id: string };
    const mark = (await (
      await api.request(`/v1/brands/${brand.id}/marks`, authed(editor, 'POST', { text: 'SNAKE' }))
    ).json()) as { id: string };
    expect(
      (await api.request(`/v1/marks/${mark.id}/logo`, upload(editor, SVG, 'image/svg+xml'))).status,
    ).toBe(200);
    const image = await api.request(`/v1/marks/${mark.id}/logo`, authed(viewer));
    expect(image.headers.get('content-type')).toBe('image/svg+xml');
    expect(image.headers.get('content-security-policy')).toBe(
      "default-src 'none'; style-src 'unsafe-inline'",
    );
    expect(image.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await image.text()).toContain('<title>Python</title>');
  });

  it('deletes a logo; the logo is then 404', async () => {
    const brand = (await (
      await api.request('/v1/brands', authed(editor, 'POST', { name: 'Gone' }))
    ).json()) as { id: string };
    const mark = (await (
      await api.request(`/v1/brands/${brand.id}/marks`, authed(editor, 'POST', { text: 'GONE' }))
    ).json()) as { id: string };
    expect(
      (await api.request(`/v1/marks/${mark.id}/logo`, upload(editor, SVG, 'image/svg+xml'))).status,
    ).toBe(200);
    await expectProblem(
      await api.request(`/v1/marks/${mark.id}/logo`, authed(viewer, 'DELETE')),
      403,
      'forbidden',
    );
    const res = await api.request(`/v1/marks/${mark.id}/logo`, authed(editor, 'DELETE'));
    expect(res.status).toBe(200);
    expect(((await res.json()) as { logo_sha256: string | null }).logo_sha256).toBeNull();
    await expectProblem(await api.request(`/v1/marks/${mark.id}/logo`, authed(viewer)), 404, 'not_found');
  });
});

describe('limits and reference', () => {
  it('refuses an upload over 5 MB with 413 before decoding it', async () => {
    const res = await api.request(
      `/v1/marks/${markId}/logo`,
      upload(editor, Buffer.alloc(5 * 1024 * 1024 + 1)),
    );
    await expectProblem(res, 413, 'payload_too_large');
  });

  it('documents the logo routes in the OpenAPI reference', async () => {
    const doc = (await (await api.request('/openapi.json')).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    expect(Object.keys(doc.paths['/v1/marks/{id}/logo'] ?? {}).sort()).toEqual(['delete', 'get', 'put']);
    expect(doc.paths['/v1/filings/{office}/{serial}/image']).toHaveProperty('get');
    expect(doc.paths['/v1/alerts/{id}/logo-comparison']).toHaveProperty('get');
  });
});

describe('filing image and logo comparison', () => {
  it('serves the TSDR mark image of PYTHON and compares it with the watched logo as identical', async () => {
    await expectProblem(
      await api.request('/v1/filings/USPTO/76044902/image', authed(viewer)),
      404,
      'not_found',
    );
    const ingest = await ingestAndScreen(ctx, 'uspto-tsdr-zip', TSDR_ZIP, { quiet: true });
    expect(ingest.screening.alertsCreated).toBe(1);

    const image = await api.request('/v1/filings/USPTO/76044902/image', authed(otherOrg));
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(sha256(Buffer.from(await image.arrayBuffer()))).toBe(sha256(MARK_IMAGE));

    const feed = (await (await api.request('/v1/alerts', authed(viewer))).json()) as {
      data: { id: string; title: string }[];
    };
    const alert = feed.data.find((a) => a.title.includes('PYTHON'))!;
    const res = await api.request(`/v1/alerts/${alert.id}/logo-comparison`, authed(viewer));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      similarity: 1,
      distance: 0,
      mirrored: false,
      via: 'whole',
      reasons: ['logo is identical in shape (distance 0 of 64)'],
    });
    await expectProblem(
      await api.request(`/v1/alerts/${alert.id}/logo-comparison`, authed(otherOrg)),
      404,
      'not_found',
    );
  });

  it('answers 404 for the comparison once the watched mark has no logo', async () => {
    const feed = (await (await api.request('/v1/alerts', authed(viewer))).json()) as {
      data: { id: string; title: string }[];
    };
    const alert = feed.data.find((a) => a.title.includes('PYTHON'))!;
    expect((await api.request(`/v1/marks/${markId}/logo`, authed(editor, 'DELETE'))).status).toBe(200);
    const body = await expectProblem(
      await api.request(`/v1/alerts/${alert.id}/logo-comparison`, authed(viewer)),
      404,
      'not_found',
    );
    expect(body.detail).toContain('watched mark');
  });
});

describe('logo uploads through the real API', () => {
  it('accepts a logo over the 1 MB JSON body limit (up to the 5 MB logo limit)', async () => {
    const noise = Buffer.alloc(1000 * 800 * 3);
    for (let i = 0; i < noise.length; i += 1) noise[i] = (i * 2654435761) >>> 24;
    const png = await sharp(noise, { raw: { width: 1000, height: 800, channels: 3 } })
      .png({ compressionLevel: 0 })
      .toBuffer();
    expect(png.length).toBeGreaterThan(1024 * 1024);
    expect(png.length).toBeLessThan(5 * 1024 * 1024);
    const res = await api.request(`/v1/marks/${markId}/logo`, upload(editor, png));
    expect(res.status).toBe(200);
    expect(((await res.json()) as { logo_sha256: string }).logo_sha256).toBe(sha256(png));
    const mark = (await (await api.request(`/v1/marks/${markId}`, authed(viewer))).json()) as {
      logo_sha256: string;
    };
    expect(mark.logo_sha256).toBe(sha256(png));
  });

  it('still refuses a JSON body over 1 MB elsewhere', async () => {
    const res = await api.request('/v1/brands', authed(editor, 'POST', { name: 'x'.repeat(1_100_000) }));
    expect(res.status).toBe(413);
  });

  it('stores the mark image when a case first seen as bare ST.66 later arrives as a TSDR bundle', async () => {
    const ctx2 = await createTestContext();
    try {
      await ingestAndScreen(
        ctx2,
        'wipo-st66',
        'tests/fixtures/registries/wipo-st66/uspto-tsdr-sn76044902-ST66.xml',
        { quiet: true },
      );
      const bundle = await ingestAndScreen(ctx2, 'uspto-tsdr-zip', TSDR_ZIP, { quiet: true });
      expect(bundle).toMatchObject({ updated: 1, unchanged: 0 });
      const key = await keyFor(ctx2, 'Reader', 'viewer');
      const image = await testApi(ctx2).request('/v1/filings/USPTO/76044902/image', authed(key));
      expect(image.status).toBe(200);
      expect(sha256(Buffer.from(await image.arrayBuffer()))).toBe(sha256(MARK_IMAGE));
    } finally {
      await ctx2.close();
    }
  });
});

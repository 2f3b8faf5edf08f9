import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authed, createTestContext, keyFor, testApi, type TestContext } from '../support/test-context.ts';

let ctx: TestContext;
let api: ReturnType<typeof testApi>;
let admin: string;
let viewer: string;
let otherOrg: string;

beforeAll(async () => {
  ctx = await createTestContext();
  api = testApi(ctx);
  admin = await keyFor(ctx, 'Acme', 'admin');
  viewer = await keyFor(ctx, 'Acme', 'viewer');
  otherOrg = await keyFor(ctx, 'Globex', 'admin');
});
afterAll(async () => ctx.close());

const expectProblem = async (res: Response, status: number, code: string) => {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  const body = (await res.json()) as { code: string; status: number; detail: string };
  expect(body.code).toBe(code);
  expect(body.status).toBe(status);
  return body;
};

describe('brands API', () => {
  it('creates, lists, reads, changes and deletes a brand', async () => {
    const created = await api.request(
      '/v1/brands',
      authed(admin, 'POST', { name: 'Acme Sportswear', watched_offices: ['USPTO', 'INPI-BR'] }),
    );
    expect(created.status).toBe(201);
    const brand = (await created.json()) as { id: string; name: string; watched_offices: string[] };
    expect(brand).toMatchObject({ name: 'Acme Sportswear', watched_offices: ['USPTO', 'INPI-BR'] });

    const list = (await (await api.request('/v1/brands', authed(viewer))).json()) as {
      data: { id: string }[];
    };
    expect(list.data.map((b) => b.id)).toContain(brand.id);

    const patched = await api.request(
      `/v1/brands/${brand.id}`,
      authed(admin, 'PATCH', { watched_offices: ['EUIPO'] }),
    );
    expect(patched.status).toBe(200);
    expect(((await patched.json()) as { watched_offices: string[] }).watched_offices).toEqual(['EUIPO']);

    const got = await api.request(`/v1/brands/${brand.id}`, authed(viewer));
    expect(((await got.json()) as { watched_offices: string[] }).watched_offices).toEqual(['EUIPO']);

    expect((await api.request(`/v1/brands/${brand.id}`, authed(admin, 'DELETE'))).status).toBe(204);
    await expectProblem(await api.request(`/v1/brands/${brand.id}`, authed(admin)), 404, 'not_found');
  });

  it('refuses a duplicate brand name with 409', async () => {
    await api.request('/v1/brands', authed(admin, 'POST', { name: 'Dup' }));
    await expectProblem(
      await api.request('/v1/brands', authed(admin, 'POST', { name: 'Dup' })),
      409,
      'conflict',
    );
  });

  it('rejects bad bodies with a problem naming the field', async () => {
    const missing = await expectProblem(
      await api.request('/v1/brands', authed(admin, 'POST', {})),
      400,
      'validation_failed',
    );
    expect(missing.detail).toContain('name');
    const unknownField = await expectProblem(
      await api.request('/v1/brands', authed(admin, 'POST', { name: 'X', colour: 'red' })),
      400,
      'validation_failed',
    );
    expect(unknownField.detail).toContain('colour');
    const badOffice = await expectProblem(
      await api.request(
        '/v1/brands',
        authed(admin, 'POST', { name: 'X', watched_offices: ['not an office'] }),
      ),
      400,
      'validation_failed',
    );
    expect(badOffice.detail).toContain('watched_offices');
    await expectProblem(
      await api.request('/v1/brands', authed(admin, 'POST', '{"name": "unterminated')),
      400,
      'malformed_body',
    );
    await expectProblem(await api.request('/v1/brands/not-a-uuid', authed(admin)), 400, 'validation_failed');
  });

  it('refuses requests without a key or with a wrong or revoked-looking key', async () => {
    await expectProblem(await api.request('/v1/brands', authed(null)), 401, 'unauthorized');
    await expectProblem(await api.request('/v1/brands', authed('mh_wrong')), 401, 'unauthorized');
    await expectProblem(
      await api.request('/v1/brands', { headers: { authorization: `Basic ${admin}` } }),
      401,
      'unauthorized',
    );
  });

  it("never shows or changes another organization's brand", async () => {
    const brand = (await (
      await api.request('/v1/brands', authed(admin, 'POST', { name: 'Private Brand' }))
    ).json()) as { id: string };
    await expectProblem(await api.request(`/v1/brands/${brand.id}`, authed(otherOrg)), 404, 'not_found');
    await expectProblem(
      await api.request(`/v1/brands/${brand.id}`, authed(otherOrg, 'PATCH', { name: 'Stolen' })),
      404,
      'not_found',
    );
    await expectProblem(
      await api.request(`/v1/brands/${brand.id}`, authed(otherOrg, 'DELETE')),
      404,
      'not_found',
    );
    const theirs = (await (await api.request('/v1/brands', authed(otherOrg))).json()) as {
      data: { id: string }[];
    };
    expect(theirs.data.map((b) => b.id)).not.toContain(brand.id);
    const still = (await (await api.request(`/v1/brands/${brand.id}`, authed(admin))).json()) as {
      name: string;
    };
    expect(still.name).toBe('Private Brand');
  });

  it('lets a viewer read but not write', async () => {
    await expectProblem(
      await api.request('/v1/brands', authed(viewer, 'POST', { name: 'Viewer Brand' })),
      403,
      'forbidden',
    );
  });
});

describe('marks API', () => {
  it('adds, lists, changes and removes marks of a brand', async () => {
    const brand = (await (
      await api.request('/v1/brands', authed(admin, 'POST', { name: 'Marks Brand' }))
    ).json()) as { id: string };
    const res = await api.request(
      `/v1/brands/${brand.id}/marks`,
      authed(admin, 'POST', { text: 'NIKE', nice_classes: [25, 18], threshold: 0.8 }),
    );
    expect(res.status).toBe(201);
    const mark = (await res.json()) as {
      id: string;
      text: string;
      kind: string;
      nice_classes: number[];
      threshold: number;
    };
    expect(mark).toMatchObject({ text: 'NIKE', kind: 'word', nice_classes: [25, 18], threshold: 0.8 });

    const list = (await (await api.request(`/v1/brands/${brand.id}/marks`, authed(viewer))).json()) as {
      data: { id: string }[];
    };
    expect(list.data.map((m) => m.id)).toEqual([mark.id]);

    const patched = (await (
      await api.request(`/v1/marks/${mark.id}`, authed(admin, 'PATCH', { nice_classes: [25] }))
    ).json()) as { nice_classes: number[] };
    expect(patched.nice_classes).toEqual([25]);

    expect((await api.request(`/v1/marks/${mark.id}`, authed(admin, 'DELETE'))).status).toBe(204);
    expect((await api.request(`/v1/marks/${mark.id}`, authed(admin))).status).toBe(404);
  });

  it('validates mark bodies: Nice classes 1..45, threshold in [0,1]', async () => {
    const brand = (await (
      await api.request('/v1/brands', authed(admin, 'POST', { name: 'Validation Brand' }))
    ).json()) as { id: string };
    const bad = await expectProblem(
      await api.request(
        `/v1/brands/${brand.id}/marks`,
        authed(admin, 'POST', { text: 'X', nice_classes: [46] }),
      ),
      400,
      'validation_failed',
    );
    expect(bad.detail).toContain('nice_classes');
    await expectProblem(
      await api.request(`/v1/brands/${brand.id}/marks`, authed(admin, 'POST', { text: 'X', threshold: 1.5 })),
      400,
      'validation_failed',
    );
    await expectProblem(
      await api.request(`/v1/brands/${brand.id}/marks`, authed(admin, 'POST', { text: '' })),
      400,
      'validation_failed',
    );
  });

  it('keeps marks private to their organization and writes to editors and admins', async () => {
    const brand = (await (
      await api.request('/v1/brands', authed(admin, 'POST', { name: 'Isolated Marks' }))
    ).json()) as { id: string };
    const mark = (await (
      await api.request(`/v1/brands/${brand.id}/marks`, authed(admin, 'POST', { text: 'ACME' }))
    ).json()) as { id: string };
    await expectProblem(
      await api.request(`/v1/brands/${brand.id}/marks`, authed(otherOrg)),
      404,
      'not_found',
    );
    await expectProblem(
      await api.request(`/v1/brands/${brand.id}/marks`, authed(otherOrg, 'POST', { text: 'HIJACK' })),
      404,
      'not_found',
    );
    await expectProblem(await api.request(`/v1/marks/${mark.id}`, authed(otherOrg)), 404, 'not_found');
    await expectProblem(
      await api.request(`/v1/marks/${mark.id}`, authed(otherOrg, 'PATCH', { text: 'X' })),
      404,
      'not_found',
    );
    await expectProblem(
      await api.request(`/v1/marks/${mark.id}`, authed(viewer, 'PATCH', { text: 'X' })),
      403,
      'forbidden',
    );
    await expectProblem(await api.request(`/v1/marks/${mark.id}`, authed(null)), 401, 'unauthorized');
  });
});

describe('public endpoints', () => {
  it('serves health, the OpenAPI document and the docs page without a key', async () => {
    const health = (await (await api.request('/healthz')).json()) as { status: string; database: string };
    expect(health.status).toBe('ok');
    expect(['pglite', 'postgres']).toContain(health.database);
    const doc = (await (await api.request('/openapi.json')).json()) as {
      paths: Record<string, unknown>;
      components: { securitySchemes: Record<string, unknown> };
    };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/v1/brands',
        '/v1/brands/{id}/marks',
        '/v1/alerts',
        '/v1/alerts/{id}',
        '/v1/filings/{office}/{serial}',
      ]),
    );
    expect(doc.components.securitySchemes.bearer).toBeDefined();
    const docs = await api.request('/docs');
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain('/openapi.json');
  });

  it('answers unknown routes with a problem', async () => {
    await expectProblem(await api.request('/v2/nothing'), 404, 'not_found');
  });
});

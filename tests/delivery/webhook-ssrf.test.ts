import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeliveryRunner } from '../../app/delivery-runner.ts';
import { SsrfGuard } from '../../crawler/http/index.ts';
import { authed, createTestContext, type TestContext } from '../support/test-context.ts';
import { deliveryApi } from './support/delivery-api.ts';
import { createOrg, seedAlert, type TestOrg } from './support/seed.ts';

// A DNS that the test controls: hooks.example.test first answers a public address, later a private one.
const dns = new Map<string, string>([['hooks.example.test', '93.184.216.34']]);
const guard = new SsrfGuard({
  allowLoopback: true,
  resolver: async (hostname) => {
    const address = dns.get(hostname);
    if (!address) throw Object.assign(new Error(`no such host ${hostname}`), { code: 'ENOTFOUND' });
    return [{ address, family: 4 }];
  },
});

let ctx: TestContext;
let api: ReturnType<typeof deliveryApi>;
let org: TestOrg;

beforeAll(async () => {
  ctx = await createTestContext();
  api = deliveryApi(ctx, guard);
  org = await createOrg(ctx, 'Careful Co');
});
afterAll(async () => ctx.close());

describe('webhook SSRF guard', () => {
  it.each(['http://169.254.169.254/latest/meta-data/', 'http://10.0.0.1/hook'])(
    'refuses to register %s with a 400 naming the URL',
    async (url) => {
      const res = await api.request('/v1/webhooks', authed(org.admin, 'POST', { url }));
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      const problem = (await res.json()) as { detail: string; code: string };
      expect(problem.code).toBe('validation_failed');
      expect(problem.detail).toContain(url);
      expect(problem.detail).toMatch(/link-local|private/);
    },
  );

  it('refuses at delivery time when DNS now answers a private address, and logs why', async () => {
    const res = await api.request(
      '/v1/webhooks',
      authed(org.admin, 'POST', { url: 'http://hooks.example.test/markhound' }),
    );
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    dns.set('hooks.example.test', '10.0.0.5');
    await seedAlert(ctx, org);
    await new DeliveryRunner(ctx, { baseUrl: 'http://markhound.test', guard }).tick();

    const log = (await (await api.request(`/v1/webhooks/${id}/deliveries`, authed(org.admin))).json()) as {
      data: { status: string; log: { outcome: string; error: string; response_code: number | null }[] }[];
    };
    expect(log.data).toHaveLength(1);
    expect(log.data[0]!.status).toBe('failed'); // an SSRF refusal is not retried
    expect(log.data[0]!.log).toHaveLength(1);
    expect(log.data[0]!.log[0]).toMatchObject({ outcome: 'failed', response_code: null });
    expect(log.data[0]!.log[0]!.error).toContain(
      'address 10.0.0.5 (hooks.example.test resolves to it) is private',
    );
  });
});

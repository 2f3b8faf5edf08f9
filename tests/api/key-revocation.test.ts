import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emitEvent } from '../../alerts/emit-event.ts';
import { createApiKey, type CreatedKey } from '../../api/index.ts';
import { tables } from '../../db/index.ts';
import { auditLog } from '../../db/schema-audit.ts';
import { authed, createTestContext, testApi, type TestContext } from '../support/test-context.ts';

// Revoking an API key must cut everything it opened: new requests (401) and an event stream that
// was opened before the revocation (it used to keep delivering). Only an admin of the key's own
// organization may revoke; each revocation is in the audit log.
let ctx: TestContext;
let api: ReturnType<typeof testApi>;

beforeAll(async () => {
  ctx = await createTestContext();
  api = testApi(ctx, { streamPollMs: 100, streamHeartbeatMs: 10_000 });
});
afterAll(async () => ctx?.close());

const keyOf = (org: string, role: 'admin' | 'editor' | 'viewer') =>
  createApiKey(ctx.db, { organizationName: org, role });

/** Reads an SSE response until it ends or `ms` pass; says which, with the messages read. */
async function readUntilEnd(response: Response, ms: number): Promise<{ ended: boolean; raw: string }> {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let raw = '';
  const deadline = performance.now() + ms;
  for (;;) {
    const left = deadline - performance.now();
    if (left <= 0) break;
    const chunk = await Promise.race([
      reader.read(),
      new Promise<null>((resolve) => setTimeout(() => resolve(null), left)),
    ]);
    if (chunk === null) break;
    if (chunk.done) return { ended: true, raw };
    raw += decoder.decode(chunk.value, { stream: true });
  }
  await reader.cancel();
  return { ended: false, raw };
}
const emit = (organizationId: string, subject: string) =>
  emitEvent(ctx.db, { organizationId, type: 'alert.created', subject, data: {} });

describe('an event stream of a revoked key', () => {
  it('ends within seconds when the key is revoked behind its back (revoked_at set directly)', async () => {
    const viewer = await keyOf('Stream Revoke Co', 'viewer');
    const response = await api.request('/v1/events/stream', authed(viewer.key));
    expect(response.status).toBe(200);
    await emit(viewer.organizationId, 'alert:before-revocation');
    await ctx.db
      .update(tables.apiKeys)
      .set({ revokedAt: new Date() })
      .where(eq(tables.apiKeys.id, viewer.id));
    const revokedAt = performance.now();
    await new Promise((resolve) => setTimeout(resolve, 300));
    await emit(viewer.organizationId, 'alert:after-revocation');
    const { ended, raw } = await readUntilEnd(response, 5_000);
    expect(ended).toBe(true);
    expect(performance.now() - revokedAt).toBeLessThan(5_000);
    expect(raw).not.toContain('alert:after-revocation');
    expect(raw).toContain('event: revoked');
  });

  it('ends when an admin revokes the key through the API, and the key then gets 401', async () => {
    const admin = await keyOf('Api Revoke Co', 'admin');
    const viewer = await keyOf('Api Revoke Co', 'viewer');
    const stream = await api.request('/v1/events/stream', authed(viewer.key));
    expect(stream.status).toBe(200);
    const revoke = await api.request(`/v1/api-keys/${viewer.id}`, authed(admin.key, 'DELETE'));
    expect(revoke.status).toBe(200);
    expect(await revoke.json()).toMatchObject({ id: viewer.id, revoked_at: expect.any(String) });
    await emit(viewer.organizationId, 'alert:after-api-revocation');
    const { ended, raw } = await readUntilEnd(stream, 5_000);
    expect(ended).toBe(true);
    expect(raw).not.toContain('alert:after-api-revocation');
    expect((await api.request('/v1/brands', authed(viewer.key))).status).toBe(401);
    expect((await api.request('/v1/events/stream', authed(viewer.key))).status).toBe(401);
  });

  it('keeps streaming for a key that was not revoked', async () => {
    const viewer = await keyOf('Steady Co', 'viewer');
    const stream = await api.request('/v1/events/stream', authed(viewer.key));
    await new Promise((resolve) => setTimeout(resolve, 300));
    await emit(viewer.organizationId, 'alert:still-flowing');
    const { ended, raw } = await readUntilEnd(stream, 1_500);
    expect(ended).toBe(false);
    expect(raw).toContain('alert:still-flowing');
  });
});

describe('revoking keys through the API', () => {
  let admin: CreatedKey;
  let editor: CreatedKey;
  let viewer: CreatedKey;
  let stranger: CreatedKey;

  beforeAll(async () => {
    admin = await keyOf('Keys Co', 'admin');
    editor = await keyOf('Keys Co', 'editor');
    viewer = await keyOf('Keys Co', 'viewer');
    stranger = await keyOf('Other Keys Co', 'admin');
  });

  it('lists the organization keys for an admin, without secrets or hashes', async () => {
    const response = await api.request('/v1/api-keys', authed(admin.key));
    expect(response.status).toBe(200);
    const text = await response.text();
    const { data } = JSON.parse(text) as { data: { id: string; prefix: string; role: string }[] };
    expect(data.map((k) => k.id).sort()).toEqual([admin.id, editor.id, viewer.id].sort());
    expect(data.find((k) => k.id === viewer.id)).toMatchObject({
      prefix: viewer.key.slice(0, 10),
      role: 'viewer',
    });
    expect(text).not.toContain(viewer.key);
    expect(text).not.toMatch(/hash/i);
    expect(text).not.toContain(stranger.id);
  });

  it('refuses listing and revoking to editors and viewers (403), and the key stays valid', async () => {
    for (const key of [editor.key, viewer.key]) {
      expect((await api.request('/v1/api-keys', authed(key))).status).toBe(403);
      expect((await api.request(`/v1/api-keys/${viewer.id}`, authed(key, 'DELETE'))).status).toBe(403);
      expect((await api.request('/v1/audit-log', authed(key))).status).toBe(403);
    }
    expect((await api.request('/v1/brands', authed(viewer.key))).status).toBe(200);
  });

  it("refuses revoking another organization's key as if it did not exist (404), and it stays valid", async () => {
    const response = await api.request(`/v1/api-keys/${viewer.id}`, authed(stranger.key, 'DELETE'));
    expect(response.status).toBe(404);
    expect((await api.request('/v1/brands', authed(viewer.key))).status).toBe(200);
    const [row] = await ctx.db.select().from(tables.apiKeys).where(eq(tables.apiKeys.id, viewer.id));
    expect(row!.revokedAt).toBeNull();
  });

  it('writes an audit entry naming who revoked which key, once', async () => {
    const target = await keyOf('Keys Co', 'editor');
    expect((await api.request(`/v1/api-keys/${target.id}`, authed(admin.key, 'DELETE'))).status).toBe(200);
    expect((await api.request(`/v1/api-keys/${target.id}`, authed(admin.key, 'DELETE'))).status).toBe(200);
    const rows = await ctx.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.subject, `api_key:${target.id}`));
    expect(rows.map((r) => r.action).sort()).toEqual(['api_key.created', 'api_key.revoked']);
    expect(rows.find((r) => r.action === 'api_key.revoked')).toMatchObject({
      organizationId: admin.organizationId,
      organizationName: 'Keys Co',
      actor: `key:${admin.id}`,
      data: { prefix: target.key.slice(0, 10), role: 'editor' },
    });
    const listed = (await (await api.request('/v1/audit-log', authed(admin.key))).json()) as {
      data: { action: string; subject: string; actor: string }[];
    };
    expect(listed.data[0]).toMatchObject({
      action: 'api_key.revoked',
      subject: `api_key:${target.id}`,
      actor: `key:${admin.id}`,
    });
    const theirs = (await (await api.request('/v1/audit-log', authed(stranger.key))).json()) as {
      data: { subject: string }[];
    };
    expect(theirs.data.map((e) => e.subject)).not.toContain(`api_key:${target.id}`);
  });

  it("refuses revoking the organization's last active admin key (409)", async () => {
    const lone = await keyOf('Lone Admin Co', 'admin');
    const response = await api.request(`/v1/api-keys/${lone.id}`, authed(lone.key, 'DELETE'));
    expect(response.status).toBe(409);
    expect(((await response.json()) as { detail: string }).detail).toMatch(/last active admin key/);
    expect((await api.request('/v1/brands', authed(lone.key))).status).toBe(200);
  });
});

describe('deleting an organization through the API', () => {
  it('needs its exact name to confirm, deletes it, ends its streams, and leaves an audit entry', async () => {
    const admin = await keyOf('Doomed Co', 'admin');
    const viewer = await keyOf('Doomed Co', 'viewer');
    const bystander = await keyOf('Bystander Co', 'admin');
    const stream = await api.request('/v1/events/stream', authed(viewer.key));
    expect(stream.status).toBe(200);

    const unconfirmed = await api.request('/v1/organization?confirm=Doomed', authed(admin.key, 'DELETE'));
    expect(unconfirmed.status).toBe(400);
    expect(
      (await api.request('/v1/organization?confirm=Doomed%20Co', authed(viewer.key, 'DELETE'))).status,
    ).toBe(403);
    expect((await api.request('/v1/brands', authed(admin.key))).status).toBe(200);

    const deleted = await api.request('/v1/organization?confirm=Doomed%20Co', authed(admin.key, 'DELETE'));
    expect(deleted.status).toBe(204);
    const { ended } = await readUntilEnd(stream, 5_000);
    expect(ended).toBe(true);
    expect((await api.request('/v1/brands', authed(admin.key))).status).toBe(401);
    expect((await api.request('/v1/brands', authed(bystander.key))).status).toBe(200);
    const orgs = await ctx.db
      .select()
      .from(tables.organizations)
      .where(eq(tables.organizations.id, admin.organizationId));
    expect(orgs).toEqual([]);
    const [entry] = await ctx.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.subject, `organization:${admin.organizationId}`));
    expect(entry).toMatchObject({
      action: 'organization.deleted',
      organizationName: 'Doomed Co',
      actor: `key:${admin.id}`,
      data: { api_keys: 2 },
    });
  });
});

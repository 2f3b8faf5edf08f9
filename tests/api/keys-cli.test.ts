import { spawnSync } from 'node:child_process';
import { userInfo } from 'node:os';
import { asc } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../api/index.ts';
import { listKeyLines, revokeKeyLine } from '../../cli/commands/keys.ts';
import { deleteOrganizationLine, listOrganizationLines } from '../../cli/commands/orgs.ts';
import { auditLog } from '../../db/schema-audit.ts';
import { authed, createTestContext, testApi, type TestContext } from '../support/test-context.ts';

// The operator's side of key revocation: markhound keys list / keys revoke / orgs list / orgs
// delete, with every change in the audit log under the operating-system user's name.
let ctx: TestContext;
const parse = (lines: string[]) => lines.map((l) => JSON.parse(l) as Record<string, unknown>);

beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx?.close());

describe('markhound keys and orgs', () => {
  it('lists keys without secrets, revokes one (401 afterwards), and audits it under the OS user', async () => {
    const admin = await createApiKey(ctx.db, { organizationName: 'Cli Co', role: 'admin' });
    const viewer = await createApiKey(ctx.db, {
      organizationName: 'Cli Co',
      role: 'viewer',
      name: 'dashboard',
    });
    const listed = parse(await listKeyLines(ctx, 'Cli Co'));
    expect(listed.map((k) => [k.id, k.role, k.prefix, k.revoked_at])).toEqual([
      [admin.id, 'admin', admin.key.slice(0, 10), null],
      [viewer.id, 'viewer', viewer.key.slice(0, 10), null],
    ]);
    expect(JSON.stringify(listed)).not.toContain(viewer.key);

    expect(JSON.parse(await revokeKeyLine(ctx, viewer.id))).toMatchObject({
      id: viewer.id,
      revoked_at: expect.any(String),
    });
    expect(parse(await listKeyLines(ctx, 'Cli Co'))[1]).toMatchObject({ revoked_at: expect.any(String) });
    expect((await testApi(ctx).request('/v1/brands', authed(viewer.key))).status).toBe(401);

    // The operator may revoke the last admin key, which the API refuses: a leaked key must be stoppable.
    expect(JSON.parse(await revokeKeyLine(ctx, admin.id))).toMatchObject({ revoked_at: expect.any(String) });

    await expect(revokeKeyLine(ctx, "x' or 1=1")).rejects.toThrow(/not a key id/);
    await expect(revokeKeyLine(ctx, '6f1c2b0e-8a55-4a8e-9d8e-2f0a1c9b7d10')).rejects.toThrow(/not found/);
    await expect(listKeyLines(ctx, 'No Such Co')).rejects.toThrow(/no organization named "No Such Co"/);

    const actor = `cli:${userInfo().username}`;
    const revocations = (await ctx.db.select().from(auditLog).orderBy(asc(auditLog.id))).filter(
      (e) => e.action === 'api_key.revoked',
    );
    expect(revocations.map((e) => [e.subject, e.actor])).toEqual([
      [`api_key:${viewer.id}`, actor],
      [`api_key:${admin.id}`, actor],
    ]);
  });

  it('deletes an organization only with --yes, and the audit entry outlives it', async () => {
    const doomed = await createApiKey(ctx.db, { organizationName: 'Doomed Cli Co', role: 'admin' });
    await expect(deleteOrganizationLine(ctx, 'Doomed Cli Co', false)).rejects.toThrow(/--yes/);
    expect(parse(await listOrganizationLines(ctx)).map((o) => o.name)).toContain('Doomed Cli Co');

    expect(JSON.parse(await deleteOrganizationLine(ctx, 'Doomed Cli Co', true))).toMatchObject({
      deleted: true,
      id: doomed.organizationId,
    });
    expect(parse(await listOrganizationLines(ctx)).map((o) => o.name)).not.toContain('Doomed Cli Co');
    expect((await testApi(ctx).request('/v1/brands', authed(doomed.key))).status).toBe(401);
    const entries = await ctx.db.select().from(auditLog).orderBy(asc(auditLog.id));
    expect(entries.at(-1)).toMatchObject({
      action: 'organization.deleted',
      organizationId: doomed.organizationId,
      organizationName: 'Doomed Cli Co',
      actor: `cli:${userInfo().username}`,
    });
  });

  it('is wired into the markhound command (a bad id is refused before any database is opened)', () => {
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'cli/main.ts', 'keys', 'revoke', 'not-a-key-id'],
      {
        env: { ...process.env, MARKHOUND_DATA_DIR: ':memory:', MARKHOUND_LOG_LEVEL: 'error' },
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('"not-a-key-id" is not a key id');
  }, 60_000);
});

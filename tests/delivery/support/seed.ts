import { randomUUID } from 'node:crypto';
import { emitEvent } from '../../../alerts/emit-event.ts';
import { createApiKey } from '../../../api/index.ts';
import { tables, type DeadlineInfo } from '../../../db/index.ts';
import type { TestContext } from '../../support/test-context.ts';

export interface TestOrg {
  id: string;
  admin: string;
  editor: string;
  viewer: string;
  brandId: string;
}

/** An organization with one key per role and a brand to hang alerts on. */
export async function createOrg(ctx: TestContext, name: string): Promise<TestOrg> {
  const admin = await createApiKey(ctx.db, { organizationName: name, role: 'admin' });
  const editor = await createApiKey(ctx.db, { organizationName: name, role: 'editor' });
  const viewer = await createApiKey(ctx.db, { organizationName: name, role: 'viewer' });
  const [brand] = await ctx.db
    .insert(tables.brands)
    .values({ organizationId: admin.organizationId, name: `${name} brand` })
    .returning({ id: tables.brands.id });
  return {
    id: admin.organizationId,
    admin: admin.key,
    editor: editor.key,
    viewer: viewer.key,
    brandId: brand!.id,
  };
}

export interface AlertSeed {
  title?: string;
  severity?: 'low' | 'medium' | 'high' | 'critical';
  source?: string;
  deadline?: string | null;
  reasons?: string[];
  status?: 'new' | 'reviewing' | 'actioned' | 'dismissed';
}

export const oppositionDeadline = (date: string): DeadlineInfo => ({
  kind: 'opposition',
  date,
  rule: 'USPTO: opposition within 30 days of publication (15 U.S.C. 1063)',
  sources: [{ citation: '15 U.S.C. § 1063(a)', url: 'https://www.law.cornell.edu/uscode/text/15/1063' }],
  verified: true,
  flags: [],
});

/**
 * Stores an alert the way raise-alert does (row + `alert.created` event in one transaction), with the
 * values a test sets; the matcher is not what these tests are about.
 */
export async function seedAlert(ctx: TestContext, org: TestOrg, seed: AlertSeed = {}): Promise<string> {
  const now = ctx.clock.now();
  const deadline = seed.deadline ?? null;
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(tables.alerts)
      .values({
        organizationId: org.id,
        brandId: org.brandId,
        kind: 'registry_conflict',
        fingerprint: randomUUID(),
        title: seed.title ?? '"ACMEE" (USPTO 97000001) resembles your mark "ACME"',
        severity: seed.severity ?? 'medium',
        status: seed.status ?? 'new',
        source: seed.source ?? 'USPTO',
        subjectKind: 'filing',
        score: 0.91,
        reasons: seed.reasons ?? ['one letter added: ACME → ACMEE', 'same Nice class 25'],
        deadline,
        deadlineInfo: deadline ? oppositionDeadline(deadline) : null,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: tables.alerts.id });
    const id = row!.id;
    await emitEvent(tx as never, {
      organizationId: org.id,
      type: 'alert.created',
      subject: `alert:${id}`,
      data: { alertId: id, severity: seed.severity ?? 'medium', deadline },
      createdAt: now,
    });
    return id;
  });
}

import { and, eq } from 'drizzle-orm';
import type { InferSelectModel } from 'drizzle-orm';
import type { Clock } from '../core/clock.ts';
import { tables, type Database, type DeadlineInfo, type SubjectFacts } from '../db/index.ts';
import { emitEvent } from './emit-event.ts';
import { explainFilingChange } from './explain-change.ts';
import { registryAlertFingerprint } from './fingerprint.ts';
import { severityOf } from './severity.ts';

type FilingRow = InferSelectModel<typeof tables.filings>;

export interface RegistryMatchInput {
  organizationId: string;
  brandId: string;
  markId: string;
  markText: string;
  filing: FilingRow;
  matchId: string;
  score: number;
  goods: number | null;
  reasons: string[];
  deadline: DeadlineInfo | null;
  /** The filing's office is a market in one of the brand's market-entry plans. */
  inPlannedMarket?: boolean;
}

export type RaiseOutcome = { outcome: 'created' | 'updated' | 'unchanged'; alertId: string };

const DAY_MS = 86_400_000;

export function daysUntil(date: string | null, now: Date): number | null {
  if (!date) return null;
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Math.round((Date.parse(`${date}T00:00:00Z`) - today) / DAY_MS);
}

export function factsOf(filing: FilingRow): SubjectFacts {
  return {
    markText: filing.markText,
    statusCode: filing.statusCode,
    statusText: filing.statusText,
    publicationDate: filing.publicationDate,
    classes: filing.classes.map((c) => c.niceClass).sort((a, b) => a - b),
    applicants: filing.applicants.map((p) => p.name),
    version: filing.version,
  };
}

/**
 * Raises the alert for a registry match, or updates the existing one (same fingerprint) and records
 * why: a re-published or amended filing never produces a second alert.
 */
export async function raiseRegistryAlert(
  db: Database,
  clock: Clock,
  input: RegistryMatchInput,
): Promise<RaiseOutcome> {
  const a = tables.alerts;
  const now = clock.now();
  const { filing } = input;
  const fingerprint = registryAlertFingerprint(input.markId, filing.office, filing.serialNumber);
  const facts = factsOf(filing);
  const severity = severityOf({
    score: input.score,
    goods: input.goods,
    daysLeft: daysUntil(input.deadline?.date ?? null, now),
    inPlannedMarket: input.inPlannedMarket ?? false,
  });
  const values = {
    score: input.score,
    reasons: input.reasons,
    severity,
    deadline: input.deadline?.date ?? null,
    deadlineInfo: input.deadline,
    subjectFacts: facts,
    matchId: input.matchId,
  };

  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(a)
      .values({
        organizationId: input.organizationId,
        brandId: input.brandId,
        markId: input.markId,
        kind: 'registry_conflict',
        fingerprint,
        title: `"${filing.markText ?? filing.serialNumber}" (${filing.office} ${filing.serialNumber}) resembles your mark "${input.markText}"`,
        source: filing.office,
        subjectKind: 'filing',
        filingId: filing.id,
        createdAt: now,
        updatedAt: now,
        ...values,
      })
      .onConflictDoNothing({ target: [a.organizationId, a.fingerprint] })
      .returning({ id: a.id });
    if (created) {
      const data = { score: input.score, reasons: input.reasons, filingVersion: filing.version, severity };
      await tx.insert(tables.alertEvents).values({
        alertId: created.id,
        organizationId: input.organizationId,
        actor: 'system',
        type: 'created',
        data,
        createdAt: now,
      });
      await emitEvent(tx as unknown as Database, {
        organizationId: input.organizationId,
        type: 'alert.created',
        subject: `alert:${created.id}`,
        data: {
          alertId: created.id,
          office: filing.office,
          serialNumber: filing.serialNumber,
          markText: filing.markText,
          watchedMark: input.markText,
          severity,
          score: input.score,
          deadline: values.deadline,
        },
        createdAt: now,
      });
      return { outcome: 'created', alertId: created.id } as const;
    }

    const [existing] = await tx
      .select()
      .from(a)
      .where(and(eq(a.organizationId, input.organizationId), eq(a.fingerprint, fingerprint)));
    if (!existing) throw new Error(`alert with fingerprint ${fingerprint} vanished while being updated`);
    const why = existing.subjectFacts ? explainFilingChange(existing.subjectFacts, facts) : [];
    if (Math.abs(existing.score - input.score) >= 0.005)
      why.push(`score changed: ${existing.score.toFixed(2)} → ${input.score.toFixed(2)}`);
    if (existing.deadline !== values.deadline)
      why.push(`deadline changed: ${existing.deadline ?? 'none'} → ${values.deadline ?? 'none'}`);
    if (why.length === 0) return { outcome: 'unchanged', alertId: existing.id } as const;
    await tx
      .update(a)
      .set({ ...values, updatedAt: now })
      .where(eq(a.id, existing.id));
    await tx.insert(tables.alertEvents).values({
      alertId: existing.id,
      organizationId: input.organizationId,
      actor: 'system',
      type: 'updated',
      data: { why, filingVersion: filing.version },
      createdAt: now,
    });
    await emitEvent(tx as unknown as Database, {
      organizationId: input.organizationId,
      type: 'alert.updated',
      subject: `alert:${existing.id}`,
      data: { alertId: existing.id, why, severity, score: input.score, deadline: values.deadline },
      createdAt: now,
    });
    return { outcome: 'updated', alertId: existing.id } as const;
  });
}

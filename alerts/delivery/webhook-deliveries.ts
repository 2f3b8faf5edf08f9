import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { ConflictError, NotFoundError } from '../../core/errors.ts';
import type { Database } from '../../db/index.ts';
import { webhookAttempts, webhookDeliveries } from '../../db/schema-delivery.ts';
import { getWebhookEndpoint } from './webhook-endpoints.ts';

export type WebhookDelivery = typeof webhookDeliveries.$inferSelect;
export type WebhookAttempt = typeof webhookAttempts.$inferSelect;

/** An endpoint's deliveries, newest first, each with its attempts (the delivery log). */
export async function listDeliveries(
  db: Database,
  organizationId: string,
  endpointId: string,
  limit = 50,
): Promise<(WebhookDelivery & { log: WebhookAttempt[] })[]> {
  await getWebhookEndpoint(db, organizationId, endpointId);
  const d = webhookDeliveries;
  const deliveries = await db
    .select()
    .from(d)
    .where(eq(d.endpointId, endpointId))
    .orderBy(desc(d.eventId))
    .limit(limit);
  if (deliveries.length === 0) return [];
  const a = webhookAttempts;
  const attempts = await db
    .select()
    .from(a)
    .where(
      inArray(
        a.deliveryId,
        deliveries.map((x) => x.id),
      ),
    )
    .orderBy(asc(a.id));
  return deliveries.map((delivery) => ({
    ...delivery,
    log: attempts.filter((x) => x.deliveryId === delivery.id),
  }));
}

/**
 * Queues a delivery again now, with a fresh retry budget. It keeps its id, which is the
 * Idempotency-Key, so a receiver that already processed it can recognise the repeat.
 */
export async function redeliver(
  db: Database,
  organizationId: string,
  deliveryId: string,
  now: Date,
): Promise<WebhookDelivery> {
  const d = webhookDeliveries;
  const [existing] = await db
    .select()
    .from(d)
    .where(and(eq(d.id, deliveryId), eq(d.organizationId, organizationId)));
  if (!existing) throw new NotFoundError(`webhook delivery ${deliveryId} not found in your organization`);
  const [updated] = await db
    .update(d)
    .set({ status: 'pending', attempts: 0, nextAttemptAt: now, leaseExpiresAt: null })
    .where(and(eq(d.id, deliveryId), inArray(d.status, ['pending', 'succeeded', 'failed'])))
    .returning();
  if (!updated)
    throw new ConflictError(`webhook delivery ${deliveryId} is being sent right now; try again in a minute`);
  return updated;
}

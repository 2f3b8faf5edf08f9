import { inArray } from 'drizzle-orm';
import type { Database } from '../../db/index.ts';
import { webhookDeliveries, webhookEndpoints } from '../../db/schema-delivery.ts';
import { consumeEvents, type EventRow } from './event-cursor.ts';

const CHANNEL = 'webhooks';

const wants = (endpoint: { eventTypes: string[] }, event: EventRow): boolean =>
  endpoint.eventTypes.length === 0 || endpoint.eventTypes.includes(event.type);

/**
 * Turns new events into one delivery row per matching endpoint (the outbox). Unique
 * (endpoint, event) means a batch read twice after a crash cannot queue a second delivery.
 * The cursor is shared by all endpoints, so a new endpoint gets the events not yet fanned out when it
 * was created (seconds old at most) and everything after, never the older history.
 */
export async function fanOutWebhooks(db: Database, now: Date, batchSize = 500): Promise<number> {
  let planned = 0;
  for (;;) {
    const read = await consumeEvents(db, CHANNEL, { batchSize, now }, async (tx, events) => {
      const organizationIds = [...new Set(events.map((e) => e.organizationId))];
      const endpoints = await tx
        .select()
        .from(webhookEndpoints)
        .where(inArray(webhookEndpoints.organizationId, organizationIds));
      const rows = events.flatMap((event) =>
        endpoints
          .filter((endpoint) => endpoint.organizationId === event.organizationId && wants(endpoint, event))
          .map((endpoint) => ({
            organizationId: event.organizationId,
            endpointId: endpoint.id,
            eventId: event.id,
            eventType: event.type,
            nextAttemptAt: now,
          })),
      );
      if (rows.length > 0) await tx.insert(webhookDeliveries).values(rows).onConflictDoNothing();
      planned += rows.length;
    });
    if (read < batchSize) return planned;
  }
}

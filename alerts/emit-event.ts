import type { Database } from '../db/index.ts';
import { tables } from '../db/index.ts';

export interface OrganizationEvent {
  organizationId: string;
  /** Dotted type: alert.created, alert.updated, deadline.reminder, plan.checklist.changed, ... */
  type: string;
  subject: string;
  data: Record<string, unknown>;
  createdAt?: Date;
}

/**
 * Appends to the organization's event log. Call it with the same transaction (or db) that made the
 * change, so the change and its event commit together; delivery channels tail the log.
 */
export async function emitEvent(db: Database, event: OrganizationEvent): Promise<number> {
  const [row] = await db
    .insert(tables.events)
    .values({
      organizationId: event.organizationId,
      type: event.type,
      subject: event.subject,
      data: event.data,
      ...(event.createdAt ? { createdAt: event.createdAt } : {}),
    })
    .returning({ id: tables.events.id });
  return row!.id;
}

import type { EventRow } from './event-cursor.ts';

/** The JSON body of every webhook: built from the stored event only, so each retry sends the same bytes. */
export function webhookPayload(event: EventRow): string {
  return JSON.stringify({
    id: String(event.id),
    type: event.type,
    created_at: event.createdAt.toISOString(),
    organization_id: event.organizationId,
    subject: event.subject,
    data: event.data,
  });
}

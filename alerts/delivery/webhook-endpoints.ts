import { randomBytes } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import type { InferSelectModel } from 'drizzle-orm';
import { NotFoundError, ValidationError } from '../../core/errors.ts';
import { HttpError, redactUrl, type SsrfGuard } from '../../crawler/http/index.ts';
import type { Database } from '../../db/index.ts';
import { webhookEndpoints } from '../../db/schema-delivery.ts';

export type WebhookEndpoint = Omit<InferSelectModel<typeof webhookEndpoints>, 'secret'>;

export interface CreateWebhookInput {
  organizationId: string;
  url: string;
  eventTypes: string[];
  description: string | null;
}

const publicColumns = {
  id: webhookEndpoints.id,
  organizationId: webhookEndpoints.organizationId,
  url: webhookEndpoints.url,
  eventTypes: webhookEndpoints.eventTypes,
  description: webhookEndpoints.description,
  createdAt: webhookEndpoints.createdAt,
};

/** Refuses a URL the SSRF guard refuses now; the dispatcher asks the guard again at every delivery. */
export async function assertDeliverableUrl(guard: SsrfGuard, url: string): Promise<void> {
  try {
    await guard.check(url);
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    throw new ValidationError(`webhook url ${redactUrl(url)} cannot be used: ${error.message}`, {
      url: redactUrl(url),
    });
  }
}

/** Registers an endpoint and returns its signing secret, the only time the secret leaves the server. */
export async function createWebhookEndpoint(
  { db, guard, now }: { db: Database; guard: SsrfGuard; now: Date },
  input: CreateWebhookInput,
): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
  await assertDeliverableUrl(guard, input.url);
  const secret = `whsec_${randomBytes(32).toString('base64url')}`;
  const [endpoint] = await db
    .insert(webhookEndpoints)
    .values({
      organizationId: input.organizationId,
      url: input.url,
      secret,
      eventTypes: input.eventTypes,
      description: input.description,
      createdAt: now,
    })
    .returning(publicColumns);
  return { endpoint: endpoint!, secret };
}

export async function listWebhookEndpoints(db: Database, organizationId: string): Promise<WebhookEndpoint[]> {
  return db
    .select(publicColumns)
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.organizationId, organizationId))
    .orderBy(desc(webhookEndpoints.createdAt));
}

export async function getWebhookEndpoint(
  db: Database,
  organizationId: string,
  id: string,
): Promise<WebhookEndpoint> {
  const [row] = await db
    .select(publicColumns)
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.id, id), eq(webhookEndpoints.organizationId, organizationId)));
  if (!row) throw new NotFoundError(`webhook ${id} not found in your organization`);
  return row;
}

/** Deletes an endpoint with its pending deliveries and their log. */
export async function deleteWebhookEndpoint(db: Database, organizationId: string, id: string): Promise<void> {
  const deleted = await db
    .delete(webhookEndpoints)
    .where(and(eq(webhookEndpoints.id, id), eq(webhookEndpoints.organizationId, organizationId)))
    .returning({ id: webhookEndpoints.id });
  if (deleted.length === 0) throw new NotFoundError(`webhook ${id} not found in your organization`);
}

import { and, eq, inArray, lte, or, sql } from 'drizzle-orm';
import type { Clock } from '../../core/clock.ts';
import type { Logger } from '../../core/log.ts';
import { HttpError, parseRetryAfter, redactUrl, type SsrfGuard } from '../../crawler/http/index.ts';
import { tables, type Database } from '../../db/index.ts';
import { webhookAttempts, webhookDeliveries, webhookEndpoints } from '../../db/schema-delivery.ts';
import { postJson } from './post-json.ts';
import { DEFAULT_RETRY_SCHEDULE, retryDelayMs, type RetrySchedule } from './retry-schedule.ts';
import { signatureHeader } from './webhook-signature.ts';
import { webhookPayload } from './webhook-payload.ts';

export interface WebhookDispatchOptions {
  guard: SsrfGuard;
  schedule?: RetrySchedule;
  /** How long a worker owns a delivery it took; after that another worker may assume it died. */
  leaseMs?: number;
  timeoutMs?: number;
  batchSize?: number;
  userAgent?: string;
  random?: () => number;
}

export interface DispatchDeps {
  db: Database;
  clock: Clock;
  log: Logger;
}

type Claimed = typeof webhookDeliveries.$inferSelect;

/**
 * Takes due deliveries (pending and due, or `sending` with an expired lease: its worker died) with
 * FOR UPDATE SKIP LOCKED, so several workers share the work without taking the same row, and leases them.
 */
export async function claimDueDeliveries(
  db: Database,
  now: Date,
  leaseMs: number,
  limit: number,
): Promise<Claimed[]> {
  const d = webhookDeliveries;
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: d.id })
      .from(d)
      .where(
        or(
          and(eq(d.status, 'pending'), lte(d.nextAttemptAt, now)),
          and(eq(d.status, 'sending'), lte(d.leaseExpiresAt, now)),
        ),
      )
      .orderBy(d.nextAttemptAt)
      .limit(limit)
      .for('update', { skipLocked: true });
    if (due.length === 0) return [];
    return tx
      .update(d)
      .set({
        status: 'sending',
        leaseExpiresAt: new Date(now.getTime() + leaseMs),
        attempts: sql`${d.attempts} + 1`,
      })
      .where(
        inArray(
          d.id,
          due.map((row) => row.id),
        ),
      )
      .returning();
  });
}

/** Claims and sends due deliveries until none is due; returns how many attempts were made. */
export async function deliverWebhooks(deps: DispatchDeps, options: WebhookDispatchOptions): Promise<number> {
  const leaseMs = options.leaseMs ?? 60_000;
  let attempts = 0;
  for (;;) {
    const claimed = await claimDueDeliveries(deps.db, deps.clock.now(), leaseMs, options.batchSize ?? 20);
    for (const delivery of claimed) await attemptDelivery(deps, options, delivery);
    attempts += claimed.length;
    if (claimed.length === 0) return attempts;
  }
}

interface Outcome {
  outcome: 'succeeded' | 'retrying' | 'failed';
  responseCode: number | null;
  error: string | null;
  nextAttemptAt: Date | null;
}

async function attemptDelivery(
  deps: DispatchDeps,
  options: WebhookDispatchOptions,
  delivery: Claimed,
): Promise<void> {
  const [endpoint] = await deps.db
    .select()
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.id, delivery.endpointId));
  const [event] = await deps.db.select().from(tables.events).where(eq(tables.events.id, delivery.eventId));
  if (!endpoint || !event) return; // deleted meanwhile; the cascade removes the delivery
  const body = webhookPayload(event);
  const started = deps.clock.now();
  const startedMs = performance.now();
  let result: Outcome;
  try {
    const response = await postJson(options.guard, endpoint.url, body, {
      timeoutMs: options.timeoutMs ?? 10_000,
      headers: {
        'user-agent': options.userAgent ?? 'Markhound-Webhooks/1',
        'markhound-signature': signatureHeader(endpoint.secret, body, deps.clock.now()),
        'markhound-event-id': String(event.id),
        'markhound-event-type': event.type,
        'idempotency-key': delivery.id,
      },
    });
    result = classifyStatus(
      delivery.attempts,
      response.status,
      parseRetryAfter(response.retryAfter, started.getTime()),
      started,
      options,
    );
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    result = retryOrFail(
      delivery.attempts,
      error.retryable,
      null,
      error.message,
      undefined,
      started,
      options,
    );
  }
  await record(deps.db, delivery, result, started, Math.round(performance.now() - startedMs));
  const fields = {
    deliveryId: delivery.id,
    endpointId: endpoint.id,
    url: redactUrl(endpoint.url),
    attempt: delivery.attempts,
    ...result,
  };
  if (result.outcome === 'succeeded') deps.log.info('webhook delivered', fields);
  else deps.log.warn('webhook delivery attempt failed', fields);
}

function classifyStatus(
  attempt: number,
  status: number,
  retryAfterMs: number | undefined,
  now: Date,
  options: WebhookDispatchOptions,
): Outcome {
  if (status >= 200 && status < 300)
    return { outcome: 'succeeded', responseCode: status, error: null, nextAttemptAt: null };
  const retryable = status >= 500 || status === 429 || status === 408;
  return retryOrFail(
    attempt,
    retryable,
    status,
    `receiver answered HTTP ${status}`,
    retryAfterMs,
    now,
    options,
  );
}

function retryOrFail(
  attempt: number,
  retryable: boolean,
  responseCode: number | null,
  error: string,
  retryAfterMs: number | undefined,
  now: Date,
  options: WebhookDispatchOptions,
): Outcome {
  const schedule = options.schedule ?? DEFAULT_RETRY_SCHEDULE;
  if (!retryable || attempt >= schedule.maxAttempts) {
    const why = retryable ? `${error}; gave up after ${attempt} attempts` : error;
    return { outcome: 'failed', responseCode, error: why, nextAttemptAt: null };
  }
  const delay = retryDelayMs(attempt, schedule, retryAfterMs, options.random);
  return { outcome: 'retrying', responseCode, error, nextAttemptAt: new Date(now.getTime() + delay) };
}

/**
 * Writes the attempt to the log and the delivery's new state together. The update only applies while
 * this worker still holds the lease it took (same attempt number, still `sending`): a worker that was
 * presumed dead and comes back late cannot overwrite the newer worker's result.
 */
async function record(
  db: Database,
  delivery: Claimed,
  result: Outcome,
  startedAt: Date,
  durationMs: number,
): Promise<void> {
  const d = webhookDeliveries;
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(d)
      .set({
        status: result.outcome === 'retrying' ? 'pending' : result.outcome,
        leaseExpiresAt: null,
        lastStatusCode: result.responseCode,
        lastError: result.error,
        ...(result.nextAttemptAt ? { nextAttemptAt: result.nextAttemptAt } : {}),
        ...(result.outcome === 'succeeded' ? { deliveredAt: startedAt } : {}),
      })
      .where(and(eq(d.id, delivery.id), eq(d.status, 'sending'), eq(d.attempts, delivery.attempts)))
      .returning({ id: d.id });
    if (updated.length === 0) return;
    await tx
      .insert(webhookAttempts)
      .values({ deliveryId: delivery.id, attempt: delivery.attempts, startedAt, durationMs, ...result });
  });
}

import { and, eq } from 'drizzle-orm';
import type { Clock } from '../core/clock.ts';
import { NotFoundError } from '../core/errors.ts';
import { tables, type Database } from '../db/index.ts';
import {
  evidenceCaptures,
  type ArtifactRef,
  type CaptureFacts,
  type CustodyEvent,
} from '../db/schema-evidence.ts';
import type { PageCapture } from '../crawler/browser/index.ts';
import { putBlob } from './blob-store.ts';

export interface StoreCaptureInput {
  organizationId: string;
  alertId: string;
  capture: PageCapture;
  /** Who asked for the capture: 'system' or 'key:<api key id>'. */
  actor: string;
  fallbackReason?: string;
}

export interface StoredCapture {
  id: string;
  artifacts: Record<string, ArtifactRef>;
}

/** The JSON file of the main document's HTTP facts, packed as headers.json. */
export function headersDocument(capture: PageCapture): Buffer {
  const doc = {
    url: capture.finalUrl,
    status: capture.status,
    remote_address: capture.remoteAddress,
    captured_at: capture.capturedAt,
    headers: capture.headers,
  };
  return Buffer.from(JSON.stringify(doc, null, 2) + '\n', 'utf8');
}

export function factsOf(capture: PageCapture, fallbackReason?: string): CaptureFacts {
  return {
    method: capture.method,
    requestedUrl: capture.requestedUrl,
    finalUrl: capture.finalUrl,
    redirectChain: capture.redirectChain,
    status: capture.status,
    remoteAddress: capture.remoteAddress,
    browserVersion: capture.browserVersion,
    userAgent: capture.userAgent,
    locale: capture.locale,
    timezoneId: capture.timezoneId,
    market: capture.market,
    blocked: capture.blocked,
    truncated: capture.truncated,
    ...(fallbackReason ? { fallbackReason } : {}),
  };
}

/**
 * Stores a capture's artifacts (content-addressed) and its row, with the first custody events:
 * the capture itself and each artifact's storage under its hash.
 */
export async function storeCapture({
  ctx,
  input,
}: {
  ctx: { db: Database; clock: Clock };
  input: StoreCaptureInput;
}): Promise<StoredCapture> {
  const { db, clock } = ctx;
  const a = tables.alerts;
  const [alert] = await db
    .select({ id: a.id })
    .from(a)
    .where(and(eq(a.id, input.alertId), eq(a.organizationId, input.organizationId)));
  if (!alert)
    throw new NotFoundError(
      `alert ${input.alertId} not found in your organization; capture evidence for one of your alerts`,
    );
  const { capture } = input;
  const files: [string, Buffer | null, string][] = [
    ['screenshot.png', capture.screenshot, 'image/png'],
    ['page.html', capture.html, 'text/html'],
    ['capture.warc', capture.warc, 'application/warc'],
    ['headers.json', headersDocument(capture), 'application/json'],
  ];
  const artifacts: Record<string, ArtifactRef> = {};
  const custody: CustodyEvent[] = [
    {
      at: capture.capturedAt,
      actor: input.actor,
      action: `captured (${capture.method})`,
      subject: capture.finalUrl,
      sha256: null,
    },
  ];
  for (const [name, bytes, mimeType] of files) {
    if (!bytes) continue;
    artifacts[name] = await putBlob(db, bytes, mimeType);
    custody.push({
      at: clock.now().toISOString(),
      actor: 'system',
      action: 'stored',
      subject: `${input.alertId}/${name}`,
      sha256: artifacts[name].sha256,
    });
  }
  const [row] = await db
    .insert(evidenceCaptures)
    .values({
      organizationId: input.organizationId,
      alertId: input.alertId,
      url: capture.requestedUrl,
      capturedAt: new Date(capture.capturedAt),
      facts: factsOf(capture, input.fallbackReason),
      artifacts,
      custody,
    })
    .onConflictDoNothing()
    .returning({ id: evidenceCaptures.id });
  if (!row)
    throw new Error(
      `a capture of ${capture.requestedUrl} for alert ${input.alertId} at ${capture.capturedAt} is already stored`,
    );
  return { id: row.id, artifacts };
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { emitEvent } from '../../alerts/emit-event.ts';
import { tables } from '../../db/index.ts';
import { authed, createTestContext, type TestContext } from '../support/test-context.ts';
import { deliveryApi } from './support/delivery-api.ts';
import { createOrg, type TestOrg } from './support/seed.ts';

interface SseMessage {
  id: string;
  data: { id: string; type: string; subject: string };
}

/** Reads SSE messages off a streaming response until `count` arrived. */
async function readMessages(
  response: Response,
  count: number,
): Promise<{ messages: SseMessage[]; raw: string }> {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let raw = '';
  const messages: SseMessage[] = [];
  while (messages.length < count) {
    const { value, done } = await reader.read();
    if (done) break;
    raw += decoder.decode(value, { stream: true });
    const blocks = raw.split('\n\n');
    messages.length = 0;
    for (const block of blocks.slice(0, -1)) {
      const fields = Object.fromEntries(
        block
          .split('\n')
          .filter((l) => !l.startsWith(':'))
          .map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trim()]),
      );
      if (fields.data) messages.push({ id: fields.id!, data: JSON.parse(fields.data) as SseMessage['data'] });
    }
  }
  await reader.cancel();
  return { messages, raw };
}

let ctx: TestContext;
let api: ReturnType<typeof deliveryApi>;
let org: TestOrg;
let other: TestOrg;

beforeAll(async () => {
  ctx = await createTestContext();
  api = deliveryApi(ctx);
  org = await createOrg(ctx, 'Stream Co');
  other = await createOrg(ctx, 'Other Stream Co');
  await emitEvent(ctx.db, {
    organizationId: org.id,
    type: 'alert.created',
    subject: 'alert:before',
    data: {},
  });
});
afterAll(async () => ctx.close());

describe('GET /v1/events/stream', () => {
  it("streams an event emitted after the client connected, and none of another organization's", async () => {
    const response = await api.request('/v1/events/stream', authed(org.viewer));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    await emitEvent(ctx.db, {
      organizationId: other.id,
      type: 'alert.created',
      subject: 'alert:theirs',
      data: {},
    });
    const id = await emitEvent(ctx.db, {
      organizationId: org.id,
      type: 'alert.updated',
      subject: 'alert:mine',
      data: { why: ['status'] },
    });
    const { messages } = await readMessages(response, 1);
    expect(messages).toEqual([
      {
        id: String(id),
        data: expect.objectContaining({ id: String(id), type: 'alert.updated', subject: 'alert:mine' }),
      },
    ]);
  });

  it('resumes after Last-Event-ID with what was missed, in order', async () => {
    const seen = await emitEvent(ctx.db, {
      organizationId: org.id,
      type: 'alert.created',
      subject: 'alert:a',
      data: {},
    });
    const missed1 = await emitEvent(ctx.db, {
      organizationId: org.id,
      type: 'alert.created',
      subject: 'alert:b',
      data: {},
    });
    const missed2 = await emitEvent(ctx.db, {
      organizationId: org.id,
      type: 'deadline.reminder',
      subject: 'alert:c',
      data: {},
    });
    const response = await api.request('/v1/events/stream', {
      headers: { ...authed(org.viewer).headers, 'last-event-id': String(seen) },
    });
    const { messages } = await readMessages(response, 2);
    expect(messages.map((m) => m.id)).toEqual([String(missed1), String(missed2)]);
    expect(messages.map((m) => m.data.subject)).toEqual(['alert:b', 'alert:c']);
  });

  it('sends heartbeat comments while there is nothing to say', async () => {
    const quiet = deliveryApi(ctx, undefined, 10, 30);
    const response = await quiet.request('/v1/events/stream', authed(other.viewer));
    const reader = response.body!.getReader();
    let raw = '';
    for (let done = false; !done && !raw.includes(': heartbeat\n\n');) {
      const chunk = await reader.read();
      done = chunk.done;
      raw += new TextDecoder().decode(chunk.value);
    }
    await reader.cancel();
    expect(raw).toContain(': heartbeat\n\n');
    expect(raw).not.toContain('data:');
  });

  it('refuses a Last-Event-ID that is not an event id, and a request without key', async () => {
    const bad = await api.request('/v1/events/stream', {
      headers: { ...authed(org.viewer).headers, 'last-event-id': 'abc' },
    });
    expect(bad.status).toBe(400);
    expect((await api.request('/v1/events/stream')).status).toBe(401);
  });

  describe('ids that become visible out of order', () => {
    const maxEventId = async () => {
      const [row] = await ctx.db
        .select({ id: sql<string>`coalesce(max(${tables.events.id}), 0)` })
        .from(tables.events);
      return Number(row!.id);
    };
    /** Writes an event with an id ahead of the sequence, as a transaction that committed before an earlier one does. */
    const insertAhead = async (id: number, subject: string) =>
      ctx.db
        .insert(tables.events)
        .values({ id, organizationId: org.id, type: 'alert.created', subject, data: {} });
    const moveSequencePast = async (id: number) =>
      ctx.db.execute(sql`SELECT setval(pg_get_serial_sequence('events', 'id'), ${id})`);

    it('holds a later event back while an earlier id is still missing, then sends both in id order', async () => {
      const before = await maxEventId();
      const response = await api.request('/v1/events/stream', {
        headers: { ...authed(org.viewer).headers, 'last-event-id': String(before) },
      });
      await insertAhead(before + 2, 'alert:committed-first');
      const early = await Promise.race([
        readMessages(response.clone(), 1).then(() => 'sent'),
        new Promise((r) => setTimeout(() => r('held'), 400)),
      ]);
      expect(early).toBe('held');
      const filled = await emitEvent(ctx.db, {
        organizationId: org.id,
        type: 'alert.created',
        subject: 'alert:committed-late',
        data: {},
      });
      expect(filled).toBe(before + 1);
      await moveSequencePast(before + 2);
      const { messages } = await readMessages(response, 2);
      expect(messages.map((m) => m.data.subject)).toEqual(['alert:committed-late', 'alert:committed-first']);
      expect(messages.map((m) => Number(m.id))).toEqual([before + 1, before + 2]);
    });

    it('passes a hole that never fills (a rolled-back insert) once the wait is over', async () => {
      const gapWaitMs = 300;
      const waiting = deliveryApi(ctx, undefined, 20, 10_000, gapWaitMs);
      const before = await maxEventId();
      await insertAhead(before + 2, 'alert:after-rollback');
      await moveSequencePast(before + 2);
      const started = performance.now();
      const response = await waiting.request('/v1/events/stream', {
        headers: { ...authed(org.viewer).headers, 'last-event-id': String(before) },
      });
      const { messages } = await readMessages(response, 1);
      expect(messages.map((m) => m.data.subject)).toEqual(['alert:after-rollback']);
      expect(performance.now() - started).toBeGreaterThanOrEqual(gapWaitMs);
    });
  });
});

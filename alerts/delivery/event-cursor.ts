import { asc, eq, gt } from 'drizzle-orm';
import type { InferSelectModel } from 'drizzle-orm';
import { tables, type Database } from '../../db/index.ts';
import { deliveryCursors } from '../../db/schema-delivery.ts';

export type EventRow = InferSelectModel<typeof tables.events>;

export interface ConsumeOptions {
  batchSize: number;
  now: Date;
  /** How long the reader waits at a hole in the event ids before deciding it was a rollback. */
  gapWaitMs?: number;
}

const DEFAULT_GAP_WAIT_MS = 10_000;

/**
 * The events that can be consumed now: ids run on from the cursor without a hole. Ids are handed out
 * at insert but become visible at commit, so a hole may be an event still being committed: reading
 * past it would skip that event for good. A hole that stays longer than `gapWaitMs` is a rolled-back
 * transaction (its id is never used) and is passed.
 */
function consumable(
  events: EventRow[],
  lastEventId: number,
  gapSeenAt: Date | null,
  options: ConsumeOptions,
): { ready: EventRow[]; blockedSince: Date | null } {
  let expected = lastEventId + 1;
  const ready: EventRow[] = [];
  for (const event of events) {
    if (event.id !== expected) break;
    ready.push(event);
    expected += 1;
  }
  if (ready.length > 0 || events.length === 0) return { ready, blockedSince: null };
  const waited = gapSeenAt ? options.now.getTime() - gapSeenAt.getTime() : 0;
  if (gapSeenAt && waited >= (options.gapWaitMs ?? DEFAULT_GAP_WAIT_MS))
    return { ready: events, blockedSince: null };
  return { ready: [], blockedSince: gapSeenAt ?? options.now };
}

/**
 * Reads the next events after the channel's cursor and lets `handle` plan their deliveries, all in
 * one transaction that also moves the cursor: either the planned rows and the new cursor commit
 * together or neither does, so a crash re-reads the batch and unique keys drop what was planned.
 * The cursor row is locked, so two workers never plan the same batch at the same time.
 * Returns how many events were consumed.
 */
export async function consumeEvents(
  db: Database,
  channel: string,
  options: ConsumeOptions,
  handle: (tx: Database, events: EventRow[]) => Promise<void>,
): Promise<number> {
  return db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Database;
    await tx.insert(deliveryCursors).values({ name: channel }).onConflictDoNothing();
    const [cursor] = await tx
      .select()
      .from(deliveryCursors)
      .where(eq(deliveryCursors.name, channel))
      .for('update');
    const e = tables.events;
    const events = await tx
      .select()
      .from(e)
      .where(gt(e.id, cursor!.lastEventId))
      .orderBy(asc(e.id))
      .limit(options.batchSize);
    const { ready, blockedSince } = consumable(events, cursor!.lastEventId, cursor!.gapSeenAt, options);
    if (ready.length === 0) {
      if (blockedSince && !cursor!.gapSeenAt)
        await tx
          .update(deliveryCursors)
          .set({ gapSeenAt: blockedSince })
          .where(eq(deliveryCursors.name, channel));
      return 0;
    }
    await handle(tx, ready);
    await tx
      .update(deliveryCursors)
      .set({ lastEventId: ready.at(-1)!.id, gapSeenAt: null, updatedAt: options.now })
      .where(eq(deliveryCursors.name, channel));
    return ready.length;
  });
}

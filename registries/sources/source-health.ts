import { asc } from 'drizzle-orm';
import type { Clock } from '../../core/clock.ts';
import { tables, type Database } from '../../db/index.ts';
import type { SourceDefinition } from './definition.ts';
import { findSourceDefinition } from './definitions.ts';
import type { SourceSecrets } from './issue-url.ts';
import { issuesBehind } from './plan-issues.ts';
import { sourceCursorSchema } from './source-state.ts';

/** One source as an operator sees it: what it is and how healthy its syncs are. */
export interface SourceHealth {
  id: string;
  office: string | null;
  adapter: string;
  description: string;
  enabled: boolean;
  schedule: string | null;
  verified: boolean | null;
  /** Newest issue done (date or issue number), null before the first sync. */
  cursor: string | null;
  lastSuccessAt: Date | null;
  lastErrorAt: Date | null;
  lastError: string | null;
  recordsTotal: number;
  /** Seconds since the last success; null if it never succeeded. */
  lagSeconds: number | null;
  /** Issues published (or due) since the cursor; estimated for weekly issues; null if unknown. */
  issuesBehind: number | null;
  /** Newest day the office's data covers as synced (issue or query date that brought records). */
  dataCurrentTo: string | null;
  /** Days from `dataCurrentTo` to today: a source whose office stopped publishing shows here. */
  dataLagDays: number | null;
  /** What the source needs before it can sync (a token to set), or why it cannot; null when ready. */
  needs: string | null;
}

const DAY_MS = 86_400_000;

function needsOf(def: SourceDefinition | undefined, secrets: SourceSecrets | undefined): string | null {
  if (!def) return null;
  if (def.unavailableReason) return `unavailable: ${def.unavailableReason}`;
  if (def.secret && secrets && !secrets[def.secret.name])
    return `needs ${def.secret.env} (${def.secret.in === 'bearer' ? 'access token' : 'API key'})`;
  if (def.secret && !secrets) return `requires ${def.secret.env}`;
  return null;
}

/**
 * Every source with its health, ordered by id (the same list for every organization). With the
 * configured secrets, a source whose key or token is missing says so (`needs`).
 */
export async function listSourceHealth(
  db: Database,
  clock: Clock,
  secrets?: SourceSecrets,
): Promise<SourceHealth[]> {
  const rows = await db.select().from(tables.sources).orderBy(asc(tables.sources.id));
  const now = clock.now();
  return rows.map((row) => {
    const def = findSourceDefinition(row.id);
    // Health must show even for a row with a broken cursor: such a cursor just reads as empty.
    const parsed = sourceCursorSchema.safeParse(row.cursor);
    const cursor = parsed.success ? parsed.data : { issues: {} };
    return {
      id: row.id,
      office: row.office,
      adapter: row.adapter,
      description: row.description,
      enabled: row.enabled,
      schedule: row.schedule,
      verified: def?.verified ?? null,
      cursor: cursor.last ?? null,
      lastSuccessAt: row.lastSuccessAt,
      lastErrorAt: row.lastErrorAt,
      lastError: row.lastError,
      recordsTotal: row.recordsTotal,
      lagSeconds: row.lastSuccessAt
        ? Math.max(0, Math.round((now.getTime() - row.lastSuccessAt.getTime()) / 1000))
        : null,
      issuesBehind: def ? issuesBehind(def, cursor, now) : null,
      dataCurrentTo: cursor.dataCurrentTo ?? null,
      dataLagDays: cursor.dataCurrentTo
        ? Math.max(0, Math.floor((now.getTime() - Date.parse(`${cursor.dataCurrentTo}T00:00:00Z`)) / DAY_MS))
        : null,
      needs: needsOf(def, secrets),
    };
  });
}

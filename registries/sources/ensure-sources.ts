import { sql } from 'drizzle-orm';
import { tables, type Database } from '../../db/index.ts';
import type { SourceDefinition } from './definition.ts';
import { SOURCE_DEFINITIONS } from './definitions.ts';

/**
 * Writes the source definitions into the `sources` table at start. A new source is inserted
 * disabled, with the definition's schedule. An existing row gets the definition's descriptive
 * fields (office, adapter, description) from the new release, but keeps what the operator owns:
 * enabled, schedule, settings, and of course cursor and health.
 */
export async function ensureSources(
  db: Database,
  definitions: readonly SourceDefinition[] = SOURCE_DEFINITIONS,
): Promise<void> {
  const s = tables.sources;
  for (const def of definitions) {
    await db
      .insert(s)
      .values({
        id: def.id,
        kind: 'registry',
        office: def.office,
        adapter: def.adapter,
        description: def.description,
        schedule: def.schedule,
        enabled: false,
      })
      .onConflictDoUpdate({
        target: s.id,
        set: {
          office: sql`excluded.office`,
          adapter: sql`excluded.adapter`,
          description: sql`excluded.description`,
        },
      });
  }
}

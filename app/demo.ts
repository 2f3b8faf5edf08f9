import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { and, eq, isNull } from 'drizzle-orm';
import { createApiKey, hashApiKey } from '../api/index.ts';
import { tables } from '../db/index.ts';
import type { AppContext } from './context.ts';

export const DEMO_ORGANIZATION = 'Demo Workspace';

/**
 * The demo brand: a real-world-style watch whose marks resemble real filings in the bundled office
 * samples, so a fresh install shows explained alerts computed from real data.
 */
export const DEMO_BRANDS = [
  {
    name: 'Pythonic Labs',
    watchedOffices: [] as string[],
    marks: [{ text: 'PYTHONIC', niceClasses: [9, 42], goods: 'Computer software; software as a service' }],
  },
  {
    name: 'Jawa Coffee',
    watchedOffices: [] as string[],
    marks: [{ text: 'JAWA', niceClasses: [30, 43], goods: 'Coffee; cafe services' }],
  },
] as const;

/** The real office sample files (copied into tests/fixtures with provenance) the demo ingests. */
export const DEMO_SAMPLE_FILES: readonly { format: string; path: string }[] = [
  { format: 'uspto-daily', path: 'uspto-daily/jlroo-sample-data.xml' },
  { format: 'wipo-st66', path: 'wipo-st66/uspto-tsdr-sn76044902-ST66.xml' },
  { format: 'wipo-st96', path: 'wipo-st96/uspto-tsdr-rn2178784-ST-961_D3.xml' },
  { format: 'uspto-tsdr-zip', path: 'uspto-tsdr-zip/uspto-tsdr-sn76044902.zip' },
  { format: 'inpi-rpi', path: 'inpi-rpi/rpi-processo-920493416-fragment.xml' },
  { format: 'kipris', path: 'kipris/kipris-TradeMarkInfo.xml' },
];

export interface DemoWorkspace {
  organizationId: string;
  apiKey: string;
  keyFile: string | null;
}

/**
 * Creates (once) the demo organization, its brands and marks, and an admin key. The key is kept in
 * the data folder so a restart prints the same key; only its hash is in the database.
 */
export async function ensureDemoWorkspace(ctx: AppContext): Promise<DemoWorkspace> {
  const { db, config } = ctx;
  const keyFile = config.dataDir === ':memory:' ? null : join(resolve(config.dataDir), 'demo-api-key.txt');
  let apiKey: string | null = null;
  if (keyFile && existsSync(keyFile)) {
    const saved = readFileSync(keyFile, 'utf8').trim();
    const k = tables.apiKeys;
    const [row] = await db
      .select({ id: k.id })
      .from(k)
      .where(and(eq(k.keyHash, hashApiKey(saved)), isNull(k.revokedAt)));
    if (row) apiKey = saved;
  }
  if (!apiKey) {
    apiKey = (
      await createApiKey(db, { organizationName: DEMO_ORGANIZATION, role: 'admin', name: 'demo admin key' })
    ).key;
    if (keyFile) writeFileSync(keyFile, apiKey + '\n', { mode: 0o600 });
  }
  const [org] = await db
    .select()
    .from(tables.organizations)
    .where(eq(tables.organizations.name, DEMO_ORGANIZATION));
  if (!org) throw new Error('demo organization missing after creation');

  for (const brand of DEMO_BRANDS) {
    const b = tables.brands;
    const [row] = await db
      .insert(b)
      .values({ organizationId: org.id, name: brand.name, watchedOffices: [...brand.watchedOffices] })
      .onConflictDoNothing({ target: [b.organizationId, b.name] })
      .returning({ id: b.id });
    if (!row) continue; // already set up on an earlier start
    await db.insert(tables.marks).values(
      brand.marks.map((mark) => ({
        organizationId: org.id,
        brandId: row.id,
        text: mark.text,
        niceClasses: [...mark.niceClasses],
        goods: mark.goods,
      })),
    );
  }
  return { organizationId: org.id, apiKey, keyFile };
}

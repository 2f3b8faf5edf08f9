import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { createApiKey } from '../../api/index.ts';
import { startServer, testClient, type LocalServer } from '../../crawler/http/testing/local-server.ts';
import { tables, type Database } from '../../db/index.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'marketplaces');

export const fixturePage = (path: string): Buffer => readFileSync(join(FIXTURES, path));

/**
 * A local marketplace: serves the saved page mapped to a request path (path and query, exactly as
 * the watch asks for it), 404 otherwise. Tests change `pages` between runs.
 */
export async function startMarketplaceServer(): Promise<LocalServer & { pages: Map<string, Buffer> }> {
  const pages = new Map<string, Buffer>();
  const server = await startServer((req, res) => {
    const body = pages.get(req.url ?? '');
    if (!body) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('no such page');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
  });
  return Object.assign(server, { pages });
}

/** Loopback allowed, no robots, no politeness wait: the local server is ours. */
export const localHttp = () => testClient().client;

export interface Seeded {
  organizationId: string;
  brandId: string;
  markIds: string[];
}

/** An organization with one brand and its marks, written straight to the database. */
export async function seedBrand(
  db: Database,
  input: { organization: string; brand: string; marks: string[] },
): Promise<Seeded> {
  await createApiKey(db, { organizationName: input.organization, role: 'admin' });
  const [org] = await db
    .select()
    .from(tables.organizations)
    .where(eq(tables.organizations.name, input.organization));
  const [brand] = await db
    .insert(tables.brands)
    .values({ organizationId: org!.id, name: input.brand })
    .returning();
  const markIds: string[] = [];
  for (const text of input.marks) {
    const [mark] = await db
      .insert(tables.marks)
      .values({ organizationId: org!.id, brandId: brand!.id, text })
      .returning();
    markIds.push(mark!.id);
  }
  return { organizationId: org!.id, brandId: brand!.id, markIds };
}

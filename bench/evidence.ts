/**
 * Evidence benchmark: seconds per capture on the browser path against the plain-HTTP capture of the
 * same saved marketplace pages (served from 127.0.0.1), as a ratio; and pack build time per alert.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { LookupAddress } from 'node:dns';
import { createAppContext } from '../app/context.ts';
import { testConfig } from '../config/index.ts';
import { capturePage, captureWithHttp, launchBrowser } from '../crawler/browser/index.ts';
import { HttpClient, SsrfGuard } from '../crawler/http/index.ts';
import { startServer } from '../crawler/http/testing/local-server.ts';
import { tables } from '../db/index.ts';
import { buildEvidencePack, storeCapture } from '../evidence/index.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../tests/fixtures/marketplaces');

function pagePaths(limit: number): string[] {
  return readdirSync(FIXTURES, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) =>
      readdirSync(path.join(FIXTURES, d.name))
        .filter((f) => f.endsWith('.html'))
        .map((f) => `/${d.name}/${f}`),
    )
    .sort()
    .slice(0, limit);
}

/** Loopback only: the saved pages' CDN links fail to resolve instead of reaching the internet. */
const localGuard = () =>
  new SsrfGuard({
    allowLoopback: true,
    resolver: async (host: string): Promise<LookupAddress[]> => {
      throw Object.assign(new Error(`bench resolves no names (${host})`), { code: 'ENOTFOUND' });
    },
  });

const seconds = (startedMs: number) => (performance.now() - startedMs) / 1000;

export async function runEvidenceBench(options: { quick?: boolean }): Promise<Record<string, unknown>> {
  const paths = pagePaths(options.quick ? 3 : 12);
  const server = await startServer((req, res) => {
    try {
      const html = readFileSync(
        path.join(FIXTURES, decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/')),
      );
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(html);
    } catch {
      res.writeHead(404).end();
    }
  });
  const guard = localGuard();
  const client = new HttpClient({ guard, respectRobots: false, minHostIntervalMs: 0 });
  const browser = await launchBrowser();
  const ctx = await createAppContext(testConfig({ logLevel: 'silent' }));
  try {
    let httpStarted = performance.now();
    const plain = [];
    for (const p of paths) plain.push(await captureWithHttp(server.url(p), { client }));
    const httpSeconds = seconds(httpStarted);
    httpStarted = performance.now();
    const rendered = [];
    for (const p of paths)
      rendered.push(await capturePage(server.url(p), { browser, guard, timeoutMs: 30_000 }));
    const browserSeconds = seconds(httpStarted);

    const { organizationId, alertIds } = await seedAlerts(ctx.db, paths.length);
    for (const [i, alertId] of alertIds.entries())
      await storeCapture({ ctx, input: { organizationId, alertId, capture: rendered[i]!, actor: 'bench' } });
    const packStarted = performance.now();
    const built = await buildEvidencePack({
      ctx,
      input: {
        packId: 'bench',
        organizationId,
        alertIds,
        requestedBy: 'bench',
        instanceName: 'bench',
        generator: 'bench',
      },
      onProgress: async () => undefined,
    });
    const packSeconds = seconds(packStarted);
    return {
      pages: paths.length,
      httpCaptureSecondsPerPage: httpSeconds / paths.length,
      browserCaptureSecondsPerPage: browserSeconds / paths.length,
      browserToHttpRatio: browserSeconds / httpSeconds,
      meanScreenshotBytes: Math.round(
        rendered.reduce((n, c) => n + (c.screenshot?.length ?? 0), 0) / rendered.length,
      ),
      meanWarcBytes: Math.round(rendered.reduce((n, c) => n + c.warc.length, 0) / rendered.length),
      packSecondsPerAlert: packSeconds / alertIds.length,
      packBytes: built.zip.length,
      packProblems: built.problems,
    };
  } finally {
    await browser.close();
    await server.close();
    await ctx.close();
  }
}

/** An organization, brand, mark and `count` marketplace alerts written straight to the tables. */
async function seedAlerts(
  db: Awaited<ReturnType<typeof createAppContext>>['db'],
  count: number,
): Promise<{ organizationId: string; alertIds: string[] }> {
  const [org] = await db.insert(tables.organizations).values({ name: 'Bench Org' }).returning();
  const [brand] = await db
    .insert(tables.brands)
    .values({ organizationId: org!.id, name: 'Bench' })
    .returning();
  const [mark] = await db
    .insert(tables.marks)
    .values({ organizationId: org!.id, brandId: brand!.id, text: 'BENCH' })
    .returning();
  const alertIds: string[] = [];
  for (let i = 0; i < count; i++) {
    const [alert] = await db
      .insert(tables.alerts)
      .values({
        organizationId: org!.id,
        brandId: brand!.id,
        markId: mark!.id,
        kind: 'marketplace_listing',
        fingerprint: `bench-${i}`,
        title: `BENCH look-alike listing ${i}`,
        severity: 'medium',
        source: 'bench',
        subjectKind: 'listing',
        score: 0.8,
        reasons: ['bench'],
      })
      .returning();
    alertIds.push(alert!.id);
  }
  return { organizationId: org!.id, alertIds };
}

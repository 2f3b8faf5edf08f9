import { mkdirSync } from 'node:fs';
import { serve } from '@hono/node-server';
import type { Browser, Page } from 'playwright-core';
import { evidencePackRoutes } from '../../api/routes/evidence-packs.ts';
import { feedRoutes } from '../../api/routes/feeds.ts';
import { listingRoutes } from '../../api/routes/listings.ts';
import { planRoutes } from '../../api/routes/plans.ts';
import { launchBrowser } from '../../crawler/browser/launch.ts';
import { registerEvidenceHandlers } from '../../evidence/index.ts';
import { webRoutes } from '../../web/index.ts';
import { testApi, type TestContext } from '../support/test-context.ts';

export const SCREENSHOT_DIR = 'tmp/screenshots';

export interface DashboardServer {
  url: string;
  close(): Promise<void>;
}

/**
 * The API as production will mount it (the routes other engineers are adding to createApi are
 * mounted here too, so the dashboard is tested against them) plus the dashboard at `/`, on a real
 * port so a real browser can load it.
 */
export async function startDashboardServer(ctx: TestContext): Promise<DashboardServer> {
  const deps = { db: ctx.db, log: ctx.log, clock: ctx.clock };
  const app = testApi(ctx);
  app.route('/', feedRoutes(deps, { streamPollMs: 100 }));
  app.route('/', evidencePackRoutes({ ...deps, queue: ctx.queue }));
  app.route('/', planRoutes(deps));
  app.route('/', listingRoutes(deps));
  app.route('/', webRoutes());
  await registerEvidenceHandlers(ctx);
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
      resolve({
        url: `http://127.0.0.1:${info.port}`,
        // The event stream keeps connections open; close them so the server can stop.
        close: () => new Promise<void>((done) => {
          (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
          server.close(() => done());
        }),
      });
    });
  });
}

export async function openBrowser(): Promise<Browser> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return launchBrowser();
}

export const screenshot = (page: Page, name: string) => page.screenshot({ path: `${SCREENSHOT_DIR}/${name}.png`, fullPage: true });

/** Signs in through the form, as a user would. */
export async function signIn(page: Page, url: string, key: string): Promise<void> {
  await page.goto(`${url}/#/alerts`);
  await page.getByLabel('API key').fill(key);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('#feed').waitFor();
}

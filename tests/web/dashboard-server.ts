import { mkdirSync } from 'node:fs';
import { serve } from '@hono/node-server';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../../crawler/browser/launch.ts';
import { registerEvidenceHandlers } from '../../evidence/index.ts';
import { testApi, type TestContext } from '../support/test-context.ts';

export const SCREENSHOT_DIR = 'tmp/screenshots';

export interface DashboardServer {
  url: string;
  close(): Promise<void>;
}

/**
 * The API as production mounts it (createApi serves the dashboard at `/` too), with a faster event
 * stream, on a real port so a real browser can load it.
 */
export async function startDashboardServer(ctx: TestContext): Promise<DashboardServer> {
  const app = testApi(ctx, { streamPollMs: 100 });
  await registerEvidenceHandlers(ctx);
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
      resolve({
        url: `http://127.0.0.1:${info.port}`,
        // The event stream keeps connections open; close them so the server can stop.
        close: () =>
          new Promise<void>((done) => {
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

export const screenshot = (page: Page, name: string) =>
  page.screenshot({ path: `${SCREENSHOT_DIR}/${name}.png`, fullPage: true });

/** Signs in through the form, as a user would. */
export async function signIn(page: Page, url: string, key: string): Promise<void> {
  await page.goto(`${url}/#/alerts`);
  await page.getByLabel('API key').fill(key);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('#feed').waitFor();
}

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, testApi, type TestContext } from '../support/test-context.ts';
import { openBrowser, startDashboardServer, type DashboardServer } from './dashboard-server.ts';

// /docs is served from the API's origin: without a Content-Security-Policy, anything that gets
// markup into it (an OpenAPI description, a future template) runs with the origin's rights.
let ctx: TestContext;
let server: DashboardServer;
let browser: Browser;

beforeAll(async () => {
  ctx = await createTestContext();
  server = await startDashboardServer(ctx);
  browser = await openBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await ctx?.close();
});

describe('/docs Content-Security-Policy', () => {
  it('sends a policy that allows no inline code but its own and no other origin', async () => {
    const response = await testApi(ctx).request('/docs');
    expect(response.status).toBe(200);
    const csp = response.headers.get('content-security-policy') ?? '';
    const directives = Object.fromEntries(
      csp.split(';').map((d) => {
        const [name = '', ...values] = d.trim().split(/\s+/);
        return [name, values];
      }),
    );
    expect(directives['default-src']).toEqual(["'none'"]);
    expect(directives['script-src']).toEqual([expect.stringMatching(/^'sha256-[A-Za-z0-9+/]+={0,2}'$/)]);
    expect(directives['style-src']).toEqual([expect.stringMatching(/^'sha256-[A-Za-z0-9+/]+={0,2}'$/)]);
    expect(directives['connect-src']).toEqual(["'self'"]);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
    expect(directives['base-uri']).toEqual(["'none'"]);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it("runs the page's own script and style in a browser, and refuses a script injected into it", async () => {
    const page = await browser.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    try {
      await page.goto(`${server.url}/docs`);
      // The page's script replaces the placeholder whatever /openapi.json holds.
      await page.waitForFunction("document.getElementById('root').textContent !== 'Loading…'", null, {
        timeout: 10_000,
      });
      // The page's own stylesheet applies (the header is dark blue, not the default transparent).
      expect(
        await page.evaluate<string>("getComputedStyle(document.querySelector('header')).backgroundColor"),
      ).toBe('rgb(20, 33, 61)');
      expect(violations).toEqual([]);

      const injected = await page.evaluate<boolean>(`(() => {
        const s = document.createElement('script');
        s.textContent = 'window.__injected = true';
        document.body.appendChild(s);
        return window.__injected === true;
      })()`);
      expect(injected).toBe(false);
      expect(violations.length).toBeGreaterThan(0);
    } finally {
      await page.close();
    }
  }, 60_000);
});

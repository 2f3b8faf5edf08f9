import { describe, expect, it } from 'vitest';
import { webRoutes } from '../../web/index.ts';

const app = webRoutes();

describe('web dashboard static files', () => {
  it('serves the page at / with a policy that allows only this server', async () => {
    const res = await app.request('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    const html = await res.text();
    expect(html).toContain('<script type="module" src="/ui/js/main.js"></script>');
    expect(html).not.toMatch(/https?:\/\//); // no CDN: every asset is local
  });

  it('serves scripts and styles with their types and nosniff', async () => {
    const js = await app.request('/ui/js/main.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('x-content-type-options')).toBe('nosniff');
    const css = await app.request('/ui/app.css');
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('answers 404 for files that are not part of the dashboard, including traversal attempts', async () => {
    expect((await app.request('/ui/js/nope.js')).status).toBe(404);
    expect((await app.request('/ui/../web-routes.ts')).status).toBe(404);
    expect((await app.request('/ui/%2e%2e/web-routes.ts')).status).toBe(404);
    expect((await app.request('/ui/README.md')).status).toBe(404);
  });

  it('never writes server data as markup: no innerHTML anywhere in the scripts', async () => {
    for (const path of [
      'js/dom.js',
      'js/pages/alerts.js',
      'js/pages/alert-detail.js',
      'js/pages/brands.js',
    ]) {
      const source = await (await app.request(`/ui/${path}`)).text();
      expect(source, path).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML/);
    }
  });
});

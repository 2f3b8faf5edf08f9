import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LookupAddress } from 'node:dns';
import { startServer, type LocalServer } from '../../crawler/http/testing/local-server.ts';
import { SsrfGuard } from '../../crawler/http/index.ts';

export const MARKETPLACES = join(import.meta.dirname, '..', 'fixtures', 'marketplaces');

/** A subresource the saved page is made to load: the cloud metadata address the guard must refuse. */
export const METADATA_URL = 'http://169.254.169.254/latest/meta-data/';
export const PAGE_PATHS = {
  amazon: '/amazon/amazon-co-uk_product_1849757097_2024-01.html',
  ebay: '/ebay/ebay-com_item_381228738769_2016.html',
  etsy: '/etsy/etsy-com_listing_1385245506_2026-04.html',
} as const;

/**
 * Serves saved marketplace pages from tests/fixtures/marketplaces, each with two extra tags before
 * </body>: a local stylesheet (a real subresource) and an image at the metadata address.
 */
export function startMarketplaceServer(): Promise<LocalServer> {
  return startServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (path === '/local.css') {
      res.writeHead(200, { 'content-type': 'text/css', 'x-fixture': 'css' });
      res.end('body { outline: 1px solid red; }');
      return;
    }
    if (path === '/to-metadata') {
      res.writeHead(302, { location: METADATA_URL });
      res.end();
      return;
    }
    if (path === '/moved') {
      res.writeHead(302, { location: PAGE_PATHS.amazon });
      res.end();
      return;
    }
    try {
      const html = readFileSync(join(MARKETPLACES, decodeURIComponent(path)), 'utf8');
      const extra = `<link rel="stylesheet" href="/local.css"><img src="${METADATA_URL}" alt="probe">`;
      const body = html.includes('</body>') ? html.replace('</body>', `${extra}</body>`) : html + extra;
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'x-fixture': 'page',
        'cache-control': 'no-store',
      });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
}

/** Loopback allowed; every other name fails to resolve, so the saved pages' CDN links never leave the machine. */
export function localOnlyGuard(): SsrfGuard {
  const resolver = async (hostname: string): Promise<LookupAddress[]> => {
    if (hostname === 'localhost') return [{ address: '127.0.0.1', family: 4 }];
    throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
  };
  return new SsrfGuard({ allowLoopback: true, resolver });
}

import { describe, expect, it } from 'vitest';
import { extractPage } from './extract-page.ts';
import { readFixture } from './tests/fixtures.ts';

const page = (html: string, url?: string) => extractPage({ html: Buffer.from(html), url });

// Small pages written to the shape of each vendor's challenge (their markers, not their full text).
describe('blocked pages are reported as blocked, never as zero listings', () => {
  it.each([
    [
      'Amazon Robot Check',
      '<html><head><title>Robot Check</title></head><body><form action="/errors/validateCaptcha"><p>Enter the characters you see below</p></form></body></html>',
      'https://www.amazon.com/s?k=x',
      /Robot Check/,
    ],
    [
      'Amazon captcha without title',
      '<html><head><title>Amazon.com</title></head><body><form method="get" action="/errors/validateCaptcha"><input name="field-keywords"></form></body></html>',
      'https://www.amazon.com/dp/B000000000',
      /Amazon captcha/,
    ],
    [
      'Cloudflare',
      '<html><head><title>Just a moment...</title></head><body><div id="challenge-running">Checking your browser</div></body></html>',
      'https://www.etsy.com/search?q=x',
      /Cloudflare/,
    ],
    [
      'PerimeterX',
      '<html><head><title>Access to this page has been denied</title></head><body><div id="px-captcha"></div><p>Press &amp; Hold to confirm you are a human</p></body></html>',
      'https://www.walmart.com/search?q=x',
      /PerimeterX/,
    ],
    [
      'PerimeterX without title',
      '<html><head><title>Walmart.com</title></head><body><div id="px-captcha"></div></body></html>',
      'https://www.walmart.com/ip/1',
      /PerimeterX/,
    ],
    [
      'Akamai',
      '<html><head><title>Access Denied</title></head><body><h1>Access Denied</h1>You don\'t have permission to access "http://www.example.com/" on this server.<p>Reference #18.4c2b1002.1700000000.1a2b3c</p></body></html>',
      'https://www.lazada.com.ph/catalog/?q=x',
      /Access Denied|Akamai/,
    ],
    [
      'AliExpress slider punish',
      '<html><head><title>AliExpress</title></head><body><div id="nocaptcha"><span id="nc_1_n1z" class="nc_iconfont btn_slide"></span></div><script src="https://www.aliexpress.com/_____tmd_____/punish?x5secdata=abc"></script></body></html>',
      'https://www.aliexpress.com/w/wholesale-x.html',
      /punish/,
    ],
    [
      'DataDome',
      '<html><head><title>shopee.co.id</title></head><body><iframe src="https://geo.captcha-delivery.com/captcha/?initialCid=x"></iframe></body></html>',
      'https://shopee.co.id/x',
      /DataDome/,
    ],
  ])('%s', (_name, html, url, reason) => {
    const result = page(html, url);
    expect(result.kind).toBe('blocked');
    expect(result.reason).toMatch(reason);
    expect(result.listings).toEqual([]);
  });

  it('recognises the real eBay "Pardon Our Interruption" page without a URL', () => {
    const result = extractPage({
      html: readFixture('ebay/ebay-com_block_pardon-our-interruption_2026-07.html'),
    });
    expect(result).toMatchObject({ kind: 'blocked', site: 'ebay', listings: [] });
  });

  it('does not call a product page blocked because it embeds a challenge dialog (Taobao baxia iframe)', () => {
    expect(extractPage({ html: readFixture('taobao/taobao_item_562283240178_2020-07.html') }).kind).toBe(
      'product',
    );
  });
});

describe('shells and error pages', () => {
  it('reports the real Shopee JavaScript shell as a shell that needs a browser', () => {
    const result = extractPage({
      html: readFixture('shopee/shopee-co-id_product_unrendered-shell_2024-02.html'),
    });
    expect(result.kind).toBe('shell');
    expect(result.site).toBe('shopee');
    expect(result.reason).toMatch(/render it in a browser/);
  });

  it.each([
    [
      '<html><head><title>Page Not Found | eBay</title></head><body><h1>We looked everywhere.</h1></body></html>',
      'https://www.ebay.com/itm/1',
    ],
    [
      '<html><head><title>Walmart.com</title></head><body><h1>Something went wrong</h1><p>Try again later.</p></body></html>',
      'https://www.walmart.com/ip/1',
    ],
    [
      '<html><head><title>Mercado Livre</title></head><body><h1>Parece que esta página não existe</h1><p>Página não encontrada</p></body></html>',
      'https://www.mercadolivre.com.br/x',
    ],
  ])('an error page served with status 200 is an error: %s', (html, url) => {
    const result = page(html, url);
    expect(result.kind).toBe('error');
    expect(result.reason).toMatch(/^error page/);
  });

  it('a page with no marketplace data and no error text is an error that says so', () => {
    const result = page(
      '<html><head><title>Hello</title></head><body><p>Just a blog post about shoes.</p></body></html>',
      'https://blog.example.org/',
    );
    expect(result).toMatchObject({ kind: 'error', site: null });
    expect(result.reason).toMatch(/no site module recognised the page/);
  });
});

describe('generic structured data on unknown sites', () => {
  it('reads a JSON-LD Product from a site without a module', () => {
    const html = `<html><head><title>x</title><script type="application/ld+json">{"@context":"https://schema.org","@type":"Product","name":"Acme Runner 2","brand":{"@type":"Brand","name":"Acme"},"offers":{"@type":"Offer","price":"59.90","priceCurrency":"EUR"}}</script></head><body><h1>Acme Runner 2</h1></body></html>`;
    const result = page(html, 'https://shop.example.de/p/1');
    expect(result.kind).toBe('product');
    expect(result.market).toBe('DE');
    expect(result.listings[0]).toMatchObject({
      marketplace: 'shop.example.de',
      title: 'Acme Runner 2',
      brand: 'Acme',
      price: 59.9,
      currency: 'EUR',
    });
  });

  it('prefers structured data when the page text disagrees, and records a warning', () => {
    const html = `<html><head><title>x</title><script type="application/ld+json">{"@type":"Product","name":"Real Name","offers":{"price":"10.00","priceCurrency":"USD"}}</script>
      <meta property="og:type" content="product"><meta property="og:title" content="Other Name"><meta property="product:price:amount" content="12.00"><meta property="product:price:currency" content="USD"></head><body></body></html>`;
    const result = page(html, 'https://shop.example.com/p/1');
    expect(result.listings[0]).toMatchObject({ title: 'Real Name', price: 10 });
    expect(result.warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^title: json-ld says "Real Name", opengraph says "Other Name"/),
        expect.stringMatching(/^price: json-ld says 10 USD, opengraph says 12 USD/),
      ]),
    );
  });
});

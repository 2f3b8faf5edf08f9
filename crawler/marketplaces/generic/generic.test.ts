import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { extractPage } from '../index.ts';
import { cleanDecoratedTitle, genericSeller, productHeading, titleCleaner } from './index.ts';

// Constructed pages in the shape of common marketplace product pages (no real page copied).
function page(head: string, body: string): string {
  return `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;
}

describe('title decorations', () => {
  it('learns the site suffix from og:site_name and the host instead of a list per site', () => {
    const $ = load(page('<meta property="og:site_name" content="Acme Market">', ''));
    const clean = titleCleaner($, 'www.acmemarket.example', null);
    expect(clean('Blue Widget 3000 | Acme Market')).toBe('Blue Widget 3000');
    expect(clean('Acme Market: Blue Widget 3000 : Garden')).toBe('Blue Widget 3000');
    expect(clean('Blue Widget - 3000 series - acmemarket.example')).toBe('Blue Widget - 3000 series');
  });

  it('drops price, discount and promo prefixes and a trailing price segment', () => {
    const names = ['shopx'];
    expect(cleanDecoratedTitle('US $12.99 35% OFF|Wireless Mouse 2.4G|Mice - ShopX', names)).toBe(
      'Wireless Mouse 2.4G|Mice',
    );
    expect(cleanDecoratedTitle('Promo Sepatu Lari Pria di Toko Maju | ShopX', names)).toBe(
      'Sepatu Lari Pria',
    );
    expect(cleanDecoratedTitle('Zapatilla Running Hombre - $ 45.990', names)).toBe(
      'Zapatilla Running Hombre',
    );
  });

  it("keeps a product of the site's own brand whose name starts with the site's name", () => {
    const $ = load(page('<meta property="og:site_name" content="Amazon.com">', ''));
    const clean = titleCleaner($, 'www.amazon.com', 'amazon');
    expect(clean('Amazon Echo Dot (5th Gen) | Smart speaker with Alexa')).toBe(
      'Amazon Echo Dot (5th Gen) | Smart speaker with Alexa',
    );
    expect(clean('Amazon.com: Amazon Basics USB Cable : Electronics')).toBe('Amazon Basics USB Cable');
  });

  it('leaves a name alone when nothing in it is a decoration', () => {
    expect(cleanDecoratedTitle('LG OLED 55 - 4K Smart TV by LG', ['shopx'])).toBe(
      'LG OLED 55 - 4K Smart TV by LG',
    );
  });
});

describe('product heading', () => {
  it('skips a logo h1 and takes the heading that names the product of the title', () => {
    const $ = load(
      page(
        '<title>Promo Kursi Gaming Ergonomis Hitam | ShopX</title>',
        '<h1>ShopX</h1><h1>Kursi Gaming Ergonomis Hitam</h1><h1>Ulasan</h1>',
      ),
    );
    expect(productHeading($)).toBe('Kursi Gaming Ergonomis Hitam');
  });

  it('compares CJK headings by character pairs', () => {
    const $ = load(page('<title>【限时】蓝牙耳机无线降噪-shopx.cn</title>', '<h1>蓝牙耳机无线降噪</h1>'));
    expect(productHeading($)).toBe('蓝牙耳机无线降噪');
  });
});

describe('generic seller', () => {
  it('reads the shop from embedded state keys most platforms use', () => {
    const $ = load(page('', '<p>x</p>'));
    const html = '<script>window.__STATE__={"product":{"sellerDisplayName":"Loja Azul","price":10}}</script>';
    expect(genericSeller($, html)).toBe('Loja Azul');
    expect(genericSeller($, '<script>{"seller":{"id":"p1","nickname":"Taro"}}</script>')).toBe('Taro');
  });

  it('reads the "Sold by" line in several languages and stops at the fulfilment clause', () => {
    const sold = (text: string) => genericSeller(load(page('', `<div>${text}</div>`)), '');
    expect(sold('Ships from and sold by Gadget Hub.')).toBe('Gadget Hub');
    expect(sold('Sold by Gadget Hub and Fulfilled by Amazon.')).toBe('Gadget Hub');
    expect(sold('Vendido por Loja Azul')).toBe('Loja Azul');
    expect(sold('Dijual oleh Toko Maju, Jakarta')).toBe('Toko Maju');
    expect(sold('Nothing about the shop here')).toBeNull();
  });
});

describe('extractPage with the generic layers', () => {
  it('prefers the heading to a decorated og:title and gives an ISO currency for a symbol', () => {
    const html = page(
      `<title>Promo Kursi Gaming Ergonomis Hitam di Toko Maju | ShopX</title>
       <meta property="og:site_name" content="ShopX"><meta property="og:type" content="product">
       <meta property="og:title" content="Promo Kursi Gaming Ergonomis Hitam di Toko Maju | ShopX">
       <meta property="product:price:amount" content="1250000"><meta property="product:price:currency" content="Rp">`,
      '<h1>Kursi Gaming Ergonomis Hitam</h1><div>Dijual oleh Toko Maju</div>',
    );
    const result = extractPage({ html: Buffer.from(html), url: 'https://www.shopx.co.id/toko-maju/kursi' });
    expect(result.kind).toBe('product');
    expect(result.listings[0]).toMatchObject({
      title: 'Kursi Gaming Ergonomis Hitam',
      price: 1250000,
      currency: 'IDR',
      sellerName: 'Toko Maju',
    });
  });
});

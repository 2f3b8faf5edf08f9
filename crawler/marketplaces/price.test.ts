import { describe, expect, it } from 'vitest';
import { currencyForMarket, marketFromHost } from './market.ts';
import { parsePrice } from './price.ts';

describe('parsePrice', () => {
  it.each([
    ['R$ 1.234,56', null, { price: 1234.56, priceMax: null, currency: 'BRL' }],
    ['R$396,44', null, { price: 396.44, priceMax: null, currency: 'BRL' }],
    ['Rp1.234.567', null, { price: 1234567, priceMax: null, currency: 'IDR' }],
    ['Rp4.810.000', null, { price: 4810000, priceMax: null, currency: 'IDR' }],
    ['₱1,234.50', null, { price: 1234.5, priceMax: null, currency: 'PHP' }],
    ['¥6,000', 'JPY', { price: 6000, priceMax: null, currency: 'JPY' }],
    ['1,000円', null, { price: 1000, priceMax: null, currency: 'JPY' }],
    ['US $349.99', null, { price: 349.99, priceMax: null, currency: 'USD' }],
    ['€40.63+', null, { price: 40.63, priceMax: null, currency: 'EUR' }],
    ['€1.299,00', null, { price: 1299, priceMax: null, currency: 'EUR' }],
    ['£4.45', null, { price: 4.45, priceMax: null, currency: 'GBP' }],
    ['₹14,890', null, { price: 14890, priceMax: null, currency: 'INR' }],
    ['149.00 - 159.00', 'CNY', { price: 149, priceMax: 159, currency: 'CNY' }],
    ['$16.77 – $33.54', null, { price: 16.77, priceMax: 33.54, currency: 'USD' }],
    ['115 reais com 83 centavos', null, { price: 115.83, priceMax: null, currency: 'BRL' }],
    ['$12', 'CAD', { price: 12, priceMax: null, currency: 'CAD' }],
    ['¥ 88', 'CNY', { price: 88, priceMax: null, currency: 'CNY' }],
  ])('%s (hint %s)', (text, hint, wanted) => {
    expect(parsePrice(text, hint)).toEqual(wanted);
  });

  it('returns null when there is no number', () => {
    expect(parsePrice('Currently unavailable.')).toBeNull();
    expect(parsePrice('')).toBeNull();
  });
});

describe('market', () => {
  it.each([
    ['www.amazon.co.uk', 'GB'],
    ['lista.mercadolivre.com.br', 'BR'],
    ['www.lazada.com.ph', 'PH'],
    ['shopee.co.id', 'ID'],
    ['auctions.yahoo.co.jp', 'JP'],
    ['www.amazon.in', 'IN'],
    ['www.aliexpress.us', 'US'],
    ['www.ebay.com', null],
  ])('%s -> %s', (host, market) => {
    expect(marketFromHost(host)).toBe(market);
  });

  it('maps markets to their currency', () => {
    expect([
      currencyForMarket('GB'),
      currencyForMarket('BR'),
      currencyForMarket('DE'),
      currencyForMarket(null),
    ]).toEqual(['GBP', 'BRL', 'EUR', null]);
  });
});

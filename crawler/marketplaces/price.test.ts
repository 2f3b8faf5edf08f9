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

  // The misses of the old parser on Zyte's price-parser vectors (issue 18), one per rule.
  it.each([
    ['1 299 Kč', null, null, { price: 1299, currency: 'CZK' }],
    ['100,00 руб.', null, null, { price: 100, currency: 'RUB' }],
    ['1128240 рублей', null, null, { price: 1128240, currency: 'RUB' }],
    ['Rs1,599.00', null, 'IN', { price: 1599, currency: 'INR' }],
    ['Rs. 450', 'LKR', null, { price: 450, currency: 'LKR' }],
    ['NZD $100.70', null, null, { price: 100.7, currency: 'NZD' }],
    ['CUC$ 45', null, null, { price: 45, currency: 'CUC' }],
    ['.75 €', null, null, { price: 0.75, currency: 'EUR' }],
    ['$.75', null, null, { price: 0.75, currency: 'USD' }],
    ['฿ 3.3900', null, null, { price: 3.39, currency: 'THB' }],
    ['34.992001', 'GBP', null, { price: 34.992001, currency: 'GBP' }],
    ['423.923', 'KWD', null, { price: 423.923, currency: 'KWD' }],
    ['$1.234', null, null, { price: 1234, currency: 'USD' }],
    ['0.500 €', null, null, { price: 0.5, currency: 'EUR' }],
    ['$ 71.492', null, 'CO', { price: 71492, currency: 'COP' }],
    ['P.V.P. 4,56 €', null, null, { price: 4.56, currency: 'EUR' }],
    ['140,00 pln', null, null, { price: 140, currency: 'PLN' }],
    ['Free!', 'USD', null, { price: 0, currency: 'USD' }],
  ])('%s (hint %s, market %s)', (text, hint, market, wanted) => {
    expect(parsePrice(text, hint, market)).toMatchObject(wanted);
  });

  it('does not read a discount as a price', () => {
    expect(parsePrice('40% OFF')).toBeNull();
    expect(parsePrice('-15% $8.50')?.price).toBe(8.5);
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

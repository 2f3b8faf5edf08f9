import { describe, expect, it } from 'vitest';
import { currencyCode, currencyForCountry, minorDigits, normalizeCurrency } from './index.ts';

describe('currencyCode', () => {
  it.each([
    ['Kč', {}, 'CZK'],
    ['руб.', {}, 'RUB'],
    ['R$', {}, 'BRL'],
    ['NZ$ 10', {}, 'NZD'],
    ['NZD $100.70', {}, 'NZD'],
    ['CUC$', {}, 'CUC'],
    ['US $3', { market: 'CA' }, 'USD'],
  ])('%s names one currency whatever the context', (text, context, code) => {
    expect(currencyCode(text, context)).toBe(code);
  });

  it('settles a shared symbol by the hint, then the market, then by how many locales use it', () => {
    expect(currencyCode('$ 71.492', { market: 'CO' })).toBe('COP');
    expect(currencyCode('$12', { hint: 'CAD', market: 'US' })).toBe('CAD');
    expect(currencyCode('¥88', { market: 'CN' })).toBe('CNY');
    expect(currencyCode('¥88', { market: 'JP' })).toBe('JPY');
    expect(currencyCode('¥88')).toBe('JPY');
    expect(currencyCode('$5')).toBe('USD');
    expect(currencyCode('Rs 450', { market: 'IN' })).toBe('INR');
    expect(currencyCode('Rs 450', { market: 'LK' })).toBe('LKR');
    expect(currencyCode('12 kr', { market: 'SE' })).toBe('SEK');
    expect(currencyCode('12 kr', { market: 'NO' })).toBe('NOK');
  });

  it('does not take words for codes or letters inside words for symbols', () => {
    expect(currencyCode('ALL SIZES IN STOCK')).toBeNull();
    expect(currencyCode('TOP SELLER 2024')).toBeNull();
    expect(currencyCode('Large kraft box')).toBeNull();
  });
});

describe('normalizeCurrency', () => {
  it('turns the symbols pages put in code fields into ISO codes', () => {
    expect(normalizeCurrency('Rp', { market: 'ID' })).toBe('IDR');
    expect(normalizeCurrency('$', { market: 'CO', hint: 'COP' })).toBe('COP');
    expect(normalizeCurrency('usd')).toBe('USD');
    expect(normalizeCurrency('')).toBeNull();
    expect(normalizeCurrency('pesos?')).toBeNull();
  });
});

describe('table facts', () => {
  it('knows minor units and country currencies from ISO 4217 data', () => {
    expect(minorDigits('JPY')).toBe(0);
    expect(minorDigits('KWD')).toBe(3);
    expect(minorDigits('USD')).toBe(2);
    expect(currencyForCountry('ID')).toBe('IDR');
    expect(currencyForCountry('de')).toBe('EUR');
    expect(currencyForCountry('XX')).toBeNull();
  });
});

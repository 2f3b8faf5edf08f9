import { describe, expect, it } from 'vitest';
import { MARKETPLACE_SOURCES, fetchUrlFor, findSource, searchUrlFor, sourceFor } from './sources.ts';

describe('marketplace search sources', () => {
  it('builds each search URL the way the site expects the query', () => {
    expect(searchUrlFor(findSource('amazon-in'), 'realme 6')).toBe('https://www.amazon.in/s?k=realme+6');
    expect(searchUrlFor(findSource('mercadolivre-br'), 'Bio Extratus')).toBe(
      'https://lista.mercadolivre.com.br/bio-extratus',
    );
    expect(searchUrlFor(findSource('aliexpress-us'), 'Gundam RG')).toBe(
      'https://www.aliexpress.us/w/wholesale-gundam-rg.html',
    );
    expect(searchUrlFor(findSource('ebay-us'), 'pokémon & co')).toBe(
      'https://www.ebay.com/sch/i.html?_nkw=pok%C3%A9mon+%26+co',
    );
    expect(() => searchUrlFor(findSource('ebay-us'), '  ')).toThrow(/empty/);
  });

  it('fetches the same path and query from an override base URL', () => {
    expect(fetchUrlFor('https://www.ebay.com/sch/i.html?_nkw=Pokemon', 'http://127.0.0.1:4000')).toBe(
      'http://127.0.0.1:4000/sch/i.html?_nkw=Pokemon',
    );
    expect(fetchUrlFor('https://lista.mercadolivre.com.br/bio-extratus', 'http://mirror.local/ml/')).toBe(
      'http://mirror.local/ml/bio-extratus',
    );
    expect(fetchUrlFor('https://lista.mercadolivre.com.br/bio-extratus', undefined)).toBe(
      'https://lista.mercadolivre.com.br/bio-extratus',
    );
  });

  it('covers the markets of the issue, with honest browser and verification flags', () => {
    const ids = MARKETPLACE_SOURCES.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const market of ['ID', 'MY', 'PH', 'SG', 'TH', 'VN', 'BR'])
      expect(sourceFor('shopee', market)).toMatchObject({ needsBrowser: 'always', verifiedAgainst: null });
    for (const market of ['BR', 'MX', 'AR', 'CO'])
      expect(sourceFor('mercadolibre', market)?.marketplace).toBe('mercadolibre');
    expect(findSource('mercadolivre-br').languages).toEqual(['pt']);
    expect(findSource('amazon-ae')).toMatchObject({ currency: 'AED', languages: ['ar', 'en'] });
    expect(sourceFor('walmart', 'US')?.verifiedAgainst).toMatch(/walmart-com_search/);
    expect(() => findSource('amazon-zz')).toThrow(/amazon-zz" does not exist/);
  });
});

import { describe, expect, it } from 'vitest';
import { counterfeitSignals } from './signals.ts';

const listing = (title: string, price: number | null = null, currency: string | null = null) => ({
  title,
  price,
  currency,
});
const terms = (title: string, marketLanguage: string | string[]) =>
  counterfeitSignals(listing(title), { marketLanguage }).map(
    (signal) => signal.evidence.match(/^"([^"]+)"/)?.[1],
  );

describe('counterfeitSignals: words', () => {
  it.each([
    ['Tênis Nike Air Max Primeira Linha Réplica', 'pt', ['réplica', 'primeira linha']],
    ['Sepatu Adidas Samba KW Super Premium', 'id', ['KW']],
    ['Jam tangan Rolex tiruan mirip ori', 'id', ['tiruan', 'mirip ori']],
    ['LV Neverfull 高仿 1比1 复刻', 'zh', ['1比1', '高仿', '复刻', '1比1']],
    ['ルイヴィトン 財布 コピー品 N級', 'ja', ['コピー品', 'N級']],
    ['Rolex Submariner mirror quality 1:1 AAA', 'en', ['1:1', 'mirror quality', 'AAA']],
    ['Bolsa Gucci réplica qualidade AAA', 'pt', ['réplica', 'réplica', 'AAA']],
    ['Reloj Casio G-Shock imitación calidad AAA', 'es', ['imitación', 'AAA']],
  ])('%s (%s)', (title, language, wanted) => {
    expect(terms(title, language).sort()).toEqual([...new Set(wanted)].sort());
  });

  // Real titles from the fixture pages, genuine products: none may raise a signal.
  it.each([
    ['Duracell Coppertop AAA Battery with POWER BOOST™, 16 Pack Long-Lasting Batteries', 'en'],
    ['Energizer MAX AAA Batteries (24 Pack), Triple A Alkaline Batteries', 'en'],
    ['Pilhas AAA Alcalinas Duracell com 4 unidades', 'pt'],
    [
      'Ganso RX-78-2 Neon Blue Recirculation Limited Edition 1/144 Scale Assembly Model Kit Action Figure',
      'en',
    ],
    ['OPPO Reno5 F Smartphone 8GB/128GB (Garansi Resmi) - Hitam', 'id'],
    ['Pompa air 1 KW Shimizu', 'id'],
    ['Kit Bio Extratus Força Com Pimenta (350ml) E Máscara 230g', 'pt'],
    ['ハローキティ ご当地根付 ストラップ 13個セット', 'ja'],
    ['Life-size 1:1 scale Iron Man helmet', 'en'],
  ])('no signal for a genuine title: %s', (title, language) => {
    expect(counterfeitSignals(listing(title), { marketLanguage: language })).toEqual([]);
  });

  it('checks English on every market and the market languages besides', () => {
    expect(terms('Replica Rolex tiruan', 'id').sort()).toEqual(['replica', 'tiruan']);
    expect(terms('Sepatu tiruan', 'pt')).toEqual([]);
  });

  it('quotes the words around a match as evidence', () => {
    const [signal] = counterfeitSignals(listing('Brand new Air Jordan 1 replica shoes, fast shipping'), {
      marketLanguage: 'en',
    });
    const [long] = counterfeitSignals(
      listing('Limited stock this week only: Nike Dunk Low Panda replica, all sizes available now'),
      { marketLanguage: 'en' },
    );
    expect(long?.evidence).toBe('"replica": …nly: Nike Dunk Low Panda replica, all sizes available now');
    expect(signal).toEqual({
      signal: 'counterfeit_term',
      language: 'en',
      evidence: '"replica": Brand new Air Jordan 1 replica shoes, fast shipping',
    });
  });
});

describe('counterfeitSignals: price', () => {
  it('flags a price far below the reference (default ratio 0.3)', () => {
    const signals = counterfeitSignals(listing('Kindle Paperwhite 4 Usado', 0.84, 'BRL'), {
      marketLanguage: 'pt',
      referencePrice: 700,
      referenceCurrency: 'BRL',
    });
    expect(signals).toEqual([
      {
        signal: 'price_far_below_reference',
        evidence: 'price 0.84 BRL is 0.00 of the reference 700 (threshold 0.3)',
      },
    ]);
  });

  it('respects a configured ratio and ignores other currencies', () => {
    const cheap = listing('Kindle Paperwhite', 300, 'BRL');
    expect(counterfeitSignals(cheap, { marketLanguage: 'pt', referencePrice: 700 })).toEqual([]);
    expect(
      counterfeitSignals(cheap, { marketLanguage: 'pt', referencePrice: 700, priceRatio: 0.5 }),
    ).toHaveLength(1);
    expect(
      counterfeitSignals(cheap, {
        marketLanguage: 'pt',
        referencePrice: 700,
        referenceCurrency: 'USD',
        priceRatio: 0.5,
      }),
    ).toEqual([]);
  });
});

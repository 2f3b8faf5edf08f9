import { describe, expect, it } from 'vitest';
import { prepareMark } from '../prepare-mark.ts';
import { homoglyphPairs } from './homoglyph-variants.ts';

const brands = [
  'Google',
  'PayPal',
  'Microsoft',
  'Adidas',
  'Netflix',
  'Samsung',
  'Oracle',
  'Toyota',
  'Amazon',
  'Spotify',
];

describe('homoglyph variants from Unicode confusables', () => {
  it('swaps one or two letters for look-alikes from other scripts, and the matcher reads every one back', () => {
    const pairs = homoglyphPairs(brands, 200, 5);
    expect(pairs).toHaveLength(200);
    const scripts = new Set(pairs.flatMap((p) => p.scripts));
    for (const script of ['Cyrillic', 'Greek', 'Armenian', 'fullwidth', 'mathematical'])
      expect(scripts).toContain(script);
    for (const p of pairs) {
      expect(p.b).not.toBe(p.a);
      // Read back letter for letter, up to the shapes Unicode itself calls alike (capital I and l).
      expect(prepareMark(p.b).skeleton, `${p.a} → ${p.b}`).toBe(prepareMark(p.a).skeleton);
    }
  });
});

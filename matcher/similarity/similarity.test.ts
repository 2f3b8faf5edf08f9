import { describe, expect, it } from 'vitest';
import {
  containment,
  goodsRelation,
  jaroWinkler,
  osaDistance,
  phoneticCodes,
  visualSkeleton,
} from './index.ts';

describe('string metrics', () => {
  it('counts an adjacent transposition as one edit (OSA)', () => {
    expect(osaDistance('nike', 'nkie')).toBe(1);
    expect(osaDistance('kitten', 'sitting')).toBe(3);
    expect(osaDistance('', 'abc')).toBe(3);
  });

  it('gives the textbook Jaro-Winkler value for MARTHA / MARHTA', () => {
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.961, 3);
  });
});

describe('phonetic codes', () => {
  it('gives NAIKI and NIKE the same Double Metaphone code', () => {
    expect(phoneticCodes('naiki')).toContain('NK');
    expect(phoneticCodes('nike')).toContain('NK');
  });

  it('reads Spanish b/v alike, and Indonesian old spelling oe as u', () => {
    const bolsa = phoneticCodes('bolsa');
    expect(phoneticCodes('volsa').some((c) => bolsa.includes(c))).toBe(true);
    const surabaya = phoneticCodes('surabaya');
    expect(phoneticCodes('soerabaja').some((c) => surabaya.includes(c))).toBe(true);
  });
});

describe('visual skeleton', () => {
  it('reads rn as m, cl as d, vv as w and 1 as l', () => {
    expect(visualSkeleton('rnicrosoft')).toBe(visualSkeleton('microsoft'));
    expect(visualSkeleton('clell')).toBe(visualSkeleton('dell'));
    expect(visualSkeleton('vvalmart')).toBe(visualSkeleton('walmart'));
    expect(visualSkeleton('paypa1')).toBe(visualSkeleton('paypal'));
  });
});

describe('containment', () => {
  it('finds the mark as the first word of a longer one', () => {
    const found = containment('nike', ['nike'], 'nikepro', ['nikepro']);
    expect(found.direction).toBe('watched-in-candidate');
    expect(found.value).toBeGreaterThan(0.8);
  });

  it('ignores a short mark buried inside an unrelated word', () => {
    expect(containment('ace', ['ace'], 'spacer', ['spacer']).value).toBe(0);
  });

  it('counts the candidate inside the watched mark less', () => {
    const inner = containment('lioncapital', ['lion', 'capital'], 'lion', ['lion']);
    expect(inner.direction).toBe('candidate-in-watched');
  });
});

describe('goods relation', () => {
  it('is 1 for a shared class, 0.6 for related classes, 0 otherwise, null when unknown', () => {
    expect(goodsRelation([25], [25, 18]).value).toBe(1);
    const related = goodsRelation([25], [18]);
    expect(related.value).toBe(0.6);
    expect(related.related?.why).toBe('clothing and leather goods');
    expect(goodsRelation([25], [12]).value).toBe(0);
    expect(goodsRelation([25], undefined).value).toBeNull();
  });
});

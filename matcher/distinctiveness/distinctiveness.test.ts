import { describe, expect, it } from 'vitest';
import { describeDistinctiveness, distinctivenessOf, registerStatsFrom } from './index.ts';

const none = { classes: [], goods: [], register: undefined };

describe('distinctiveness of a word', () => {
  it('is highest for a coined word and lower the commoner the word is in English (SUBTLEX)', () => {
    const coined = distinctivenessOf('zorblax', none);
    const ordinary = distinctivenessOf('lion', none);
    const everyday = distinctivenessOf('good', none);
    expect(coined.zipf).toBe(0);
    expect(coined.value).toBeCloseTo(1, 5);
    expect(ordinary.value).toBeLessThan(coined.value);
    expect(everyday.value).toBeLessThan(ordinary.value);
  });

  it('is weak when the word names the goods of the classes (heading) or the goods text', () => {
    const beer = distinctivenessOf('beer', { classes: [32], goods: [], register: undefined });
    expect(beer.descriptive).toBe('the class 32 heading');
    expect(beer.value).toBeLessThan(0.25);
    expect(
      distinctivenessOf('beer', { classes: [9], goods: [], register: undefined }).descriptive,
    ).toBeNull();
    const fromGoods = distinctivenessOf('sneaker', {
      classes: [],
      goods: ['running sneakers'],
      register: undefined,
    });
    expect(fromGoods.descriptive).toBe('the goods "running sneakers"');
  });

  it('is weak when the word names a kind of the goods (WordNet: an apple is a kind of fruit)', () => {
    const apple = distinctivenessOf('apple', { classes: [31], goods: [], register: undefined });
    expect(apple.descriptive).toMatch(/class 31 heading/);
    expect(
      distinctivenessOf('apple', { classes: [9], goods: [], register: undefined }).descriptive,
    ).toBeNull();
  });

  it('falls with crowding in the register for those classes, and says how crowded', () => {
    const register = registerStatsFrom(
      { '*': 20_000, '36': 5_000 },
      { capital: { '*': 900, '36': 600 }, zorblax: { '*': 0, '36': 0 } },
    );
    const crowded = distinctivenessOf('capital', { classes: [36], goods: [], register });
    const alone = distinctivenessOf('capital', { classes: [36], goods: [], register: undefined });
    expect(crowded.crowding).toMatchObject({ count: 600, total: 5000, classes: [36] });
    expect(crowded.value).toBeLessThan(alone.value);
    expect(describeDistinctiveness(crowded)).toContain('in 600 of 5,000 filings in class 36');
    expect(describeDistinctiveness(alone)).toContain('register statistics not available');
    expect(distinctivenessOf('zorblax', { classes: [36], goods: [], register }).crowding?.value).toBe(0);
  });

  it('uses the whole register when the classes hold too few filings, and says when it is too small', () => {
    const register = registerStatsFrom({ '*': 10_000, '45': 20 }, { legal: { '*': 50, '45': 3 } });
    expect(distinctivenessOf('legal', { classes: [45], goods: [], register }).crowding).toMatchObject({
      count: 50,
      total: 10_000,
      classes: null,
    });
    const tiny = registerStatsFrom({ '*': 40 }, { legal: { '*': 3 } });
    const d = distinctivenessOf('legal', { classes: [], goods: [], register: tiny });
    expect(d.crowding).toBeNull();
    expect(describeDistinctiveness(d)).toContain('the ingested register is too small');
  });
});

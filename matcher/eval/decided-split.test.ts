import { describe, expect, it } from 'vitest';
import { decidedSplit } from './decided-split.ts';

describe('decided pair split', () => {
  it('holds out recent years and whole tribunals, by rule', () => {
    expect(decidedSplit({ tribunal: 'EU General Court', date: '2016-05-03' })).toBe('train');
    expect(decidedSplit({ tribunal: 'EU General Court', date: '2019-01-10' })).toBe('dev');
    expect(decidedSplit({ tribunal: 'TTAB', date: '2022-01-01' })).toBe('test');
    expect(decidedSplit({ tribunal: 'UK IPO', date: '2009-07-01' })).toBe('test');
  });

  it('refuses a row without a year', () => {
    expect(() => decidedSplit({ tribunal: 'TTAB', date: 'unknown' })).toThrow(/four-digit year/);
  });
});

import { describe, expect, it } from 'vitest';
import { categoryWordsOf, misspellingsOf, queriesForMarks } from './queries.ts';

describe('search queries for a brand', () => {
  it('makes one-edit misspellings sellers use', () => {
    expect(misspellingsOf('realme')).toEqual(['reame', 'relame', 'reallme', 'raalme']);
    expect(misspellingsOf('Bio Extratus')).toEqual([
      'bioextratus',
      'bioexratus',
      'bioetxratus',
      'bioexttratus',
      'byoextratus',
    ]);
    expect(misspellingsOf('LG')).toEqual([]);
  });

  it('takes category words from the first goods term', () => {
    expect(categoryWordsOf('Smartphones; mobile phone cases')).toBe('smartphones');
    expect(categoryWordsOf('Hair care preparations, shampoos')).toBe('hair care');
    expect(categoryWordsOf(null)).toBeNull();
  });

  it('puts marks first, then category searches, then variants, without repeats', () => {
    const planned = queriesForMarks([{ text: 'realme', goods: 'Smartphones' }, { text: 'REALME' }], 4);
    expect(planned).toEqual([
      { query: 'realme', kind: 'mark', mark: 'realme' },
      { query: 'realme smartphones', kind: 'category', mark: 'realme' },
      { query: 'reame', kind: 'variant', mark: 'realme' },
      { query: 'relame', kind: 'variant', mark: 'realme' },
    ]);
  });
});

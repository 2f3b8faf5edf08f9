import { describe, expect, it } from 'vitest';
import { comparePrepared } from '../compare-marks.ts';
import { generateFilings, inventNames } from '../eval/index.ts';
import { prepareMark } from '../prepare-mark.ts';
import { CandidateIndex } from './candidate-index.ts';

describe('CandidateIndex', () => {
  it('returns every pair the exhaustive scorer finds similar on a generated set', () => {
    const marks = [
      ...inventNames(300, 7),
      'Nike',
      'Adidas',
      'Microsoft',
      'Starbucks',
      'Lion Capital',
      'Carefirst',
      'Fast',
    ];
    const filings = [
      ...generateFilings(marks, 600, 8),
      'NAIKI',
      'rnicrosoft',
      'adidas official store',
      '耐克',
      'Stone Lion Capital',
      'STARBUX',
      'Lionheart',
      'Capital Care',
      'Swift Group',
    ];
    const prepared = marks.map((m) => prepareMark(m));
    const index = new CandidateIndex<number>();
    prepared.forEach((m, i) => index.addPrepared(i, m));
    let expected = 0;
    const missed: string[] = [];
    for (const filing of filings) {
      const candidate = prepareMark(filing);
      const found = index.candidatesOfPrepared(candidate);
      prepared.forEach((mark, i) => {
        if (!comparePrepared(mark, candidate, { withoutReasons: true }).similar) return;
        expected++;
        if (!found.has(i)) missed.push(`${marks[i]} | ${filing}`);
      });
    }
    expect(expected).toBeGreaterThan(40);
    expect(missed).toEqual([]);
  });

  it('finds marks that mean the same, a translation, a shared word or the same English sound', () => {
    const index = new CandidateIndex<string>();
    for (const mark of ['SWIFT', 'FRUIT', 'APPLE', 'LION CAPITAL', 'KNIGHT', 'ZORBLAX'])
      index.add(mark, mark);
    expect(index.candidates('FAST')).toContain('SWIFT'); // synonyms (WordNet)
    expect(index.candidates('APPLE')).toContain('FRUIT'); // apple is a kind of fruit
    expect(index.candidates('FRUIT')).toContain('APPLE');
    expect(index.candidates('苹果')).toContain('APPLE'); // CC-CEDICT: apple
    expect(index.candidates('STONE LION')).toContain('LION CAPITAL');
    expect(index.candidates('NIGHT')).toContain('KNIGHT'); // CMU: N AY T
    expect(index.candidates('LIONHEART')).toContain('LION CAPITAL'); // a word inside a word
    expect(index.candidates('APPLE PIE')).toContain('APPLE');
    expect(index.candidates('FAST')).not.toContain('ZORBLAX');
  });

  it('forgets removed marks and counts live ones', () => {
    const index = new CandidateIndex<string>();
    index.add('a', 'NIKE');
    index.add('b', 'ADIDAS');
    expect(index.candidates('NIKEE')).toEqual(new Set(['a']));
    index.remove('a');
    expect(index.candidates('NIKEE').has('a')).toBe(false);
    expect(index.size).toBe(1);
    index.add('b', 'PUMA');
    expect(index.candidates('ADIDAS').has('b')).toBe(false);
    expect(index.candidates('PUMAA')).toEqual(new Set(['b']));
  });
});

import { describe, expect, it } from 'vitest';
import { compareMarks } from '../compare-marks.ts';
import { computeComponents } from '../components.ts';
import { registerStatsFrom } from '../distinctiveness/index.ts';
import { prepareMark } from '../prepare-mark.ts';
import { meaningLink } from './meaning.ts';
import { phoneSimilarity } from './pronunciation.ts';
import { syllableSimilarity, syllableSounds } from './syllables.ts';

const elements = (a: string, b: string, classes?: number[]) =>
  computeComponents(prepareMark(a, classes), prepareMark(b, classes)).elements;

describe('shared elements and the overall impression', () => {
  it('finds a coined earlier mark taken whole with words added', () => {
    const e = elements('ZORBLAX', 'ZORBLAX PRO');
    expect(e.earlierTakenWhole).toBe(true);
    expect(e.sharedOfEarlier).toBe(1);
    expect(e.strongestShared).toBeGreaterThan(0.9);
    const result = compareMarks({ text: 'ZORBLAX' }, { text: 'ZORBLAX PRO' });
    expect(result.similar).toBe(true);
    expect(result.reasons).toContain(
      'takes the whole earlier mark ZORBLAX and adds PRO: a distinctive mark taken whole usually keeps its weight',
    );
  });

  it('weighs a shared word that describes the goods lightly, and says the differences carry it', () => {
    const beer = compareMarks({ text: 'BEER HOUSE', classes: [32] }, { text: 'BEER GARDEN', classes: [32] });
    const coined = compareMarks(
      { text: 'ZORBLAX HOUSE', classes: [32] },
      { text: 'ZORBLAX GARDEN', classes: [32] },
    );
    expect(beer.score).toBeLessThan(coined.score);
    expect(beer.similar).toBe(false);
    expect(beer.reasons.some((r) => r.startsWith('shares BEER; BEER: a common English word'))).toBe(true);
    expect(beer.reasons).toContain(
      'what they share is weak (common, descriptive or crowded): the differences carry the impression',
    );
  });

  it('scores the same shared word lower when the register shows it crowded in the class', () => {
    const register = registerStatsFrom(
      { '*': 50_000, '36': 8_000 },
      { lion: { '*': 2_000, '36': 1_600 }, stone: { '*': 10, '36': 1 }, capital: { '*': 5, '36': 2 } },
    );
    const earlier = prepareMark('LION CAPITAL', [36]);
    const later = prepareMark('LION STONE', [36]);
    const crowded = computeComponents(earlier, later, register).components.sharedDistinctive;
    const unknown = computeComponents(earlier, later).components.sharedDistinctive;
    expect(crowded).toBeLessThan(unknown);
  });

  it('sees one word written together or apart, and a part of a compound', () => {
    expect(elements('CHECKPOINT', 'CHECK POINT').earlierTakenWhole).toBe(true);
    const part = elements('CAREFIRST', 'FIRST CARE').shared.map((s) => [s.earlier, s.how]);
    expect(part).toEqual([
      ['first', 'part'],
      ['care', 'part'],
    ]);
  });

  it('does not align words on a loose shared sound code alone (HABR, AVIRA)', () => {
    expect(elements('HABR', 'AVIRA').shared).toEqual([]);
  });
});

describe('meaning and translation', () => {
  it('links synonyms and a word with its kind (WordNet), not unrelated words', () => {
    expect(meaningLink('tiger', 'tiger')).toBeNull();
    expect(meaningLink('apple', 'fruit')).toMatchObject({ relation: 'kind', via: 'fruit' });
    expect(meaningLink('cougar', 'puma')).toMatchObject({ relation: 'synonym', value: 1 });
    expect(meaningLink('apple', 'tiger')).toBeNull();
  });

  it('reads a mark in Chinese characters in English (CC-CEDICT) and flags its translation', () => {
    const result = compareMarks({ text: 'APPLE' }, { text: '苹果' });
    expect(result.components.conceptual).toBeGreaterThan(0.5);
    expect(result.similar).toBe(true);
    expect(result.reasons).toContain('means the same in translation: 苹果 ~ APPLE ("apple", CC-CEDICT)');
    expect(compareMarks({ text: 'STARBUCKS' }, { text: '星巴克' }).similar).toBe(true);
    expect(compareMarks({ text: 'STARBUCKS' }, { text: '苹果' }).similar).toBe(false);
  });
});

describe('pronunciation', () => {
  it('compares English phones, a vowel for a vowel or a voiced for a voiceless twin costing half', () => {
    expect(phoneSimilarity(['N', 'AY', 'T'], ['N', 'AY', 'T'])).toBe(1);
    expect(phoneSimilarity(['B', 'AE', 'T'], ['P', 'AE', 'T'])).toBeCloseTo(1 - 0.5 / 3, 10);
    expect(phoneSimilarity(['K', 'AE', 'T'], ['D', 'AO', 'G'])).toBeLessThan(0.3);
  });

  it('writes a known mark down by ear and compares that with the other spelling (NIKE → naiki)', () => {
    expect(prepareMark('NIKE').heard).toBe('naiki');
    expect(prepareMark('COLGATE').heard).toBe('kolgeit');
    expect(prepareMark('ZORBLAX').heard).toBeNull();
    expect(compareMarks({ text: 'COLGATE' }, { text: 'KOLGEIT' }).reasons[0]).toBe(
      'sounds alike: COLGATE is said /K OW L G EY T/ (CMU Pronouncing Dictionary), written by ear "kolgeit" ~ KOLGEIT',
    );
  });

  it('compares a mark read from another script by syllable sound, not spelling', () => {
    expect(syllableSounds('maidanglao')).toEqual(['MA', 'TA', 'LA']);
    expect(syllableSimilarity('soni', 'sonii')).toBe(1);
    expect(syllableSimilarity('makdanalds', 'maidanglao')).toBeGreaterThan(0.7);
    expect(syllableSimilarity('naiki', 'adidasi')).toBeLessThan(0.2);
    const sony = compareMarks({ text: 'SONY' }, { text: 'ソニー' });
    expect(sony.similar).toBe(true);
    expect(sony.reasons).toContain('sounds alike syllable by syllable: ソニー (SO-NI) ~ SONY (SO-NI)');
    expect(compareMarks({ text: 'NIKE' }, { text: '阿迪达斯' }).similar).toBe(false);
  });
});

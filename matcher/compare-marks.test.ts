import { describe, expect, it } from 'vitest';
import { compareMarks } from './compare-marks.ts';
import { DEFAULT_THRESHOLD } from './score/weights.ts';

const nike = { text: 'NIKE' };

describe('compareMarks', () => {
  it('flags a sound-alike and says why', () => {
    const result = compareMarks(nike, { text: 'NAIKI' });
    expect(result.similar).toBe(true);
    expect(result.components.phonetic).toBeGreaterThan(0.8);
    expect(result.reasons).toContain(
      'sounds alike: NIKE is said /N AY K IY/ (CMU Pronouncing Dictionary), written by ear "naiki" ~ NAIKI',
    );
    // Two spellings of one English pronunciation (CMU): alike to the ear, not to the eye.
    const cisco = compareMarks({ text: 'CISCO' }, { text: 'SYSCO' });
    expect(cisco.similar).toBe(true);
    expect(cisco.reasons.some((r) => r.startsWith('sounds alike in English: SYSCO /S IH S K OW/'))).toBe(
      true,
    );
  });

  it('flags the mark taken whole into a longer one for the same goods', () => {
    const result = compareMarks({ text: 'NIKE', classes: [25] }, { text: 'NIKEPRO STORE', classes: [25] });
    expect(result.similar).toBe(true);
    expect(result.reasons).toContain('contains the mark NIKE as its dominant element');
    expect(result.reasons.some((r) => r.startsWith('shares NIKE as NIKEPRO (inside a longer word)'))).toBe(
      true,
    );
  });

  it('flags look-alike letter shapes', () => {
    const result = compareMarks({ text: 'MICROSOFT' }, { text: 'rnicrosoft' });
    expect(result.components.visual).toBe(1);
    expect(result.similar).toBe(true);
    expect(result.reasons.some((r) => r.startsWith('looks alike in letter shapes'))).toBe(true);
  });

  it('compares a mark filed in another script through its transliteration', () => {
    const result = compareMarks(nike, { text: '耐克' });
    expect(result.components.transliteration).not.toBeNull();
    expect(result.similar).toBe(true);
    expect(result.reasons).toContain('written in Chinese characters: 耐克 reads "naike"');
    expect(compareMarks(nike, { text: 'NAIKI' }).components.transliteration).toBeNull();
  });

  it('explains related Nice classes and scores related goods above unrelated ones', () => {
    const related = compareMarks({ text: 'NIKE', classes: [25] }, { text: 'NIKEY', classes: [18] });
    const unrelated = compareMarks({ text: 'NIKE', classes: [25] }, { text: 'NIKEY', classes: [12] });
    expect(related.reasons).toContain('classes 25 and 18 are related (clothing and leather goods)');
    expect(related.score).toBeGreaterThan(unrelated.score);
  });

  it('does not flag unrelated brands', () => {
    expect(compareMarks(nike, { text: 'ORACLE' }).similar).toBe(false);
    expect(compareMarks({ text: 'SAMSUNG' }, { text: 'PEPSI' }).similar).toBe(false);
  });

  it('uses the per-mark threshold when given', () => {
    const loose = compareMarks(nike, { text: 'NIKOLAI' }, { threshold: 0.01 });
    const strict = compareMarks(nike, { text: 'NIKE' }, { threshold: 0.999 });
    expect(loose).toMatchObject({ similar: true, threshold: 0.01 });
    expect(strict.similar).toBe(false);
    expect(compareMarks(nike, nike).threshold).toBe(DEFAULT_THRESHOLD);
  });

  it('keeps every component and the score in [0, 1]', () => {
    for (const text of ['', '!!!', 'A', 'Nike Official Store', 'ナイキ', '3M']) {
      const { score, components } = compareMarks(nike, { text });
      for (const value of [
        score,
        components.orthographic,
        components.phonetic,
        components.visual,
        components.containment,
      ]) {
        expect(value).toBeGreaterThanOrEqual(0);
        expect(value).toBeLessThanOrEqual(1);
      }
    }
  });
});

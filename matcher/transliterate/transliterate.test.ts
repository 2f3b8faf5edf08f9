import { describe, expect, it } from 'vitest';
import { normalizeMark } from '../normalize/index.ts';
import { transliterate } from './transliterate.ts';

describe('transliterate', () => {
  it('reads Chinese through pinyin without tones', () => {
    expect(transliterate('耐克')).toBe('naike');
    expect(transliterate('阿迪达斯')).toBe('adidasi');
  });

  it('reads Japanese kana by Hepburn, with long vowels and small tsu', () => {
    expect(transliterate('ナイキ')).toBe('naiki');
    expect(transliterate('スターバックス')).toBe('sutaabakkusu');
    expect(transliterate('しゃぶしゃぶ')).toBe('shabushabu');
  });

  it('reads Hangul syllables from their decomposition', () => {
    expect(transliterate('나이키')).toBe('naiki');
    expect(transliterate('삼성')).toBe('samseong');
  });

  it('reads Cyrillic, Greek, Arabic and Thai', () => {
    expect(transliterate('найк')).toBe('nayk');
    expect(transliterate('самсунг')).toBe('samsung');
    expect(transliterate('νίκη')).toBe('niki');
    expect(transliterate('ουζο')).toBe('ouzo');
    expect(transliterate('نايك')).toBe('naik');
    expect(transliterate('ไนกี้')).toBe('naiki');
  });

  it('leaves Latin text, digits and spaces alone in mixed marks', () => {
    expect(transliterate('starbucks 星巴克')).toBe('starbucks xingbake');
  });

  it('detects the script a mark is written in', () => {
    expect(normalizeMark('Найк').script).toBe('cyrillic');
    expect(normalizeMark('耐克').script).toBe('han');
    expect(normalizeMark('ナイキ').script).toBe('kana');
    expect(normalizeMark('나이키').script).toBe('hangul');
  });
});

import { describe, expect, it } from 'vitest';
import { kiprisDate } from './fields.ts';
import { kiprisStatusCategory } from './status.ts';

describe('kipris code tables', () => {
  it('categorises the unambiguous status words only', () => {
    expect(kiprisStatusCategory('출원')).toBe('pending');
    expect(kiprisStatusCategory('공고')).toBe('published');
    expect(kiprisStatusCategory('등록')).toBe('registered');
    expect(kiprisStatusCategory('소멸')).toBe('dead');
    expect(kiprisStatusCategory('심사중')).toBe('unknown');
    expect(kiprisStatusCategory(null)).toBe('unknown');
  });

  it('reads YYYYMMDD dates and refuses impossible ones', () => {
    expect(kiprisDate('20191223')).toBe('2019-12-23');
    expect(kiprisDate('20191323')).toBeNull();
    expect(kiprisDate('')).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { usptoDate } from './dates.ts';
import { usptoMarkKind } from './mark-kind.ts';
import { countryOfState, formatDesignCode, isoCountry, legalEntity } from './places.ts';
import { usptoStatus } from './status-codes.ts';

describe('uspto-daily code tables', () => {
  it('turns YYYYMMDD into calendar dates and placeholders into null', () => {
    expect(usptoDate('20240229')).toBe('2024-02-29');
    expect(usptoDate('20230229')).toBeNull();
    expect(usptoDate('00000000')).toBeNull();
    expect(usptoDate('2024-02-01')).toBeNull();
    expect(usptoDate(null)).toBeNull();
  });

  it('categorises status codes from the USPTO table and leaves unlisted ones unknown', () => {
    expect(usptoStatus('602')).toEqual({
      text: 'ABANDONED-FAILURE TO RESPOND OR LATE RESPONSE',
      category: 'dead',
    });
    expect(usptoStatus('774')).toEqual({ text: 'OPPOSITION PENDING', category: 'opposed' });
    expect(usptoStatus('800')).toEqual({ text: 'REGISTERED AND RENEWED', category: 'registered' });
    expect(usptoStatus('900')).toEqual({ text: 'EXPIRED', category: 'dead' });
    // 611 sits between listed abandonment codes but is not in the table: not guessed.
    expect(usptoStatus('611')).toEqual({ text: null, category: 'unknown' });
    expect(usptoStatus(null)).toEqual({ text: null, category: 'unknown' });
  });

  it('reads the mark kind from the first digit of the drawing code', () => {
    expect(usptoMarkKind('1000', false)).toBe('word');
    expect(usptoMarkKind('4000', false)).toBe('word');
    expect(usptoMarkKind('2T00', false)).toBe('figurative');
    expect(usptoMarkKind('3000', false)).toBe('combined');
    expect(usptoMarkKind('5000', false)).toBe('combined');
    expect(usptoMarkKind('6000', false)).toBe('other');
    expect(usptoMarkKind('2000', true)).toBe('three-dimensional');
    expect(usptoMarkKind('4000', true)).toBe('word');
    expect(usptoMarkKind(' ', false)).toBe('unknown');
  });

  it('places owners by state or country', () => {
    expect(countryOfState('OR')).toBe('US');
    expect(countryOfState('PR')).toBe('PR');
    expect(countryOfState('ZZ')).toBeNull();
    expect(isoCountry('UK')).toBe('GB');
    expect(isoCountry('JP')).toBe('JP');
    expect(isoCountry('X')).toBeNull();
    expect(legalEntity('3')).toBe('corporation');
    expect(legalEntity('99')).toBe('code 99');
    expect(formatDesignCode('260121')).toBe('26.01.21');
    expect(formatDesignCode('A1')).toBe('A1');
  });
});

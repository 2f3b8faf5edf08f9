import { describe, expect, it } from 'vitest';
import { canonicalOfficeId, officeIdOrThrow } from './offices.ts';

describe('canonicalOfficeId', () => {
  it('maps ISO countries of named offices to their office id', () => {
    expect(['ID', 'PH', 'VN', 'IN', 'SG', 'TH', 'MY'].map(canonicalOfficeId)).toEqual([
      'DJKI',
      'IPOPHL',
      'NOIP',
      'IPINDIA',
      'IPOS',
      'DIP',
      'MYIPO',
    ]);
  });

  it('maps WIPO ST.3 codes and old spellings, in any case', () => {
    expect(canonicalOfficeId('em')).toBe('EUIPO');
    expect(canonicalOfficeId(' WO ')).toBe('WIPO');
    expect(canonicalOfficeId('IB')).toBe('WIPO');
    expect(canonicalOfficeId('uk')).toBe('UKIPO');
    expect(canonicalOfficeId('MOIP')).toBe('KIPO');
    expect(canonicalOfficeId('djki')).toBe('DJKI');
  });

  it('names other national and regional offices by their ST.3 code', () => {
    expect(canonicalOfficeId('de')).toBe('DE');
    expect(canonicalOfficeId('OA')).toBe('OA');
  });

  it('names no office for values that are not office codes', () => {
    expect(canonicalOfficeId('XX')).toBeNull();
    expect(canonicalOfficeId('INDONESIA')).toBeNull();
    expect(canonicalOfficeId('')).toBeNull();
  });

  it('refuses an unknown office with a 400 that lists the valid ids', () => {
    expect(() => officeIdOrThrow('ZZZ')).toThrow(/"ZZZ" is not an office Markhound knows: .*DJKI.*IPOPHL/);
    try {
      officeIdOrThrow('ZZZ');
    } catch (error) {
      expect((error as { status: number }).status).toBe(400);
    }
  });
});

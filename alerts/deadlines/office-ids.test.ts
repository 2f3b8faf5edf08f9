import { describe, expect, it } from 'vitest';
import { NAMED_OFFICE_IDS } from '../../core/index.ts';
import { OFFICE_CODES, officeCodeFor } from './index.ts';

describe('deadline offices and the one office id (core/offices.ts)', () => {
  it('has an office id for every office with deadline rules', () => {
    expect(OFFICE_CODES.filter((code) => !NAMED_OFFICE_IDS.includes(code))).toEqual([]);
  });

  it('finds the rules of an office by its ST.3 code or ISO country', () => {
    expect(officeCodeFor('PH')).toBe('IPOPHL');
    expect(officeCodeFor('IB')).toBe('WIPO');
    expect(() => officeCodeFor('INT')).toThrow(/no deadline rules/);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { officeCoverageMarkdown } from './office-coverage.ts';
import { OFFICE_CODES, allOfficeRules, officeCodeFor, officeRule } from './offices.ts';

describe('office codes and rules', () => {
  it('every canonical code has its row of rules.json', () => {
    expect(allOfficeRules().map((rule) => rule.code)).toEqual([...OFFICE_CODES]);
    expect(officeRule('KIPO').office).toBe('KIPO (MOIP)');
    expect(officeRule('AE-MOE').office).toBe('UAE Ministry of Economy');
  });

  it('looks offices up by ISO country, WIPO ST.3 code and any case', () => {
    expect(officeCodeFor('BR')).toBe('INPI-BR');
    expect(officeCodeFor('ID')).toBe('DJKI');
    expect(officeCodeFor('EU')).toBe('EUIPO');
    expect(officeCodeFor('EM')).toBe('EUIPO');
    expect(officeCodeFor('GB')).toBe('UKIPO');
    expect(officeCodeFor('uk')).toBe('UKIPO');
    expect(officeCodeFor('WO')).toBe('WIPO');
    expect(officeCodeFor('inpi-br')).toBe('INPI-BR');
  });

  it('keeps the numbers of rules.json as written (USPTO row)', () => {
    const uspto = officeRule('US');
    expect([
      uspto.opposition_days_or_months,
      uspto.unit,
      uspto.priority_months,
      uspto.renewal_years,
      uspto.grace_months,
      uspto.non_use_years,
    ]).toEqual([30, 'days', 6, 10, 6, 3]);
  });

  it('README.md holds the office table as generated from the rules', () => {
    const readme = readFileSync(new URL('./README.md', import.meta.url), 'utf8');
    expect(readme).toContain(officeCoverageMarkdown());
  });

  it('the table marks offices with a null weekend_rule as unverified', () => {
    const table = officeCoverageMarkdown();
    expect(table).toMatch(/\| KIPO \| KIPO \(MOIP\) \| 2 months \| UNVERIFIED/);
    expect(table).toMatch(/\| USPTO \| USPTO \| 30 days \| rolls \(office calendar\)/);
    expect(table).toMatch(
      /\| JPO \| JPO \| 2 months \| rolls \(office calendar; rule sourced by Markhound\)/,
    );
  });
});

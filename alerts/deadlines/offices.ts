import { DomainError, canonicalOfficeId } from '../../core/index.ts';
import rulesJson from './rules.json' with { type: 'json' };
import { rulesFileSchema } from './rules-schema.ts';
import type { OfficeRuleData } from './rules-schema.ts';

/** Canonical office codes used across Markhound (Filing.office, alerts, CLI). */
export const OFFICE_CODES = [
  'USPTO',
  'EUIPO',
  'UKIPO',
  'CNIPA',
  'JPO',
  'KIPO',
  'DJKI',
  'INPI-BR',
  'IMPI',
  'IPINDIA',
  'IPOS',
  'MYIPO',
  'IPOPHL',
  'DIP',
  'NOIP',
  'SAIP',
  'AE-MOE',
  'IPAUSTRALIA',
  'CIPO',
  'TURKPATENT',
  'WIPO',
] as const;
export type OfficeCode = (typeof OFFICE_CODES)[number];

/** rules.json names offices by free text ("KIPO (MOIP)"); its `country` column is the stable key. */
const CODE_BY_RULES_COUNTRY: Record<string, OfficeCode> = {
  US: 'USPTO',
  EU: 'EUIPO',
  GB: 'UKIPO',
  CN: 'CNIPA',
  JP: 'JPO',
  KR: 'KIPO',
  ID: 'DJKI',
  BR: 'INPI-BR',
  MX: 'IMPI',
  IN: 'IPINDIA',
  SG: 'IPOS',
  MY: 'MYIPO',
  PH: 'IPOPHL',
  TH: 'DIP',
  VN: 'NOIP',
  SA: 'SAIP',
  AE: 'AE-MOE',
  AU: 'IPAUSTRALIA',
  CA: 'CIPO',
  TR: 'TURKPATENT',
  INT: 'WIPO',
};

/** One office's rules as written in rules.json, under its canonical code. */
export interface OfficeRule extends OfficeRuleData {
  code: OfficeCode;
}

export class UnknownOfficeError extends DomainError {
  constructor(office: string) {
    super(
      'unknown_office',
      `office "${office}" has no deadline rules: use one of ${OFFICE_CODES.join(', ')} or an ISO country code (e.g. BR, ID, EU)`,
      400,
      { office, knownCodes: [...OFFICE_CODES] },
    );
  }
}

function loadRules(): ReadonlyMap<OfficeCode, OfficeRule> {
  const file = rulesFileSchema.parse(rulesJson);
  const byCode = new Map<OfficeCode, OfficeRule>();
  for (const row of file.rules) {
    const code = CODE_BY_RULES_COUNTRY[row.country];
    if (!code)
      throw new Error(`rules.json: office "${row.office}" has country "${row.country}" with no office code`);
    byCode.set(code, { ...row, code });
  }
  const missing = OFFICE_CODES.filter((code) => !byCode.has(code));
  if (missing.length > 0) throw new Error(`rules.json: no rules for ${missing.join(', ')}`);
  return byCode;
}

// Validated once at module load: a broken rules file must stop start-up, not a deadline later.
const RULES = loadRules();

/**
 * Canonical code for an office code, alias, ISO country or WIPO ST.3 code (case-insensitive):
 * "br" → "INPI-BR", "EM" → "EUIPO". The mapping is core's one office id (core/offices.ts); an
 * office without deadline rules is unknown here.
 */
export function officeCodeFor(codeOrCountry: string): OfficeCode {
  const id = canonicalOfficeId(codeOrCountry);
  const found = OFFICE_CODES.find((code) => code === id);
  if (!found) throw new UnknownOfficeError(codeOrCountry);
  return found;
}

/** The office's rules; throws UnknownOfficeError listing the known codes. */
export function officeRule(codeOrCountry: string): OfficeRule {
  const rule = RULES.get(officeCodeFor(codeOrCountry));
  if (!rule) throw new UnknownOfficeError(codeOrCountry);
  return rule;
}

export function allOfficeRules(): readonly OfficeRule[] {
  return OFFICE_CODES.map((code) => officeRule(code));
}

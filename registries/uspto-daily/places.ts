/**
 * Where a USPTO owner is. Addresses carry either `state` (US states and territories, USPS codes)
 * or `country` (two-letter WIPO ST.3 codes, which equal ISO 3166-1 alpha-2 for countries).
 */
const usStates = new Set(
  (
    'AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND ' +
    'OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY'
  ).split(' '),
);
// US territories have their own ISO 3166-1 codes, identical to their USPS codes.
const usTerritories = new Set(['PR', 'GU', 'VI', 'AS', 'MP', 'UM']);

export function countryOfState(state: string | null): string | null {
  if (!state) return null;
  const code = state.trim().toUpperCase();
  if (usStates.has(code)) return 'US';
  return usTerritories.has(code) ? code : null;
}

export function isoCountry(country: string | null): string | null {
  if (!country) return null;
  const code = country.trim().toUpperCase();
  // WIPO ST.3 and ISO differ for the United Kingdom only in older USPTO records.
  if (code === 'UK') return 'GB';
  return /^[A-Z]{2}$/.test(code) ? code : null;
}

/**
 * `legal-entity-type-code` values whose meaning is certain; the USPTO list is long (joint ventures,
 * trusts, LLCs, governments...) and the others are kept as the raw code (`code 16`) rather than guessed.
 */
const legalEntities: Record<string, string> = {
  '01': 'individual',
  '02': 'partnership',
  '03': 'corporation',
};

export function legalEntity(code: string | null): string | null {
  if (!code) return null;
  return legalEntities[code.padStart(2, '0')] ?? `code ${code}`;
}

/** Design search codes are six digits (category, division, section): `020101` -> `02.01.01`. */
export function formatDesignCode(raw: string | null): string | null {
  if (!raw) return null;
  const digits = raw.trim();
  const match = /^(\d{2})(\d{2})(\d{2})$/.exec(digits);
  return match ? `${match[1]}.${match[2]}.${match[3]}` : digits;
}

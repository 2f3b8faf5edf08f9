import { ValidationError } from './errors.ts';

/**
 * One office id everywhere: filings, brands' watched offices, plans, alerts, sources and deadlines
 * all name an office the same way. Offices Markhound knows by name (deadline rules, sources) have an
 * id of their own (`DJKI`, `IPOPHL`); any other national or regional office is named by its WIPO
 * ST.3 code (`DE`, `FR`, `OA`). Office files and callers may use an ISO 3166-1 country, a ST.3 code
 * or an older spelling: `canonicalOfficeId` turns every one into the id, at ingest and at the API and
 * CLI edges, so `/v1/filings/search?offices=ID` and `?offices=DJKI` find the same filings.
 */
export interface NamedOffice {
  id: string;
  name: string;
  /** ISO 3166-1 alpha-2 country (or EU / the ST.3 code of a regional office) the office serves. */
  country: string;
  /** Other codes files and people use for it: ST.3 codes that differ from `country`, old names. */
  aliases: readonly string[];
}

export const NAMED_OFFICES: readonly NamedOffice[] = [
  { id: 'USPTO', name: 'United States Patent and Trademark Office', country: 'US', aliases: [] },
  { id: 'EUIPO', name: 'European Union Intellectual Property Office', country: 'EU', aliases: ['EM'] },
  { id: 'UKIPO', name: 'UK Intellectual Property Office', country: 'GB', aliases: ['UK'] },
  { id: 'CNIPA', name: 'China National Intellectual Property Administration', country: 'CN', aliases: [] },
  { id: 'JPO', name: 'Japan Patent Office', country: 'JP', aliases: [] },
  { id: 'KIPO', name: 'Korean Intellectual Property Office (MOIP)', country: 'KR', aliases: ['MOIP'] },
  {
    id: 'DJKI',
    name: 'Directorate General of Intellectual Property (Indonesia)',
    country: 'ID',
    aliases: ['DGIP'],
  },
  {
    id: 'INPI-BR',
    name: 'Instituto Nacional da Propriedade Industrial (Brazil)',
    country: 'BR',
    aliases: [],
  },
  { id: 'IMPI', name: 'Instituto Mexicano de la Propiedad Industrial', country: 'MX', aliases: [] },
  { id: 'IPINDIA', name: 'Office of the CGPDTM (IP India)', country: 'IN', aliases: ['CGPDTM'] },
  { id: 'IPOS', name: 'Intellectual Property Office of Singapore', country: 'SG', aliases: [] },
  { id: 'MYIPO', name: 'Intellectual Property Corporation of Malaysia', country: 'MY', aliases: [] },
  { id: 'IPOPHL', name: 'Intellectual Property Office of the Philippines', country: 'PH', aliases: [] },
  { id: 'DIP', name: 'Department of Intellectual Property (Thailand)', country: 'TH', aliases: [] },
  {
    id: 'NOIP',
    name: 'Intellectual Property Office of Viet Nam (IP Viet Nam)',
    country: 'VN',
    aliases: ['IPVN'],
  },
  { id: 'SAIP', name: 'Saudi Authority for Intellectual Property', country: 'SA', aliases: [] },
  { id: 'AE-MOE', name: 'UAE Ministry of Economy', country: 'AE', aliases: [] },
  { id: 'IPAUSTRALIA', name: 'IP Australia', country: 'AU', aliases: [] },
  { id: 'CIPO', name: 'Canadian Intellectual Property Office', country: 'CA', aliases: [] },
  { id: 'TURKPATENT', name: 'Turkish Patent and Trademark Office', country: 'TR', aliases: [] },
  // ST.3 gives WIPO two codes: WO (the organization) and IB (the International Bureau).
  { id: 'WIPO', name: 'WIPO (Madrid System)', country: 'WO', aliases: ['IB'] },
];

/** ISO 3166-1 alpha-2: the ST.3 code of each national office. */
const ISO_3166_ALPHA2 = (
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV ' +
  'BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ' +
  'ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE ' +
  'IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY ' +
  'MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU ' +
  'NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM ' +
  'SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE ' +
  'VG VI VN VU WF WS YE YT ZA ZM ZW'
).split(' ');

/**
 * WIPO ST.3 codes of regional offices and organizations (beside the ISO countries): ARIPO, BOIP,
 * EAPO, EPO, GCC Patent Office, OAPI, Nordic Patent Institute, Visegrad Patent Institute, CPVO, UPOV.
 */
const ST3_ORGANIZATIONS = ['AP', 'BX', 'EA', 'EP', 'GC', 'OA', 'XN', 'XV', 'QZ', 'XU'];

const BY_CODE: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  for (const code of [...ISO_3166_ALPHA2, ...ST3_ORGANIZATIONS]) map.set(code, code);
  for (const office of NAMED_OFFICES) {
    for (const code of [office.id, office.country, ...office.aliases]) map.set(code, office.id);
  }
  return map;
})();

export const NAMED_OFFICE_IDS: readonly string[] = NAMED_OFFICES.map((o) => o.id);

/**
 * The canonical office id for an office id, alias, ISO 3166-1 country or WIPO ST.3 code, in any
 * case: `id` → `DJKI`, `em` → `EUIPO`, `DE` → `DE`. Null when the value names no office.
 */
export function canonicalOfficeId(code: string | null | undefined): string | null {
  if (!code) return null;
  return BY_CODE.get(code.trim().toUpperCase()) ?? null;
}

/** What to say when a value names no office: the ids, and what else is accepted. */
export function unknownOfficeMessage(value: string, what = 'office'): string {
  return `${what} "${value}" is not an office Markhound knows: use an office id (${NAMED_OFFICE_IDS.join(', ')}), or an ISO 3166-1 country or WIPO ST.3 code (e.g. ID for DJKI, PH for IPOPHL, DE)`;
}

/** `canonicalOfficeId`, or a ValidationError (HTTP 400) listing the valid ids. */
export function officeIdOrThrow(value: string, what = 'office'): string {
  const id = canonicalOfficeId(value);
  if (!id)
    throw new ValidationError(unknownOfficeMessage(value, what), { value, validIds: NAMED_OFFICE_IDS });
  return id;
}

/** Every value an office is known by (id, country, aliases), for the stored-row migration and docs. */
export function officeAliases(): readonly (readonly [code: string, id: string])[] {
  return [...BY_CODE.entries()].filter(([code, id]) => code !== id);
}

/** WIPO ST.3 codes whose office Markhound names differently (deadline rules are keyed by these). */
const OFFICE_BY_ST3: Readonly<Record<string, string>> = {
  US: 'USPTO',
  EM: 'EUIPO',
  WO: 'WIPO',
  IB: 'WIPO',
  BR: 'INPI-BR',
  KR: 'KIPO',
  GB: 'UKIPO',
};

/** Markhound office code for an ST.3 code; unknown offices keep their ST.3 code, upper-cased. */
export function officeFromSt3(st3: string | null | undefined, fallback: string): string {
  const code = st3?.trim().toUpperCase();
  if (!code) return fallback;
  return OFFICE_BY_ST3[code] ?? code;
}

import { canonicalOfficeId } from '../../core/index.ts';

/**
 * Markhound office id for an ST.3 code (`EM` → `EUIPO`, `ID` → `DJKI`, `DE` → `DE`). A code that
 * names no office is kept upper-cased: ingest reports such a record as skipped (registries/adapter.ts).
 */
export function officeFromSt3(st3: string | null | undefined, fallback: string): string {
  const code = st3?.trim().toUpperCase();
  if (!code) return fallback;
  return canonicalOfficeId(code) ?? code;
}

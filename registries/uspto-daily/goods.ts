import type { NiceClassification } from '../../core/filing.ts';
import { allAt, textAt, type XmlElement } from '../xml/index.ts';
import { usptoDate } from './dates.ts';

export interface Statement {
  typeCode: string;
  text: string;
}

/** All `case-file-statement`s with their text lines joined (long texts come split over several `text` elements). */
export function readStatements(caseFile: XmlElement): Statement[] {
  return allAt(caseFile, 'case-file-statements/case-file-statement').flatMap((statement) => {
    const typeCode = textAt(statement, 'type-code');
    const lines = allAt(statement, 'text')
      .map((t) => t.text.trim())
      .filter(Boolean);
    return typeCode && lines.length ? [{ typeCode, text: lines.join(' ') }] : [];
  });
}

/**
 * Goods and services statements are typed `GSnnnx`: `GS` + the three-digit class + a sequence digit
 * (`GS0251` is the first goods text of class 025). Returns class number -> text.
 */
export function goodsByClass(statements: Statement[]): Map<number, string> {
  const goods = new Map<number, string>();
  for (const { typeCode, text } of statements) {
    const match = /^GS(\d{3})\d?$/.exec(typeCode);
    if (!match) continue;
    const niceClass = Number(match[1]);
    const before = goods.get(niceClass);
    goods.set(niceClass, before ? `${before} ${text}` : text);
  }
  return goods;
}

/** Statement type prefixes we name in `extra`; the raw type code is always kept beside the label. */
const statementLabels: Record<string, string> = {
  D0: 'disclaimer',
  DM: 'description of mark',
  TR: 'translation',
  TL: 'transliteration',
  PM: 'pseudo mark',
  CC: 'colors claimed',
};

export function otherStatements(statements: Statement[]): Array<Statement & { label: string | null }> {
  return statements
    .filter((s) => !s.typeCode.startsWith('GS'))
    .map((s) => ({ ...s, label: statementLabels[s.typeCode.slice(0, 2)] ?? null }));
}

export interface UsptoClassification {
  internationalCodes: string[];
  usCodes: string[];
  statusCode: string | null;
  statusDate: string | null;
  firstUseAnywhereDate: string | null;
  firstUseInCommerceDate: string | null;
  primaryCode: string | null;
}

export function readClassifications(caseFile: XmlElement): UsptoClassification[] {
  return allAt(caseFile, 'classifications/classification').map((c) => ({
    internationalCodes: allAt(c, 'international-code')
      .map((x) => x.text.trim())
      .filter(Boolean),
    usCodes: allAt(c, 'us-code')
      .map((x) => x.text.trim())
      .filter(Boolean),
    statusCode: textAt(c, 'status-code'),
    statusDate: usptoDate(textAt(c, 'status-date')),
    firstUseAnywhereDate: usptoDate(textAt(c, 'first-use-anywhere-date')),
    firstUseInCommerceDate: usptoDate(textAt(c, 'first-use-in-commerce-date')),
    primaryCode: textAt(c, 'primary-code'),
  }));
}

/** International code `025` -> 25; the US-only codes (`A`, `B`, `200` for collective membership) are not Nice classes. */
function niceClassOf(code: string): number | null {
  if (!/^\d{1,3}$/.test(code)) return null;
  const n = Number(code);
  return n >= 1 && n <= 45 ? n : null;
}

/**
 * Nice classes with their goods text and the classification's status code (raw USPTO code, e.g.
 * `6` for active). A class named only by a goods statement still counts; each class appears once.
 */
export function niceClasses(
  classifications: UsptoClassification[],
  goods: Map<number, string>,
): NiceClassification[] {
  const byClass = new Map<number, NiceClassification>();
  for (const c of classifications) {
    for (const code of c.internationalCodes) {
      const niceClass = niceClassOf(code);
      if (niceClass === null || byClass.has(niceClass)) continue;
      byClass.set(niceClass, { niceClass, goods: goods.get(niceClass) ?? null, status: c.statusCode });
    }
  }
  for (const [niceClass, text] of goods) {
    if (!byClass.has(niceClass) && niceClass >= 1 && niceClass <= 45) {
      byClass.set(niceClass, { niceClass, goods: text, status: null });
    }
  }
  return [...byClass.values()].sort((a, b) => a.niceClass - b.niceClass);
}

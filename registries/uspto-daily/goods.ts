import type { NiceClassification } from '../../core/filing.ts';
import { digitsAt } from '../calendar-day.ts';
import type { XmlElement } from '../xml/index.ts';
import { usptoDate } from './dates.ts';

export interface Statement {
  typeCode: string;
  text: string;
}

/**
 * All `case-file-statement`s of a `case-file-statements` block, with their text lines joined (long
 * texts come split over several `text` elements). The first `type-code` counts.
 */
export function readStatements(block: XmlElement | undefined): Statement[] {
  const statements: Statement[] = [];
  if (!block) return statements;
  for (const statement of block.children) {
    if (statement.name !== 'case-file-statement') continue;
    let typeCode: string | undefined;
    let text = '';
    for (const c of statement.children) {
      if (c.name === 'type-code') typeCode ??= c.text;
      else if (c.name === 'text' && c.text !== '') text = text === '' ? c.text : text + ' ' + c.text;
    }
    if (typeCode && text !== '') statements.push({ typeCode, text });
  }
  return statements;
}

/**
 * Goods and services statements are typed `GSnnnx`: `GS` + the three-digit class + a sequence digit
 * (`GS0251` is the first goods text of class 025). Returns class number -> text.
 */
export function goodsByClass(statements: Statement[]): Map<number, string> {
  const goods = new Map<number, string>();
  for (const { typeCode, text } of statements) {
    if (!typeCode.startsWith('GS') || (typeCode.length !== 5 && typeCode.length !== 6)) continue;
    const niceClass = digitsAt(typeCode, 2, 3);
    if (niceClass < 0 || (typeCode.length === 6 && digitsAt(typeCode, 5, 1) < 0)) continue;
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

/** The `classification`s of a `classifications` block; the first of each single-valued field counts. */
export function readClassifications(block: XmlElement | undefined): UsptoClassification[] {
  const classifications: UsptoClassification[] = [];
  if (!block) return classifications;
  for (const c of block.children) {
    if (c.name === 'classification') classifications.push(readClassification(c));
  }
  return classifications;
}

function readClassification(classification: XmlElement): UsptoClassification {
  const internationalCodes: string[] = [];
  const usCodes: string[] = [];
  let statusCode: string | undefined;
  let statusDate: string | undefined;
  let firstUseAnywhere: string | undefined;
  let firstUseInCommerce: string | undefined;
  let primaryCode: string | undefined;
  for (const c of classification.children) {
    switch (c.name) {
      case 'international-code':
        if (c.text !== '') internationalCodes.push(c.text);
        break;
      case 'us-code':
        if (c.text !== '') usCodes.push(c.text);
        break;
      case 'status-code':
        statusCode ??= c.text;
        break;
      case 'status-date':
        statusDate ??= c.text;
        break;
      case 'first-use-anywhere-date':
        firstUseAnywhere ??= c.text;
        break;
      case 'first-use-in-commerce-date':
        firstUseInCommerce ??= c.text;
        break;
      case 'primary-code':
        primaryCode ??= c.text;
        break;
    }
  }
  return {
    internationalCodes,
    usCodes,
    statusCode: statusCode || null,
    statusDate: usptoDate(statusDate || null),
    firstUseAnywhereDate: usptoDate(firstUseAnywhere || null),
    firstUseInCommerceDate: usptoDate(firstUseInCommerce || null),
    primaryCode: primaryCode || null,
  };
}

/** International code `025` -> 25; the US-only codes (`A`, `B`, `200` for collective membership) are not Nice classes. */
function niceClassOf(code: string): number | null {
  if (code.length < 1 || code.length > 3) return null;
  const n = digitsAt(code, 0, code.length);
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

import { hash } from 'node:crypto';
import type { Filing, MarkImageRef, Party, PriorityClaim } from '../../core/filing.ts';
import { dayFirstDate } from '../gazette/index.ts';
import type { ContentsRow, InidField } from './page-kinds.ts';

/** What the gazette issue says of all its entries (from the cover). */
export interface IssueFacts {
  number: string | null;
  /** First day of the announcement period: the publication the opposition window counts from. */
  announced: string | null;
  /** Last day of the announcement period as printed. */
  announcedUntil: string | null;
}

const NONE = /^-?$/;
const valueOf = (fields: readonly InidField[], inid: string): string | null => {
  const v = fields.find((f) => f.inid === inid)?.value.trim() ?? null;
  return v === null || NONE.test(v) ? null : v;
};

function classesOf(text: string | null): number[] {
  return [...(text ?? '').matchAll(/\d{1,2}/g)].map((m) => Number(m[0])).filter((n) => n >= 1 && n <= 45);
}

/** "PT Kopi Senja, Jl. Kemang Raya 12, Jakarta, ID": name, then address; a trailing 2-letter country. */
function partyOf(text: string | null, role: string): Party | null {
  if (!text) return null;
  const [name, ...rest] = text.split(',').map((s) => s.trim());
  const country = rest.length > 0 && /^[A-Z]{2}$/.test(rest[rest.length - 1]!) ? rest.pop()! : null;
  return { name: name!, country, address: rest.length > 0 ? rest.join(', ') : null, entityType: null, role };
}

/** "US 99/123,456 10/06/2026": office, number, date. */
function priorityOf(text: string | null): PriorityClaim[] {
  if (!text) return [];
  const m = /^([A-Z]{2})\s+(.+?)\s+(\d{1,2}[./-]\d{1,2}[./-]\d{4})$/.exec(text);
  return [
    m
      ? { country: m[1]!, number: m[2]!, date: dayFirstDate(m[3]) }
      : { country: null, number: text, date: null },
  ];
}

const STATUS_TEXT = 'Diumumkan dalam Berita Resmi Merek (announced for opposition)';

/** A detail page's INID fields → Filing. Null when the page names no application number. */
export function mapDetailPage(
  fields: readonly InidField[],
  issue: IssueFacts,
  page: number,
  image: MarkImageRef | null,
  bodyText: string,
): Filing | null {
  const serialNumber = valueOf(fields, '210');
  if (!serialNumber) return null;
  const markText = valueOf(fields, '540');
  const classes = classesOf(valueOf(fields, '511'));
  const goods = valueOf(fields, '510');
  const applicant = partyOf(valueOf(fields, '730'), 'applicant');
  return {
    office: 'DJKI',
    serialNumber,
    registrationNumber: null,
    markText,
    markKind: image ? (markText ? 'combined' : 'figurative') : markText ? 'word' : 'unknown',
    markImage: image,
    applicants: applicant ? [applicant] : [],
    filingDate: dayFirstDate(valueOf(fields, '220')),
    publicationDate: issue.announced,
    registrationDate: null,
    statusCode: null,
    statusText: STATUS_TEXT,
    statusDate: issue.announced,
    statusCategory: 'published',
    // The gazette gives one goods text for all the entry's classes.
    classes: classes.map((niceClass) => ({ niceClass, goods, status: null })),
    designCodes: [],
    priorityClaims: priorityOf(valueOf(fields, '300')),
    extra: {
      gazette: issue.number,
      announcedUntil: issue.announcedUntil,
      page,
      representative: valueOf(fields, '740'),
      colours: valueOf(fields, '591'),
    },
    sourceRecordHash: hash('sha256', `${bodyText}\u0000${image?.sha256 ?? ''}`, 'hex'),
  };
}

/**
 * An entry whose detail page could not be read (a scan, or missing), filed from its contents row:
 * number, date, classes and words are there, so a watch still sees it; `extra.incomplete` says what
 * is missing and why.
 */
export function mapContentsRow(row: ContentsRow, issue: IssueFacts, why: string): Filing {
  return {
    office: 'DJKI',
    serialNumber: row.applicationNumber,
    registrationNumber: null,
    markText: row.mark,
    markKind: row.mark ? 'unknown' : 'figurative',
    markImage: null,
    applicants: [],
    filingDate: dayFirstDate(row.received),
    publicationDate: issue.announced,
    registrationDate: null,
    statusCode: null,
    statusText: STATUS_TEXT,
    statusDate: issue.announced,
    statusCategory: 'published',
    classes: row.classes.map((niceClass) => ({ niceClass, goods: null, status: null })),
    designCodes: [],
    priorityClaims: [],
    extra: {
      gazette: issue.number,
      announcedUntil: issue.announcedUntil,
      incomplete: why,
      from: 'contents table',
    },
    sourceRecordHash: hash('sha256', JSON.stringify(row), 'hex'),
  };
}

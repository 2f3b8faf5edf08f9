import type { PdfLine } from '../pdf/index.ts';

/** An entry starts with the application number and its date: "6712345    14/02/2025". */
export const ENTRY_START = /^(\d{5,9})\s+(\d{2}\/\d{2}\/\d{4})\b/;
/** The word mark is set far larger than the entry's details (24 pt against 8-12 pt). */
export const MARK_MIN_HEIGHT = 16;
const ADDRESS_FOR_SERVICE = /^Address for service in India/i;
const USED_SINCE = /^Used Since\s*:?\s*(\d{2}\/\d{2}\/\d{4})/i;
const PROPOSED = /^Proposed to be Used/i;
const PRIORITY = /^Priority claimed/i;

/** The text of one entry, cut out of the pages by layout. */
export interface EntryText {
  applicationNumber: string;
  filed: string;
  mark: string | null;
  /** Page the entry starts on, and the header facts of that page. */
  page: number;
  niceClass: number | null;
  /** Detail lines after the entry's first line, across pages. */
  lines: string[];
}

export interface EntryFields {
  proprietor: string | null;
  address: string | null;
  entityType: string | null;
  agent: string | null;
  usedSince: string | null;
  proposedToBeUsed: boolean;
  office: string | null;
  goods: string | null;
  priority: string | null;
}

/**
 * The parts of an entry, by their markers in the order the journal prints them: proprietor, address
 * lines, entity type (the line before "Address for service"), the agent, "Used Since"/"Proposed to
 * be Used", the office, and the goods to the end.
 */
export function entryFields(lines: readonly string[]): EntryFields {
  const service = lines.findIndex((l) => ADDRESS_FOR_SERVICE.test(l));
  const use = lines.findIndex((l) => USED_SINCE.test(l) || PROPOSED.test(l));
  const ownerEnd = service >= 0 ? service : use >= 0 ? use : Math.min(lines.length, 3);
  const owner = lines.slice(0, ownerEnd);
  const hasEntity = owner.length >= 3;
  const after = use >= 0 ? lines.slice(use + 1) : [];
  const priorityAt = after.findIndex((l) => PRIORITY.test(l));
  const priority = priorityAt >= 0 ? after.splice(priorityAt, 1)[0]! : null;
  const join = (parts: readonly string[]) => parts.join(' ').replace(/\s+/g, ' ').trim() || null;
  return {
    proprietor: owner[0] ?? null,
    address: join(owner.slice(1, hasEntity ? -1 : undefined)),
    entityType: hasEntity ? owner[owner.length - 1]! : null,
    agent: service >= 0 ? join(lines.slice(service + 1, use >= 0 ? use : undefined)) : null,
    usedSince: use >= 0 ? (USED_SINCE.exec(lines[use]!)?.[1] ?? null) : null,
    proposedToBeUsed: use >= 0 && PROPOSED.test(lines[use]!),
    office: after[0] ?? null,
    goods: join(after.slice(1)),
    priority,
  };
}

/** Header facts of a journal page: "Trade Marks Journal No: 2170 , 10/11/2026" and "Class 35". */
export interface PageHeader {
  journal: number | null;
  date: string | null;
  niceClass: number | null;
}

export function pageHeader(lines: readonly PdfLine[]): PageHeader {
  const text = lines.map((l) => l.text).join(' ');
  const j = /Trade Marks Journal No\s*:\s*(\d+)\s*,\s*(\d{2}\/\d{2}\/\d{4})/i.exec(text);
  const c = /\bClass\s+(\d{1,2})\b/.exec(text);
  return { journal: j ? Number(j[1]) : null, date: j?.[2] ?? null, niceClass: c ? Number(c[1]) : null };
}

import { hash } from 'node:crypto';
import type { Filing, MarkImageRef } from '../../core/filing.ts';
import { dayFirstDate } from '../gazette/index.ts';
import { entryFields, type EntryText } from './entries.ts';

export interface JournalFacts {
  journal: number | null;
  /** The journal's date: the advertisement the 4-month opposition window counts from. */
  published: string | null;
}

export function mapEntry(entry: EntryText, journal: JournalFacts, image: MarkImageRef | null): Filing {
  const f = entryFields(entry.lines);
  const device = entry.mark === null;
  return {
    office: 'IPINDIA',
    serialNumber: entry.applicationNumber,
    registrationNumber: null,
    markText: entry.mark,
    markKind: device ? (image ? 'figurative' : 'unknown') : 'word',
    markImage: image,
    applicants: f.proprietor
      ? [
          {
            name: f.proprietor,
            country: null,
            address: f.address,
            entityType: f.entityType,
            role: 'proprietor',
          },
        ]
      : [],
    filingDate: dayFirstDate(entry.filed),
    publicationDate: journal.published,
    registrationDate: null,
    statusCode: null,
    statusText: 'Advertised in the Trade Marks Journal',
    statusDate: journal.published,
    statusCategory: 'published',
    classes: entry.niceClass ? [{ niceClass: entry.niceClass, goods: f.goods, status: null }] : [],
    designCodes: [],
    priorityClaims: [],
    extra: {
      journal: journal.journal,
      page: entry.page,
      agent: f.agent,
      usedSince: dayFirstDate(f.usedSince),
      proposedToBeUsed: f.proposedToBeUsed,
      appropriateOffice: f.office,
      ...(f.priority ? { priority: f.priority } : {}),
      ...(device ? { deviceMark: true } : {}),
      ...(device && !image
        ? { incomplete: `device mark on page ${entry.page} whose image could not be extracted` }
        : {}),
    },
    sourceRecordHash: hash(
      'sha256',
      [entry.applicationNumber, entry.filed, entry.mark ?? '', ...entry.lines, image?.sha256 ?? ''].join(
        '\u0000',
      ),
      'hex',
    ),
  };
}

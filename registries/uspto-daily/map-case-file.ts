import type { Filing, ParsedRecord } from '../../core/filing.ts';
import { recordHash } from '../record-hash.ts';
import type { XmlElement } from '../xml/index.ts';
import { usptoDate } from './dates.ts';
import { goodsByClass, niceClasses, otherStatements, readClassifications, readStatements } from './goods.ts';
import { headerExtra, readHeader } from './header.ts';
import { usptoMarkKind } from './mark-kind.ts';
import { readOwners } from './owners.ts';
import {
  readDesignCodes,
  readEvents,
  readForeignApplications,
  readMadrid,
  readPriorRegistrations,
} from './related.ts';
import { usptoStatus } from './status-codes.ts';

/** Pending applications carry `0000000` as registration number: that is no registration. */
function registrationNumberOf(value: string | null): string | null {
  return value && /[1-9]/.test(value) ? value : null;
}

function correspondentOf(correspondents: readonly XmlElement[]): string | null {
  const lines: string[] = [];
  for (const correspondent of correspondents) {
    for (const line of correspondent.children) if (line.text !== '') lines.push(line.text);
  }
  return lines.length ? lines.join(', ') : null;
}

/** The parts of a case-file the mapping reads, found in one pass over its children (the first of each counts). */
interface CaseFileParts {
  serialNumber: string | null;
  registrationNumber: string | null;
  transactionDate: string | null;
  header: XmlElement | undefined;
  statements: XmlElement | undefined;
  classifications: XmlElement | undefined;
  owners: XmlElement | undefined;
  events: XmlElement | undefined;
  designSearches: XmlElement | undefined;
  priorRegistrations: XmlElement | undefined;
  foreignApplications: XmlElement | undefined;
  internationalRegistration: XmlElement | undefined;
  madridRequests: XmlElement | undefined;
  correspondents: XmlElement[];
}

function splitCaseFile(caseFile: XmlElement): CaseFileParts {
  // Every field present from the start: adding them as found would give each record's object its own shape.
  const parts: CaseFileParts = {
    serialNumber: null,
    registrationNumber: null,
    transactionDate: null,
    header: undefined,
    statements: undefined,
    classifications: undefined,
    owners: undefined,
    events: undefined,
    designSearches: undefined,
    priorRegistrations: undefined,
    foreignApplications: undefined,
    internationalRegistration: undefined,
    madridRequests: undefined,
    correspondents: [],
  };
  let serialNumber: string | undefined;
  let registrationNumber: string | undefined;
  let transactionDate: string | undefined;
  for (const c of caseFile.children) {
    switch (c.name) {
      case 'serial-number':
        serialNumber ??= c.text;
        break;
      case 'registration-number':
        registrationNumber ??= c.text;
        break;
      case 'transaction-date':
        transactionDate ??= c.text;
        break;
      case 'case-file-header':
        parts.header ??= c;
        break;
      case 'case-file-statements':
        parts.statements ??= c;
        break;
      case 'classifications':
        parts.classifications ??= c;
        break;
      case 'case-file-owners':
        parts.owners ??= c;
        break;
      case 'case-file-event-statements':
        parts.events ??= c;
        break;
      case 'design-searches':
        parts.designSearches ??= c;
        break;
      case 'prior-registration-applications':
        parts.priorRegistrations ??= c;
        break;
      case 'foreign-applications':
        parts.foreignApplications ??= c;
        break;
      case 'international-registration':
        parts.internationalRegistration ??= c;
        break;
      case 'madrid-international-filing-requests':
        parts.madridRequests ??= c;
        break;
      case 'correspondent':
        parts.correspondents.push(c);
        break;
    }
  }
  parts.serialNumber = serialNumber || null;
  parts.registrationNumber = registrationNumber || null;
  parts.transactionDate = transactionDate || null;
  return parts;
}

/**
 * Turns one `case-file` element into a Filing, or a skip naming why it cannot be one. `source` is
 * the record as written in the file, for its hash. The case-file's children are visited once and
 * each reader walks only its own block: this runs for every record of files with millions of them.
 */
export function mapCaseFile(
  caseFile: XmlElement,
  recordIndex: number,
  office: string,
  source: string,
): ParsedRecord {
  const parts = splitCaseFile(caseFile);
  const serialNumber = parts.serialNumber;
  if (!serialNumber) {
    return {
      kind: 'skip',
      skip: {
        recordIndex,
        serialNumber: null,
        reason: 'case-file has no serial-number; it cannot be stored or matched',
      },
    };
  }
  const fields = readHeader(parts.header);
  const statusCode = fields.text('status-code');
  const status = usptoStatus(statusCode);
  const statements = readStatements(parts.statements);
  const classifications = readClassifications(parts.classifications);
  const owners = readOwners(parts.owners);
  const foreign = readForeignApplications(parts.foreignApplications);
  const threeD = fields.isTrue('drawing-3d-current-in') || fields.isTrue('drawing-3d-filed-in');

  const filing: Filing = {
    office,
    serialNumber,
    registrationNumber: registrationNumberOf(parts.registrationNumber),
    markText: fields.text('mark-identification'),
    markKind: usptoMarkKind(fields.text('mark-drawing-code'), threeD),
    markImage: null,
    applicants: owners.current,
    filingDate: usptoDate(fields.text('filing-date')),
    publicationDate: usptoDate(fields.text('published-for-opposition-date')),
    registrationDate: usptoDate(fields.text('registration-date')),
    statusCode,
    statusText: status.text,
    statusDate: usptoDate(fields.text('status-date')),
    statusCategory: status.category,
    classes: niceClasses(classifications, goodsByClass(statements)),
    designCodes: readDesignCodes(parts.designSearches),
    priorityClaims: foreign.priorityClaims,
    extra: {
      transactionDate: usptoDate(parts.transactionDate),
      markDrawingCode: fields.text('mark-drawing-code'),
      ...headerExtra(fields),
      statements: otherStatements(statements),
      classifications,
      events: readEvents(parts.events),
      previousOwners: owners.previous,
      priorRegistrations: readPriorRegistrations(parts.priorRegistrations),
      foreignApplications: foreign.all,
      madrid: readMadrid(parts.internationalRegistration, parts.madridRequests),
      correspondent: correspondentOf(parts.correspondents),
    },
    sourceRecordHash: recordHash(source),
  };
  return { kind: 'filing', filing };
}

import type { Filing, ParsedRecord } from '../../core/filing.ts';
import { recordHash } from '../record-hash.ts';
import { allAt, at, childTexts, fieldText, textAt, type XmlElement } from '../xml/index.ts';
import { usptoDate } from './dates.ts';
import { goodsByClass, niceClasses, otherStatements, readClassifications, readStatements } from './goods.ts';
import { headerExtra, isTrue } from './header.ts';
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
function registrationNumberOf(caseFile: XmlElement): string | null {
  const value = textAt(caseFile, 'registration-number');
  return value && /[1-9]/.test(value) ? value : null;
}

function correspondentOf(caseFile: XmlElement): string | null {
  const lines = allAt(caseFile, 'correspondent')
    .flatMap((c) => c.children)
    .map((line) => line.text.trim())
    .filter(Boolean);
  return lines.length ? lines.join(', ') : null;
}

/** Turns one `case-file` element into a Filing, or a skip naming why it cannot be one. */
export function mapCaseFile(caseFile: XmlElement, recordIndex: number, office: string): ParsedRecord {
  const serialNumber = textAt(caseFile, 'serial-number');
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
  const header = at(caseFile, 'case-file-header');
  const fields = childTexts(header);
  const statusCode = fieldText(fields, 'status-code');
  const status = usptoStatus(statusCode);
  const statements = readStatements(caseFile);
  const classifications = readClassifications(caseFile);
  const owners = readOwners(caseFile);
  const foreign = readForeignApplications(caseFile);
  const threeD = isTrue(fields, 'drawing-3d-current-in') || isTrue(fields, 'drawing-3d-filed-in');

  const filing: Filing = {
    office,
    serialNumber,
    registrationNumber: registrationNumberOf(caseFile),
    markText: fieldText(fields, 'mark-identification'),
    markKind: usptoMarkKind(fieldText(fields, 'mark-drawing-code'), threeD),
    markImage: null,
    applicants: owners.current,
    filingDate: usptoDate(fieldText(fields, 'filing-date')),
    publicationDate: usptoDate(fieldText(fields, 'published-for-opposition-date')),
    registrationDate: usptoDate(fieldText(fields, 'registration-date')),
    statusCode,
    statusText: status.text,
    statusDate: usptoDate(fieldText(fields, 'status-date')),
    statusCategory: status.category,
    classes: niceClasses(classifications, goodsByClass(statements)),
    designCodes: readDesignCodes(caseFile),
    priorityClaims: foreign.priorityClaims,
    extra: {
      transactionDate: usptoDate(textAt(caseFile, 'transaction-date')),
      markDrawingCode: fieldText(fields, 'mark-drawing-code'),
      ...headerExtra(header, fields),
      statements: otherStatements(statements),
      classifications,
      events: readEvents(caseFile),
      previousOwners: owners.previous,
      priorRegistrations: readPriorRegistrations(caseFile),
      foreignApplications: foreign.all,
      madrid: readMadrid(caseFile),
      correspondent: correspondentOf(caseFile),
    },
    sourceRecordHash: recordHash(caseFile),
  };
  return { kind: 'filing', filing };
}

import type { Filing, ParsedRecord } from '../../core/filing.ts';
import { recordHash } from '../record-hash.ts';
import { ChildIndex, childrenNamed, textAt, type XmlElement } from '../xml/index.ts';
import { calendarDate } from './calendar-date.ts';
import {
  st66DesignCodes,
  st66Events,
  st66Priorities,
  st66Publications,
  st66UsptoExtra,
} from './map-details.ts';
import { st66Goods } from './map-goods.ts';
import { st66Applicants } from './map-parties.ts';
import { markKindFromFeature, markKindFromUsptoDrawingCode } from './mark-kind.ts';
import { officeFromSt3 } from './office-code.ts';
import { oppositionPublicationDate } from './publication.ts';
import { statusCategoryOf } from './status-category.ts';
import { preferEnglish } from './language.ts';

/** Turns one ST.66 `TradeMark` element into a Filing, or a skip naming what is missing. */
export function mapSt66TradeMark(
  tradeMark: XmlElement,
  recordIndex: number,
  defaultOffice: string,
  /** The record as written in the file (with a detached ApplicantDetails block appended), for its hash. */
  source: string,
): ParsedRecord {
  // The TradeMark's children, grouped in one pass: it has a few dozen and is read about twenty times.
  const fields = new ChildIndex(tradeMark);
  const serialNumber = fields.text('ApplicationNumber');
  if (!serialNumber) {
    const registration = fields.text('RegistrationNumber');
    return {
      kind: 'skip',
      skip: {
        recordIndex,
        serialNumber: null,
        reason: `TradeMark record ${recordIndex} has no ApplicationNumber${registration ? ` (RegistrationNumber ${registration})` : ''}; Markhound keys filings by office and application number, so the record was skipped. Ask the office for a corrected file.`,
      },
    };
  }
  return { kind: 'filing', filing: buildFiling(fields, serialNumber, defaultOffice, source) };
}

function buildFiling(
  fields: ChildIndex,
  serialNumber: string,
  defaultOffice: string,
  source: string,
): Filing {
  const office = officeFromSt3(fields.text('RegistrationOfficeCode'), defaultOffice);
  const usptoExtra = st66UsptoExtra(fields);
  const statusCode = fields.text('MarkCurrentStatusCode');
  const statusText =
    (usptoExtra?.statusDescription as string | null | undefined) ??
    (statusCode && !/^\d+$/.test(statusCode) ? statusCode : null);
  const { parties, applicantIds } = st66Applicants(fields);
  const imageFileName = textAt(fields.first('MarkImageDetails'), 'MarkImage/MarkImageFilename');
  const goods = st66Goods(fields);
  const publications = st66Publications(fields);
  const markFeature = fields.text('MarkFeature');
  let markKind = markKindFromFeature(markFeature);
  if (markKind === 'unknown' && usptoExtra)
    markKind = markKindFromUsptoDrawingCode(usptoExtra.markDrawingCode as string | null);

  const extra: Record<string, unknown> = {
    markFeature,
    kindMark: fields.text('KindMark'),
    expiryDate: calendarDate(fields.text('ExpiryDate')),
    markDescription: textAt(preferEnglish(childrenNamed(fields.first('MarkDescriptionDetails'), 'MarkDescription'))),
    disclaimer: textAt(preferEnglish(childrenNamed(fields.first('MarkDisclaimerDetails'), 'MarkDisclaimer'))),
    publications,
    events: st66Events(fields),
  };
  if (applicantIds.length > 0) extra.applicantIds = applicantIds;
  if (goods.otherClasses.length > 0) extra.otherClasses = goods.otherClasses;
  if (Object.keys(goods.usClasses).length > 0) extra.usClasses = goods.usClasses;
  if (usptoExtra) extra.uspto = usptoExtra;

  return {
    office,
    serialNumber,
    registrationNumber: fields.text('RegistrationNumber'),
    markText: textAt(fields.first('WordMarkSpecification'), 'MarkVerbalElementText'),
    markKind,
    markImage: imageFileName ? { sha256: null, mimeType: null, sourceName: imageFileName } : null,
    applicants: parties,
    filingDate: calendarDate(fields.text('ApplicationDate')),
    publicationDate: oppositionPublicationDate(publications),
    registrationDate: calendarDate(fields.text('RegistrationDate')),
    statusCode,
    statusText,
    statusDate: calendarDate(fields.text('MarkCurrentStatusDate')),
    statusCategory: statusCategoryOf(statusCode, statusText, office),
    classes: goods.classes,
    designCodes: st66DesignCodes(fields),
    priorityClaims: st66Priorities(fields),
    extra,
    sourceRecordHash: recordHash(source),
  };
}

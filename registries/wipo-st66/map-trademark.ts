import type { Filing, ParsedRecord } from '../../core/filing.ts';
import { recordHash } from '../record-hash.ts';
import { allAt, at, childTexts, fieldText, textAt, type XmlElement } from '../xml/index.ts';
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
  // The TradeMark's own text fields, read in one pass: it has a few dozen children and ten are read.
  const fields = childTexts(tradeMark);
  const serialNumber = fieldText(fields, 'ApplicationNumber');
  if (!serialNumber) {
    const registration = fieldText(fields, 'RegistrationNumber');
    return {
      kind: 'skip',
      skip: {
        recordIndex,
        serialNumber: null,
        reason: `TradeMark record ${recordIndex} has no ApplicationNumber${registration ? ` (RegistrationNumber ${registration})` : ''}; Markhound keys filings by office and application number, so the record was skipped. Ask the office for a corrected file.`,
      },
    };
  }
  return { kind: 'filing', filing: buildFiling(tradeMark, fields, serialNumber, defaultOffice, source) };
}

function buildFiling(
  tradeMark: XmlElement,
  fields: ReadonlyMap<string, string | null>,
  serialNumber: string,
  defaultOffice: string,
  source: string,
): Filing {
  const office = officeFromSt3(fieldText(fields, 'RegistrationOfficeCode'), defaultOffice);
  const usptoExtra = st66UsptoExtra(tradeMark);
  const statusCode = fieldText(fields, 'MarkCurrentStatusCode');
  const statusText =
    (usptoExtra?.statusDescription as string | null | undefined) ??
    (statusCode && !/^\d+$/.test(statusCode) ? statusCode : null);
  const { parties, applicantIds } = st66Applicants(tradeMark);
  const imageFileName = textAt(tradeMark, 'MarkImageDetails/MarkImage/MarkImageFilename');
  const goods = st66Goods(tradeMark);
  const publications = st66Publications(tradeMark);
  const markFeature = fieldText(fields, 'MarkFeature');
  let markKind = markKindFromFeature(markFeature);
  if (markKind === 'unknown' && usptoExtra)
    markKind = markKindFromUsptoDrawingCode(usptoExtra.markDrawingCode as string | null);

  const extra: Record<string, unknown> = {
    markFeature,
    kindMark: fieldText(fields, 'KindMark'),
    expiryDate: calendarDate(fieldText(fields, 'ExpiryDate')),
    markDescription: textAt(preferEnglish(allAt(tradeMark, 'MarkDescriptionDetails/MarkDescription'))),
    disclaimer: textAt(preferEnglish(allAt(tradeMark, 'MarkDisclaimerDetails/MarkDisclaimer'))),
    publications,
    events: st66Events(tradeMark),
  };
  if (applicantIds.length > 0) extra.applicantIds = applicantIds;
  if (goods.otherClasses.length > 0) extra.otherClasses = goods.otherClasses;
  if (Object.keys(goods.usClasses).length > 0) extra.usClasses = goods.usClasses;
  if (usptoExtra) extra.uspto = usptoExtra;

  return {
    office,
    serialNumber,
    registrationNumber: fieldText(fields, 'RegistrationNumber'),
    markText: textAt(at(tradeMark, 'WordMarkSpecification'), 'MarkVerbalElementText'),
    markKind,
    markImage: imageFileName ? { sha256: null, mimeType: null, sourceName: imageFileName } : null,
    applicants: parties,
    filingDate: calendarDate(fieldText(fields, 'ApplicationDate')),
    publicationDate: oppositionPublicationDate(publications),
    registrationDate: calendarDate(fieldText(fields, 'RegistrationDate')),
    statusCode,
    statusText,
    statusDate: calendarDate(fieldText(fields, 'MarkCurrentStatusDate')),
    statusCategory: statusCategoryOf(statusCode, statusText, office),
    classes: goods.classes,
    designCodes: st66DesignCodes(tradeMark),
    priorityClaims: st66Priorities(tradeMark),
    extra,
    sourceRecordHash: recordHash(source),
  };
}

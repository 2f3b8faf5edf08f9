import type { Filing, ParsedRecord } from '../../core/filing.ts';
import { recordHash } from '../record-hash.ts';
import { childrenNamed, textAt, type XmlElement } from '../xml/index.ts';
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

/**
 * The TradeMark's children the mapping reads, found in one pass over them (a TradeMark has a few
 * dozen children, and this runs on every record of a bulk file). The first of each counts, except
 * `ApplicantDetails`, where every block does (TSDR files add a detached one at the end).
 */
interface TradeMarkFields {
  applicationNumber?: XmlElement;
  registrationNumber?: XmlElement;
  registrationOfficeCode?: XmlElement;
  applicationDate?: XmlElement;
  registrationDate?: XmlElement;
  expiryDate?: XmlElement;
  statusCode?: XmlElement;
  statusDate?: XmlElement;
  kindMark?: XmlElement;
  markFeature?: XmlElement;
  wordMark?: XmlElement;
  imageDetails?: XmlElement;
  descriptionDetails?: XmlElement;
  disclaimerDetails?: XmlElement;
  goodsDetails?: XmlElement;
  priorityDetails?: XmlElement;
  publicationDetails?: XmlElement;
  eventDetails?: XmlElement;
  usptoExt?: XmlElement;
  applicantDetails: XmlElement[];
}

function readFields(tradeMark: XmlElement): TradeMarkFields {
  const f: TradeMarkFields = { applicantDetails: [] };
  for (const c of tradeMark.children) {
    switch (c.name) {
      case 'ApplicationNumber':
        f.applicationNumber ??= c;
        break;
      case 'RegistrationNumber':
        f.registrationNumber ??= c;
        break;
      case 'RegistrationOfficeCode':
        f.registrationOfficeCode ??= c;
        break;
      case 'ApplicationDate':
        f.applicationDate ??= c;
        break;
      case 'RegistrationDate':
        f.registrationDate ??= c;
        break;
      case 'ExpiryDate':
        f.expiryDate ??= c;
        break;
      case 'MarkCurrentStatusCode':
        f.statusCode ??= c;
        break;
      case 'MarkCurrentStatusDate':
        f.statusDate ??= c;
        break;
      case 'KindMark':
        f.kindMark ??= c;
        break;
      case 'MarkFeature':
        f.markFeature ??= c;
        break;
      case 'WordMarkSpecification':
        f.wordMark ??= c;
        break;
      case 'MarkImageDetails':
        f.imageDetails ??= c;
        break;
      case 'MarkDescriptionDetails':
        f.descriptionDetails ??= c;
        break;
      case 'MarkDisclaimerDetails':
        f.disclaimerDetails ??= c;
        break;
      case 'GoodsServicesDetails':
        f.goodsDetails ??= c;
        break;
      case 'PriorityDetails':
        f.priorityDetails ??= c;
        break;
      case 'PublicationDetails':
        f.publicationDetails ??= c;
        break;
      case 'MarkEventDetails':
        f.eventDetails ??= c;
        break;
      case 'TradeMarkExt':
        f.usptoExt ??= c;
        break;
      case 'ApplicantDetails':
        f.applicantDetails.push(c);
        break;
    }
  }
  return f;
}

/** Text of an element; absent or blank is null. */
const textOf = (el: XmlElement | undefined): string | null => el?.text || null;

/** Turns one ST.66 `TradeMark` element into a Filing, or a skip naming what is missing. */
export function mapSt66TradeMark(
  tradeMark: XmlElement,
  recordIndex: number,
  defaultOffice: string,
  /** The record as written in the file (with a detached ApplicantDetails block appended), for its hash. */
  source: string,
): ParsedRecord {
  const fields = readFields(tradeMark);
  const serialNumber = textOf(fields.applicationNumber);
  if (!serialNumber) {
    const registration = textOf(fields.registrationNumber);
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
  fields: TradeMarkFields,
  serialNumber: string,
  defaultOffice: string,
  source: string,
): Filing {
  const office = officeFromSt3(textOf(fields.registrationOfficeCode), defaultOffice);
  const usptoExtra = st66UsptoExtra(fields.usptoExt);
  const statusCode = textOf(fields.statusCode);
  const statusText =
    (usptoExtra?.statusDescription as string | null | undefined) ??
    (statusCode && !isDigits(statusCode) ? statusCode : null);
  const { parties, applicantIds } = st66Applicants(fields.applicantDetails);
  const imageFileName = textAt(fields.imageDetails, 'MarkImage/MarkImageFilename');
  const goods = st66Goods(fields.goodsDetails);
  const publications = st66Publications(fields.publicationDetails);
  const markFeature = textOf(fields.markFeature);
  let markKind = markKindFromFeature(markFeature);
  if (markKind === 'unknown' && usptoExtra)
    markKind = markKindFromUsptoDrawingCode(usptoExtra.markDrawingCode as string | null);

  const extra: Record<string, unknown> = {
    markFeature,
    kindMark: textOf(fields.kindMark),
    expiryDate: calendarDate(textOf(fields.expiryDate)),
    markDescription: textAt(preferEnglish(childrenNamed(fields.descriptionDetails, 'MarkDescription'))),
    disclaimer: textAt(preferEnglish(childrenNamed(fields.disclaimerDetails, 'MarkDisclaimer'))),
    publications,
    events: st66Events(fields.eventDetails),
  };
  if (applicantIds.length > 0) extra.applicantIds = applicantIds;
  if (goods.otherClasses.length > 0) extra.otherClasses = goods.otherClasses;
  for (const _ in goods.usClasses) {
    extra.usClasses = goods.usClasses;
    break;
  }
  if (usptoExtra) extra.uspto = usptoExtra;

  return {
    office,
    serialNumber,
    registrationNumber: textOf(fields.registrationNumber),
    markText: textAt(fields.wordMark, 'MarkVerbalElementText'),
    markKind,
    markImage: imageFileName ? { sha256: null, mimeType: null, sourceName: imageFileName } : null,
    applicants: parties,
    filingDate: calendarDate(textOf(fields.applicationDate)),
    publicationDate: oppositionPublicationDate(publications),
    registrationDate: calendarDate(textOf(fields.registrationDate)),
    statusCode,
    statusText,
    statusDate: calendarDate(textOf(fields.statusDate)),
    statusCategory: statusCategoryOf(statusCode, statusText, office),
    classes: goods.classes,
    designCodes: st66DesignCodes(fields.imageDetails),
    priorityClaims: st66Priorities(fields.priorityDetails),
    extra,
    sourceRecordHash: recordHash(source),
  };
}

/** True for a non-empty run of ASCII digits (a numeric office status code). */
function isDigits(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return text.length > 0;
}

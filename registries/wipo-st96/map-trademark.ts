import type { Filing, ParsedRecord } from '../../core/filing.ts';
import { recordHash } from '../record-hash.ts';
import {
  calendarDate,
  markKindFromFeature,
  markKindFromUsptoDrawingCode,
  officeFromSt3,
  oppositionPublicationDate,
  statusCategoryOf,
} from '../wipo-st66/index.ts';
import { allAt, at, textAt, type XmlElement } from '../xml/index.ts';
import {
  st96DesignCodes,
  st96Events,
  st96ImageFileName,
  st96NationalExtra,
  st96Priorities,
  st96Publications,
} from './map-details.ts';
import { st96Goods } from './map-goods.ts';
import { st96Applicants } from './map-parties.ts';

/** `st96` is ST.96 2.x and later (root `TrademarkTransaction`); `1.0-draft` the obsolete draft (root `Transaction`). */
export type St96Version = 'st96' | '1.0-draft';

export function mapSt96Trademark(
  trademark: XmlElement,
  recordIndex: number,
  version: St96Version,
  defaultOffice: string,
  /** The record as written in the file, for its hash. */
  source: string,
): ParsedRecord {
  // ApplicationNumber is a structure in every ST.96 version seen; a bare text is accepted too.
  const serialNumber =
    textAt(trademark, 'ApplicationNumber/ApplicationNumberText') ?? textAt(trademark, 'ApplicationNumber');
  if (!serialNumber) {
    const registration = textAt(trademark, 'RegistrationNumber');
    return {
      kind: 'skip',
      skip: {
        recordIndex,
        serialNumber: null,
        reason: `Trademark record ${recordIndex} has no ApplicationNumber/ApplicationNumberText${registration ? ` (RegistrationNumber ${registration})` : ''}; Markhound keys filings by office and application number, so the record was skipped. Ask the office for a corrected file.`,
      },
    };
  }
  return { kind: 'filing', filing: buildFiling(trademark, serialNumber, version, defaultOffice, source) };
}

function buildFiling(
  trademark: XmlElement,
  serialNumber: string,
  version: St96Version,
  defaultOffice: string,
  source: string,
): Filing {
  const office = officeFromSt3(textAt(trademark, 'RegistrationOfficeCode'), defaultOffice);
  const national = st96NationalExtra(trademark);
  const statusCode = textAt(trademark, 'MarkCurrentStatusCode');
  const statusText =
    (national?.statusDescription as string | null | undefined) ??
    (statusCode && !/^\d+$/.test(statusCode) ? statusCode : null);
  const goods = st96Goods(trademark);
  const publications = st96Publications(trademark);
  const representation = at(trademark, 'MarkRepresentation');
  const markFeature = textAt(representation, 'MarkFeatureCategory');
  let markKind = markKindFromFeature(markFeature);
  if (markKind === 'unknown' && office === 'USPTO')
    markKind = markKindFromUsptoDrawingCode(national?.markDrawingCode as string | null);
  const imageFileName = st96ImageFileName(trademark);

  const extra: Record<string, unknown> = {
    st96Version: version,
    markFeature,
    markCategories: allAt(trademark, 'MarkCategory')
      .map((c) => textAt(c))
      .filter((c) => c !== null),
    expiryDate: calendarDate(textAt(trademark, 'ExpiryDate')),
    publications,
    events: st96Events(trademark),
  };
  if (goods.otherClasses.length > 0) extra.otherClasses = goods.otherClasses;
  if (Object.keys(goods.nationalClasses).length > 0) extra.usClasses = goods.nationalClasses;
  if (national) extra.uspto = national;

  return {
    office,
    serialNumber,
    registrationNumber: textAt(trademark, 'RegistrationNumber'),
    markText: textAt(representation, 'MarkReproduction/WordMarkSpecification/MarkVerbalElementText'),
    markKind,
    markImage: imageFileName ? { sha256: null, mimeType: null, sourceName: imageFileName } : null,
    applicants: st96Applicants(trademark),
    filingDate: calendarDate(textAt(trademark, 'ApplicationDate')),
    publicationDate: oppositionPublicationDate(publications),
    registrationDate: calendarDate(textAt(trademark, 'RegistrationDate')),
    statusCode,
    statusText,
    statusDate: calendarDate(textAt(trademark, 'MarkCurrentStatusDate')),
    statusCategory: statusCategoryOf(statusCode, statusText, office),
    classes: goods.classes,
    designCodes: st96DesignCodes(trademark),
    priorityClaims: st96Priorities(trademark),
    extra,
    sourceRecordHash: recordHash(source),
  };
}

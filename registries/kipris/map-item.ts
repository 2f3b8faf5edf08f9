import type { Filing, ParsedRecord, PriorityClaim } from '../../core/filing.ts';
import { recordHash } from '../record-hash.ts';
import type { XmlElement } from '../xml/index.ts';
import { fieldsOf, kiprisDate, pick, pickList, type Fields } from './fields.ts';
import { kiprisStatusCategory } from './status.ts';

function niceClasses(fields: Fields): Filing['classes'] {
  return pickList(fields, 'GoodClassificationCode', 'classificationCode')
    .map(Number)
    .filter((n) => Number.isInteger(n) && n >= 1 && n <= 45)
    .map((niceClass) => ({ niceClass, goods: null, status: null }));
}

/** Vienna codes may come as `260101` or already dotted; both end as `26.01.01`. */
function viennaCodes(fields: Fields): string[] {
  return pickList(fields, 'ViennaCode', 'viennaCode').map((code) => {
    const match = /^(\d{2})\.?(\d{2})\.?(\d{2})$/.exec(code);
    return match ? `${match[1]}.${match[2]}.${match[3]}` : code;
  });
}

function priorityClaims(fields: Fields): PriorityClaim[] {
  const number = pick(fields, 'PriorityClaimNumber', 'priorityNumber');
  const date = kiprisDate(pick(fields, 'PriorityClaimDate', 'priorityDate'));
  return number || date ? [{ country: null, number, date }] : [];
}

/** Turns one `TradeMarkInfo` (or advanced-search `item`) into a Filing, or a skip naming why not. */
/** `source` is the item as written in the response, for its hash. */
export function mapItem(
  record: XmlElement,
  recordIndex: number,
  office: string,
  source: string,
): ParsedRecord {
  const fields = fieldsOf(record);
  const serialNumber = pick(fields, 'ApplicationNumber');
  if (!serialNumber) {
    return {
      kind: 'skip',
      skip: {
        recordIndex,
        serialNumber: null,
        reason: `${record.name} has no ApplicationNumber; it cannot be stored or matched`,
      },
    };
  }
  const status = pick(fields, 'ApplicationStatus');
  const filing: Filing = {
    office,
    serialNumber,
    registrationNumber: pick(fields, 'RegistrationNumber'),
    // The title is the mark's text, in Hangul or any other script, kept exactly as the office wrote it.
    markText: pick(fields, 'Title'),
    // The API does not say whether a mark is a word, a device or both.
    markKind: 'unknown',
    markImage: null,
    applicants: pickList(fields, 'ApplicantName').map((name) => ({
      name,
      country: null,
      address: null,
      entityType: null,
      role: 'applicant',
    })),
    filingDate: kiprisDate(pick(fields, 'ApplicationDate')),
    publicationDate: kiprisDate(pick(fields, 'PublicDate', 'publicationDate')),
    registrationDate: kiprisDate(pick(fields, 'RegistrationDate')),
    statusCode: status,
    statusText: status,
    statusDate: null,
    statusCategory: kiprisStatusCategory(status),
    classes: niceClasses(fields),
    designCodes: viennaCodes(fields),
    priorityClaims: priorityClaims(fields),
    extra: {
      publicationNumber: pick(fields, 'PublicNumber', 'publicationNumber'),
      registrationPublicationNumber: pick(fields, 'RegistrationPublicNumber', 'registrationPublicNumber'),
      registrationPublicationDate: kiprisDate(
        pick(fields, 'RegistrationPublicDate', 'registrationPublicDate'),
      ),
      rightHolder: pick(fields, 'RegistrationRightholderName', 'regPrivilegeName'),
      agentName: pick(fields, 'AgentName'),
      appReferenceNumber: pick(fields, 'AppReferenceNumber'),
      regReferenceNumber: pick(fields, 'RegReferenceNumber'),
      internationalRegistrationNumber: pick(fields, 'internationalRegisterNumber'),
      internationalRegistrationDate: kiprisDate(pick(fields, 'internationalRegisterDate')),
      fullTextAvailable: pick(fields, 'FulltextExistFlag', 'fullText'),
      // Image URLs point at KIPRIS and are fetched (through the SSRF guard) by the crawler, not here.
      imageUrl: pick(fields, 'ImagePath', 'bigDrawing'),
      thumbnailUrl: pick(fields, 'ThumbnailPath', 'drawing'),
    },
    sourceRecordHash: recordHash(source),
  };
  return { kind: 'filing', filing };
}

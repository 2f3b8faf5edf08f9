import type { PriorityClaim } from '../../core/filing.ts';
import { calendarDate, type MarkEventRef, type PublicationRef } from '../wipo-st66/index.ts';
import { allAt, at, findAll, textAt, type XmlElement } from '../xml/index.ts';

export function st96Publications(trademark: XmlElement): PublicationRef[] {
  return allAt(trademark, 'PublicationBag/Publication').map((p) => ({
    identifier: textAt(p, 'PublicationIdentifier'),
    section: textAt(p, 'PublicationSectionCategory') ?? textAt(p, 'PublicationSection'),
    date: calendarDate(textAt(p, 'PublicationDate')),
  }));
}

export function st96Priorities(trademark: XmlElement): PriorityClaim[] {
  return allAt(trademark, 'PriorityClaimBag/PriorityClaim').map((p) => ({
    country: textAt(p, 'PriorityCountryCode') ?? textAt(p, 'IPOfficeCode'),
    number:
      textAt(p, 'PriorityNumber') ??
      textAt(p, 'PriorityApplicationNumber/ApplicationNumberText') ??
      textAt(p, 'ApplicationNumber/ApplicationNumberText') ??
      textAt(p, 'ApplicationNumberText'),
    date: calendarDate(
      textAt(p, 'PriorityApplicationFilingDate') ?? textAt(p, 'FilingDate') ?? textAt(p, 'PriorityDate'),
    ),
  }));
}

const two = (value: string | null): string | null => (value ? value.padStart(2, '0') : null);

/** Vienna codes (`26.01.03`) from `ViennaClassification` elements under the mark images. */
export function st96DesignCodes(trademark: XmlElement): string[] {
  const codes: string[] = [];
  for (const image of findAll(trademark, 'MarkImage')) {
    for (const vienna of findAll(image, 'ViennaClassification')) {
      const parts = [
        textAt(vienna, 'ViennaCategory'),
        textAt(vienna, 'ViennaDivision'),
        textAt(vienna, 'ViennaSection'),
      ].map(two);
      if (parts.every((p) => p !== null)) codes.push(parts.join('.'));
    }
  }
  return [...new Set(codes)];
}

/** Events: the code and description sit in `NationalMarkEvent` in USPTO files, directly otherwise. */
export function st96Events(trademark: XmlElement): MarkEventRef[] {
  return allAt(trademark, 'MarkEventBag/MarkEvent').map((e) => {
    const body = at(e, 'NationalMarkEvent') ?? e;
    return {
      date: calendarDate(textAt(e, 'MarkEventDate')),
      code: textAt(body, 'MarkEventCode'),
      description: textAt(body, 'MarkEventDescriptionText') ?? textAt(e, 'MarkEventCategory'),
    };
  });
}

/** Image file name: `FileName` in v2.x, `ImageFileName` in the 1.0 draft (USPTO writes "No image available"). */
export function st96ImageFileName(trademark: XmlElement): string | null {
  const image = at(trademark, 'MarkRepresentation/MarkReproduction/MarkImageBag/MarkImage');
  const name = textAt(image, 'FileName') ?? textAt(image, 'ImageFileName');
  return name && /\.\w{2,4}$/.test(name) ? name : null;
}

/** USPTO national facts (`NationalTrademarkInformation`); other offices' files have none. */
export function st96NationalExtra(trademark: XmlElement): Record<string, unknown> | null {
  const info = at(trademark, 'NationalTrademarkInformation');
  if (!info) return null;
  return {
    registerCategory: textAt(info, 'RegisterCategory'),
    markDrawingCode: textAt(
      trademark,
      'MarkRepresentation/MarkDescriptionBag/NationalMarkDescription/MarkFeatureCode',
    ),
    renewalDate: calendarDate(textAt(info, 'RenewalDate')),
    lawOffice: textAt(info, 'NationalCaseLocation/LawOfficeAssignedText'),
    currentLocation: textAt(info, 'NationalCaseLocation/CurrentLocationText'),
    statusDescription: textAt(info, 'MarkCurrentStatusExternalDescriptionText'),
  };
}

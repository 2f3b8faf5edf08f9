import type { PriorityClaim } from '../../core/filing.ts';
import { allAt, textAt, type XmlElement } from '../xml/index.ts';
import { calendarDate } from './calendar-date.ts';
import type { PublicationRef } from './publication.ts';

export interface MarkEventRef {
  date: string | null;
  code: string | null;
  description: string | null;
}

export function st66Publications(tradeMark: XmlElement): PublicationRef[] {
  return allAt(tradeMark, 'PublicationDetails/Publication').map((p) => ({
    identifier: textAt(p, 'PublicationIdentifier'),
    section: textAt(p, 'PublicationSection'),
    date: calendarDate(textAt(p, 'PublicationDate')),
  }));
}

export function st66Priorities(tradeMark: XmlElement): PriorityClaim[] {
  return allAt(tradeMark, 'PriorityDetails/Priority').map((p) => ({
    country: textAt(p, 'PriorityCountryCode'),
    number: textAt(p, 'PriorityNumber'),
    date: calendarDate(textAt(p, 'PriorityDate')),
  }));
}

/** Vienna classification codes of the mark's images (`26.01.03`). */
export function st66DesignCodes(tradeMark: XmlElement): string[] {
  const codes = allAt(tradeMark, 'MarkImageDetails/MarkImage').flatMap((image) =>
    allAt(image, 'MarkImageCategory/CategoryCodeDetails/CategoryCode').map((c) => textAt(c)),
  );
  return [...new Set(codes.filter((c): c is string => c !== null))];
}

export function st66Events(tradeMark: XmlElement): MarkEventRef[] {
  return allAt(tradeMark, 'MarkEventDetails/MarkEvent').map((e) => ({
    date: calendarDate(textAt(e, 'MarkEventDate')),
    code: textAt(e, 'MarkEventCode'),
    description:
      textAt(e, 'MarkEventExt/MarkEventInternalDescriptionText') ?? textAt(e, 'MarkEventDescription'),
  }));
}

/** The USPTO `Ext` facts a reviewer looks at; other offices' files have no such elements. */
export function st66UsptoExtra(tradeMark: XmlElement): Record<string, unknown> | null {
  const ext = allAt(tradeMark, 'TradeMarkExt')[0];
  if (!ext) return null;
  return {
    registerCategory: textAt(ext, 'RegisterCategory'),
    markDrawingCode: textAt(ext, 'MarkFeatureCode'),
    lawOffice: textAt(ext, 'OfficeDetails/LawOfficeAssignedText'),
    currentLocation: textAt(ext, 'OfficeDetails/CurrentLocationText'),
    statusDescription: textAt(ext, 'MarkCurrentStatusExternalDescriptionText'),
  };
}

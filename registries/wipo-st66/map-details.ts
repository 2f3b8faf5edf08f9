import type { PriorityClaim } from '../../core/filing.ts';
import { allAt, childrenNamed, textAt, type ChildIndex } from '../xml/index.ts';
import { calendarDate } from './calendar-date.ts';
import type { PublicationRef } from './publication.ts';

export interface MarkEventRef {
  date: string | null;
  code: string | null;
  description: string | null;
}

export function st66Publications(tradeMark: ChildIndex): PublicationRef[] {
  return childrenNamed(tradeMark.first('PublicationDetails'), 'Publication').map((p) => ({
    identifier: textAt(p, 'PublicationIdentifier'),
    section: textAt(p, 'PublicationSection'),
    date: calendarDate(textAt(p, 'PublicationDate')),
  }));
}

export function st66Priorities(tradeMark: ChildIndex): PriorityClaim[] {
  return childrenNamed(tradeMark.first('PriorityDetails'), 'Priority').map((p) => ({
    country: textAt(p, 'PriorityCountryCode'),
    number: textAt(p, 'PriorityNumber'),
    date: calendarDate(textAt(p, 'PriorityDate')),
  }));
}

/** Vienna classification codes of the mark's images (`26.01.03`). */
export function st66DesignCodes(tradeMark: ChildIndex): string[] {
  const codes = childrenNamed(tradeMark.first('MarkImageDetails'), 'MarkImage').flatMap((image) =>
    allAt(image, 'MarkImageCategory/CategoryCodeDetails/CategoryCode').map((c) => textAt(c)),
  );
  return [...new Set(codes.filter((c): c is string => c !== null))];
}

export function st66Events(tradeMark: ChildIndex): MarkEventRef[] {
  return childrenNamed(tradeMark.first('MarkEventDetails'), 'MarkEvent').map((e) => ({
    date: calendarDate(textAt(e, 'MarkEventDate')),
    code: textAt(e, 'MarkEventCode'),
    description:
      textAt(e, 'MarkEventExt/MarkEventInternalDescriptionText') ?? textAt(e, 'MarkEventDescription'),
  }));
}

/** The USPTO `Ext` facts a reviewer looks at; other offices' files have no such elements. */
export function st66UsptoExtra(tradeMark: ChildIndex): Record<string, unknown> | null {
  const ext = tradeMark.first('TradeMarkExt');
  if (!ext) return null;
  return {
    registerCategory: textAt(ext, 'RegisterCategory'),
    markDrawingCode: textAt(ext, 'MarkFeatureCode'),
    lawOffice: textAt(ext, 'OfficeDetails/LawOfficeAssignedText'),
    currentLocation: textAt(ext, 'OfficeDetails/CurrentLocationText'),
    statusDescription: textAt(ext, 'MarkCurrentStatusExternalDescriptionText'),
  };
}

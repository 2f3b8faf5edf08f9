import type { PriorityClaim } from '../../core/filing.ts';
import { at, textAt, type XmlElement } from '../xml/index.ts';
import { calendarDate } from './calendar-date.ts';
import type { PublicationRef } from './publication.ts';

// Each reader visits its block's elements once: these run on every record of a bulk file. Where a
// field repeats, the first one counts (as the XPath step `Publication/PublicationDate` picks it).

export interface MarkEventRef {
  date: string | null;
  code: string | null;
  description: string | null;
}

/** Texts of the first children named `a`, `b` and `c` (null where absent or blank), in one pass. */
function firstTexts(
  el: XmlElement,
  [a, b, c]: readonly [string, string, string],
): [string | null, string | null, string | null] {
  let first: XmlElement | undefined;
  let second: XmlElement | undefined;
  let third: XmlElement | undefined;
  for (const child of el.children) {
    const name = child.name;
    if (name === a) first ??= child;
    else if (name === b) second ??= child;
    else if (name === c) third ??= child;
  }
  return [first?.text || null, second?.text || null, third?.text || null];
}

/** The children of a `…Details` block named `name`, mapped. */
function eachNamed<T>(details: XmlElement | undefined, name: string, map: (el: XmlElement) => T): T[] {
  const out: T[] = [];
  if (details) for (const c of details.children) if (c.name === name) out.push(map(c));
  return out;
}

const PUBLICATION_FIELDS: readonly [string, string, string] = [
  'PublicationIdentifier',
  'PublicationSection',
  'PublicationDate',
];

export function st66Publications(details: XmlElement | undefined): PublicationRef[] {
  return eachNamed(details, 'Publication', (p) => {
    const [identifier, section, date] = firstTexts(p, PUBLICATION_FIELDS);
    return { identifier, section, date: calendarDate(date) };
  });
}

const PRIORITY_FIELDS: readonly [string, string, string] = [
  'PriorityCountryCode',
  'PriorityNumber',
  'PriorityDate',
];

export function st66Priorities(details: XmlElement | undefined): PriorityClaim[] {
  return eachNamed(details, 'Priority', (p) => {
    const [country, number, date] = firstTexts(p, PRIORITY_FIELDS);
    return { country, number, date: calendarDate(date) };
  });
}

/** Vienna classification codes of the mark's images (`26.01.03`), each once, in file order. */
export function st66DesignCodes(details: XmlElement | undefined): string[] {
  const codes: string[] = [];
  if (!details) return codes;
  for (const image of details.children) {
    if (image.name !== 'MarkImage') continue;
    const list = at(image, 'MarkImageCategory/CategoryCodeDetails');
    if (!list) continue;
    for (const c of list.children) if (c.name === 'CategoryCode' && c.text !== '') codes.push(c.text);
  }
  return codes.length > 1 ? [...new Set(codes)] : codes;
}

const EVENT_FIELDS: readonly [string, string, string] = [
  'MarkEventDate',
  'MarkEventCode',
  'MarkEventDescription',
];

export function st66Events(details: XmlElement | undefined): MarkEventRef[] {
  return eachNamed(details, 'MarkEvent', (e) => {
    const [date, code, description] = firstTexts(e, EVENT_FIELDS);
    return {
      date: calendarDate(date),
      code,
      description: textAt(e, 'MarkEventExt/MarkEventInternalDescriptionText') ?? description,
    };
  });
}

/** The USPTO `Ext` facts a reviewer looks at; other offices' files have no such elements. */
export function st66UsptoExtra(ext: XmlElement | undefined): Record<string, unknown> | null {
  if (!ext) return null;
  return {
    registerCategory: textAt(ext, 'RegisterCategory'),
    markDrawingCode: textAt(ext, 'MarkFeatureCode'),
    lawOffice: textAt(ext, 'OfficeDetails/LawOfficeAssignedText'),
    currentLocation: textAt(ext, 'OfficeDetails/CurrentLocationText'),
    statusDescription: textAt(ext, 'MarkCurrentStatusExternalDescriptionText'),
  };
}

import type { XmlElement } from '../xml/index.ts';
import { usptoDate } from './dates.ts';

/**
 * The `case-file-header` read in one pass: every child's text by name (the first occurrence counts,
 * blank is null) and the `-in` indicators the office set to `T`. The header has about sixty possible
 * children and forty of them are read per record, so it is walked once rather than searched per field.
 */
export interface HeaderFields {
  text(name: string): string | null;
  isTrue(name: string): boolean;
  /** Names of the indicators set to `T`, in file order, without the `-in` suffix. */
  indicators: string[];
}

export function readHeader(header: XmlElement | undefined): HeaderFields {
  const texts = new Map<string, string>();
  const indicators: string[] = [];
  for (const c of header?.children ?? []) {
    if (c.text === 'T' && c.name.endsWith('-in')) indicators.push(c.name.slice(0, -3));
    if (!texts.has(c.name)) texts.set(c.name, c.text);
  }
  return {
    text: (name) => texts.get(name) || null,
    isTrue: (name) => texts.get(name) === 'T',
    indicators,
  };
}

/** Filing bases by statute section, as filed and as they stand now. */
const basisFlags: ReadonlyArray<readonly [basis: string, filed: string, current: string]> = [
  ['1(a)', 'filed-as-use-application-in', 'use-application-currently-in'],
  ['1(b)', 'intent-to-use-in', 'intent-to-use-current-in'],
  ['44(d)', 'filing-basis-filed-as-44d-in', 'filing-basis-current-44d-in'],
  ['44(e)', 'filing-basis-filed-as-44e-in', 'filing-basis-current-44e-in'],
  ['66(a)', 'filing-basis-filed-as-66a-in', 'filing-basis-current-66a-in'],
];

const markTypeFlags: ReadonlyArray<readonly [type: string, flag: string]> = [
  ['trademark', 'trademark-in'],
  ['service mark', 'service-mark-in'],
  ['collective trademark', 'collective-trademark-in'],
  ['collective service mark', 'collective-service-mark-in'],
  ['collective membership mark', 'collective-membership-mark-in'],
  ['certification mark', 'certification-mark-in'],
];

/**
 * Header facts that have no slot in Filing but matter to a lawyer reading an alert: filing basis
 * (a 44(d) or 66(a) filing carries foreign priority), register, mark type, the dates of the case's
 * end, and every indicator the office set (named without the `-in` suffix).
 */
export function headerExtra(fields: HeaderFields): Record<string, unknown> {
  const filed: string[] = [];
  const current: string[] = [];
  for (const [basis, filedFlag, currentFlag] of basisFlags) {
    if (fields.isTrue(filedFlag)) filed.push(basis);
    if (fields.isTrue(currentFlag)) current.push(basis);
  }
  const markTypes: string[] = [];
  for (const [type, flag] of markTypeFlags) if (fields.isTrue(flag)) markTypes.push(type);
  return {
    filingBasis: { filed, current },
    markTypes,
    register: fields.isTrue('supplemental-register-in') ? 'supplemental' : 'principal',
    standardCharactersClaimed: fields.isTrue('standard-characters-claimed-in'),
    foreignPriority: fields.isTrue('foreign-priority-in'),
    colorDrawing: fields.isTrue('color-drawing-current-in'),
    indicators: fields.indicators,
    abandonmentDate: usptoDate(fields.text('abandonment-date')),
    cancellationDate: usptoDate(fields.text('cancellation-date')),
    cancellationCode: fields.text('cancellation-code'),
    renewalDate: usptoDate(fields.text('renewal-date')),
    amendToRegisterDate: usptoDate(fields.text('amend-to-register-date')),
    republished12cDate: usptoDate(fields.text('republished-12c-date')),
    attorneyName: fields.text('attorney-name'),
    attorneyDocketNumber: fields.text('attorney-docket-number'),
    domesticRepresentative: fields.text('domestic-representative-name'),
    lawOffice: fields.text('law-office-assigned-location-code'),
  };
}

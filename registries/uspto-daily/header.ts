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
 * Header fields the mapping reads besides the flags above. Each of them gets a slot once, at
 * start-up, so a record's header is one array of texts filled in one pass, not a Map per record.
 */
const HEADER_NAMES_READ = [
  'status-code',
  'mark-identification',
  'mark-drawing-code',
  'filing-date',
  'published-for-opposition-date',
  'registration-date',
  'status-date',
  'abandonment-date',
  'cancellation-date',
  'cancellation-code',
  'renewal-date',
  'amend-to-register-date',
  'republished-12c-date',
  'attorney-name',
  'attorney-docket-number',
  'domestic-representative-name',
  'law-office-assigned-location-code',
  'drawing-3d-current-in',
  'drawing-3d-filed-in',
  'supplemental-register-in',
  'standard-characters-claimed-in',
  'foreign-priority-in',
  'color-drawing-current-in',
];
const SLOT_OF_NAME = new Map(
  [
    ...HEADER_NAMES_READ,
    ...basisFlags.flatMap(([, filed, current]) => [filed, current]),
    ...markTypeFlags.map(([, flag]) => flag),
  ].map((name, slot) => [name, slot]),
);

class ReadHeader implements HeaderFields {
  constructor(
    private readonly header: XmlElement | undefined,
    private readonly texts: (string | undefined)[],
    readonly indicators: string[],
  ) {}

  text(name: string): string | null {
    const slot = SLOT_OF_NAME.get(name);
    if (slot !== undefined) return this.texts[slot] || null;
    // A name no slot was made for (a caller reading a new field): search the header for it.
    for (const c of this.header?.children ?? []) if (c.name === name) return c.text || null;
    return null;
  }

  isTrue(name: string): boolean {
    return this.text(name) === 'T';
  }
}

export function readHeader(header: XmlElement | undefined): HeaderFields {
  const texts: (string | undefined)[] = [];
  const indicators: string[] = [];
  for (const c of header?.children ?? []) {
    const name = c.name;
    if (c.text === 'T' && name.endsWith('-in')) indicators.push(name.slice(0, -3));
    const slot = SLOT_OF_NAME.get(name);
    if (slot !== undefined) texts[slot] ??= c.text;
  }
  return new ReadHeader(header, texts, indicators);
}

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

import { fieldText, type XmlElement } from '../xml/index.ts';
import { usptoDate } from './dates.ts';

/** The header's child texts by name (`childTexts`), read once per record. */
export type HeaderFields = ReadonlyMap<string, string | null>;

/** `-in` indicator elements hold `T` or `F`; anything else (blank) counts as not set. */
export function isTrue(fields: HeaderFields, name: string): boolean {
  return fieldText(fields, name) === 'T';
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
export function headerExtra(header: XmlElement | undefined, fields: HeaderFields): Record<string, unknown> {
  const indicators = (header?.children ?? [])
    .filter((c) => c.name.endsWith('-in') && c.text.trim() === 'T')
    .map((c) => c.name.slice(0, -3));
  return {
    filingBasis: {
      filed: basisFlags.filter(([, filed]) => isTrue(fields, filed)).map(([basis]) => basis),
      current: basisFlags.filter(([, , current]) => isTrue(fields, current)).map(([basis]) => basis),
    },
    markTypes: markTypeFlags.filter(([, flag]) => isTrue(fields, flag)).map(([type]) => type),
    register: isTrue(fields, 'supplemental-register-in') ? 'supplemental' : 'principal',
    standardCharactersClaimed: isTrue(fields, 'standard-characters-claimed-in'),
    foreignPriority: isTrue(fields, 'foreign-priority-in'),
    colorDrawing: isTrue(fields, 'color-drawing-current-in'),
    indicators,
    abandonmentDate: usptoDate(fieldText(fields, 'abandonment-date')),
    cancellationDate: usptoDate(fieldText(fields, 'cancellation-date')),
    cancellationCode: fieldText(fields, 'cancellation-code'),
    renewalDate: usptoDate(fieldText(fields, 'renewal-date')),
    amendToRegisterDate: usptoDate(fieldText(fields, 'amend-to-register-date')),
    republished12cDate: usptoDate(fieldText(fields, 'republished-12c-date')),
    attorneyName: fieldText(fields, 'attorney-name'),
    attorneyDocketNumber: fieldText(fields, 'attorney-docket-number'),
    domesticRepresentative: fieldText(fields, 'domestic-representative-name'),
    lawOffice: fieldText(fields, 'law-office-assigned-location-code'),
  };
}

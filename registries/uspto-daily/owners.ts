import type { Party } from '../../core/filing.ts';
import { textAt, type XmlElement } from '../xml/index.ts';
import { countryOfState, isoCountry, legalEntity } from './places.ts';

/**
 * Owner party types (USPTO TDXF documentation): 10 original applicant, 11-19 new owner before
 * publication, 20 owner at publication, 21-29 new owner after publication, 30 original registrant,
 * 40-49 new owner entered after registration. A higher type supersedes the lower ones, so the
 * owners of the highest type present are the current applicants or registrants; earlier owners are
 * kept in `extra.previousOwners` so a watch can still link them to a marketplace seller.
 */
function roleOf(partyType: number): string {
  if (partyType === 10) return 'original applicant';
  if (partyType > 10 && partyType < 20) return 'new owner before publication';
  if (partyType === 20) return 'owner at publication';
  if (partyType > 20 && partyType < 30) return 'new owner after publication';
  if (partyType === 30) return 'original registrant';
  if (partyType >= 40 && partyType < 50) return 'new owner after registration';
  return `party type ${partyType}`;
}

interface Owner {
  partyType: number;
  party: Party;
}

/** Address lines in the order they are joined; the first of each counts. */
const ADDRESS_FIELDS = ['address-1', 'address-2', 'city', 'state', 'postcode', 'country', 'other'];
const ADDRESS_SLOT = new Map(ADDRESS_FIELDS.map((field, slot) => [field, slot]));
const STATE_SLOT = ADDRESS_SLOT.get('state')!;
const COUNTRY_SLOT = ADDRESS_SLOT.get('country')!;

function readOwner(owner: XmlElement): Owner | null {
  let name: string | undefined;
  let partyTypeText: string | undefined;
  let entityCode: string | undefined;
  let nationality: XmlElement | undefined;
  // One slot per address field (an array: keyed stores of varying names into an object are slow).
  const address: (string | undefined)[] = [];
  for (const c of owner.children) {
    const field = c.name;
    if (field === 'party-name') name ??= c.text;
    else if (field === 'party-type') partyTypeText ??= c.text;
    else if (field === 'legal-entity-type-code') entityCode ??= c.text;
    else if (field === 'nationality') nationality ??= c;
    else {
      const slot = ADDRESS_SLOT.get(field);
      if (slot !== undefined) address[slot] ??= c.text;
    }
  }
  if (!name) return null;
  const partyType = Number(partyTypeText || NaN);
  const country =
    countryOfState(address[STATE_SLOT] || null) ??
    isoCountry(address[COUNTRY_SLOT] || null) ??
    countryOfState(textAt(nationality, 'state')) ??
    isoCountry(textAt(nationality, 'country'));
  let joined = '';
  for (let slot = 0; slot < ADDRESS_FIELDS.length; slot += 1) {
    const line = address[slot];
    if (line) joined = joined === '' ? line : joined + ', ' + line;
  }
  return {
    partyType,
    party: {
      name,
      country,
      address: joined === '' ? null : joined,
      entityType: legalEntity(entityCode || null),
      role: Number.isFinite(partyType) ? roleOf(partyType) : null,
    },
  };
}

export interface OwnersSplit {
  current: Party[];
  previous: Party[];
}

/** The owners of a `case-file-owners` block, split into current and previous. */
export function readOwners(block: XmlElement | undefined): OwnersSplit {
  const owners: Owner[] = [];
  for (const c of block?.children ?? []) {
    if (c.name !== 'case-file-owner') continue;
    const owner = readOwner(c);
    if (owner) owners.push(owner);
  }
  const known = owners.filter((o) => Number.isFinite(o.partyType));
  if (known.length === 0) return { current: owners.map((o) => o.party), previous: [] };
  const latest = Math.max(...known.map((o) => o.partyType));
  return {
    current: owners
      .filter((o) => o.partyType === latest || !Number.isFinite(o.partyType))
      .map((o) => o.party),
    previous: owners
      .filter((o) => Number.isFinite(o.partyType) && o.partyType !== latest)
      .map((o) => o.party),
  };
}

import type { Party } from '../../core/filing.ts';
import { allAt, at, textAt, type XmlElement } from '../xml/index.ts';
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

function readOwner(owner: XmlElement): Owner | null {
  const name = textAt(owner, 'party-name');
  if (!name) return null;
  const partyType = Number(textAt(owner, 'party-type') ?? NaN);
  const nationality = at(owner, 'nationality');
  const country =
    countryOfState(textAt(owner, 'state')) ??
    isoCountry(textAt(owner, 'country')) ??
    countryOfState(textAt(nationality, 'state')) ??
    isoCountry(textAt(nationality, 'country'));
  const address = ['address-1', 'address-2', 'city', 'state', 'postcode', 'country', 'other']
    .map((field) => textAt(owner, field))
    .filter((part): part is string => part !== null)
    .join(', ');
  return {
    partyType,
    party: {
      name,
      country,
      address: address === '' ? null : address,
      entityType: legalEntity(textAt(owner, 'legal-entity-type-code')),
      role: Number.isFinite(partyType) ? roleOf(partyType) : null,
    },
  };
}

export interface OwnersSplit {
  current: Party[];
  previous: Party[];
}

export function readOwners(caseFile: XmlElement): OwnersSplit {
  const owners = allAt(caseFile, 'case-file-owners/case-file-owner')
    .map(readOwner)
    .filter((o): o is Owner => o !== null);
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

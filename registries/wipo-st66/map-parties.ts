import type { Party } from '../../core/filing.ts';
import { allAt, at, childrenNamed, textAt, type ChildIndex, type XmlElement } from '../xml/index.ts';

/**
 * Applicants of an ST.66 TradeMark. EUIPO bulk files may carry only an `ApplicantKey` (the full
 * applicant is in a separate file); those have no name here and are returned as ids instead.
 */
export function st66Applicants(tradeMark: ChildIndex): { parties: Party[]; applicantIds: string[] } {
  const parties: Party[] = [];
  const applicantIds: string[] = [];
  for (const details of tradeMark.all('ApplicantDetails')) {
    for (const key of childrenNamed(details, 'ApplicantKey')) {
      const id = textAt(key, 'Identifier');
      if (id) applicantIds.push(id);
    }
    for (const applicant of childrenNamed(details, 'Applicant')) {
      const party = st66Party(applicant);
      if (party) parties.push(party);
      else {
        const id = textAt(applicant, 'ApplicantIdentifier');
        if (id) applicantIds.push(id);
      }
    }
  }
  return { parties, applicantIds };
}

function st66Party(applicant: XmlElement): Party | null {
  const nameAddress = at(applicant, 'ApplicantAddressBook/FormattedNameAddress');
  const name = partyName(at(nameAddress, 'Name'));
  if (!name) return null;
  const address = at(nameAddress, 'Address');
  return {
    name,
    country:
      textAt(address, 'AddressCountryCode') ??
      textAt(address, 'FormattedAddress/FormattedAddressCountryCode') ??
      textAt(applicant, 'ApplicantNationalityCode') ??
      textAt(applicant, 'ApplicantIncorporationCountryCode'),
    address: addressText(address),
    entityType: textAt(applicant, 'ApplicantLegalEntity'),
    // USPTO says which owner this is (original applicant, owner at publication, registrant).
    role: textAt(applicant, 'ApplicantExt/PartyTypeDescriptionText') ?? 'applicant',
  };
}

function partyName(name: XmlElement | undefined): string | null {
  const lines = allAt(name, 'FreeFormatName/FreeFormatNameDetails/FreeFormatNameLine')
    .map((line) => textAt(line))
    .filter((line): line is string => line !== null);
  if (lines.length > 0) return lines.join(', ');
  const formatted = at(name, 'FormattedName');
  const organization = textAt(formatted, 'OrganizationName');
  if (organization) return organization;
  const person = ['FirstName', 'MiddleName', 'LastName']
    .map((part) => textAt(formatted, part))
    .filter((part): part is string => part !== null);
  return person.length > 0 ? person.join(' ') : null;
}

const ADDRESS_PARTS = [
  'AddressRoom',
  'AddressBuilding',
  'AddressStreet',
  'AddressCity',
  'AddressState',
  'AddressPostcode',
];

function addressText(address: XmlElement | undefined): string | null {
  const formatted = at(address, 'FormattedAddress');
  const parts = ADDRESS_PARTS.map((part) => textAt(formatted, part)).filter((p): p is string => p !== null);
  if (parts.length === 0) {
    for (const line of allAt(address, 'FreeFormatAddress/FreeFormatAddressLine')) {
      const text = textAt(line);
      if (text) parts.push(text);
    }
  }
  return parts.length > 0 ? parts.join(', ') : null;
}

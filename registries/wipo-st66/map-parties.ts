import type { Party } from '../../core/filing.ts';
import { at, child, textAt, type XmlElement } from '../xml/index.ts';

/**
 * Applicants of an ST.66 TradeMark (every `ApplicantDetails` block it has). EUIPO bulk files may
 * carry only an `ApplicantKey` (the full applicant is in a separate file); those have no name here
 * and are returned as ids instead. Each block's key ids come before its unnamed applicants' ids.
 * Every element is visited once: this runs on every record of a bulk file.
 */
export function st66Applicants(applicantDetails: readonly XmlElement[]): {
  parties: Party[];
  applicantIds: string[];
} {
  const parties: Party[] = [];
  const applicantIds: string[] = [];
  for (const details of applicantDetails) {
    let unnamedIds: string[] | null = null;
    for (const c of details.children) {
      if (c.name === 'ApplicantKey') {
        const id = textAt(c, 'Identifier');
        if (id) applicantIds.push(id);
      } else if (c.name === 'Applicant') {
        const { party, identifier } = st66Party(c);
        if (party) parties.push(party);
        else if (identifier) (unnamedIds ??= []).push(identifier);
      }
    }
    if (unnamedIds) applicantIds.push(...unnamedIds);
  }
  return { parties, applicantIds };
}

/** The applicant as a party, or null when it has no name (then its `ApplicantIdentifier` stands in). */
function st66Party(applicant: XmlElement): { party: Party | null; identifier: string | null } {
  let addressBook: XmlElement | undefined;
  let nationality: XmlElement | undefined;
  let incorporation: XmlElement | undefined;
  let legalEntity: XmlElement | undefined;
  let ext: XmlElement | undefined;
  let identifier: XmlElement | undefined;
  for (const c of applicant.children) {
    switch (c.name) {
      case 'ApplicantAddressBook':
        addressBook ??= c;
        break;
      case 'ApplicantNationalityCode':
        nationality ??= c;
        break;
      case 'ApplicantIncorporationCountryCode':
        incorporation ??= c;
        break;
      case 'ApplicantLegalEntity':
        legalEntity ??= c;
        break;
      case 'ApplicantExt':
        ext ??= c;
        break;
      case 'ApplicantIdentifier':
        identifier ??= c;
        break;
    }
  }
  const nameAddress = child(addressBook, 'FormattedNameAddress');
  let nameElement: XmlElement | undefined;
  let address: XmlElement | undefined;
  if (nameAddress) {
    for (const c of nameAddress.children) {
      if (c.name === 'Name') nameElement ??= c;
      else if (c.name === 'Address') address ??= c;
    }
  }
  const name = partyName(nameElement);
  if (!name) return { party: null, identifier: identifier?.text || null };
  const { countryCode, text: addressLine } = readAddress(address);
  const party: Party = {
    name,
    country: countryCode ?? (nationality?.text || null) ?? (incorporation?.text || null),
    address: addressLine,
    entityType: legalEntity?.text || null,
    // USPTO says which owner this is (original applicant, owner at publication, registrant).
    role: textAt(ext, 'PartyTypeDescriptionText') ?? 'applicant',
  };
  return { party, identifier: null };
}

function partyName(name: XmlElement | undefined): string | null {
  if (!name) return null;
  const lines: string[] = [];
  const freeFormat = at(name, 'FreeFormatName/FreeFormatNameDetails');
  if (freeFormat)
    for (const c of freeFormat.children)
      if (c.name === 'FreeFormatNameLine' && c.text !== '') lines.push(c.text);
  if (lines.length > 0) return lines.join(', ');
  const formatted = child(name, 'FormattedName');
  if (!formatted) return null;
  let organization: XmlElement | undefined;
  let first: XmlElement | undefined;
  let middle: XmlElement | undefined;
  let last: XmlElement | undefined;
  for (const c of formatted.children) {
    switch (c.name) {
      case 'OrganizationName':
        organization ??= c;
        break;
      case 'FirstName':
        first ??= c;
        break;
      case 'MiddleName':
        middle ??= c;
        break;
      case 'LastName':
        last ??= c;
        break;
    }
  }
  if (organization?.text) return organization.text;
  const person = [first?.text, middle?.text, last?.text].filter((part): part is string => !!part);
  return person.length > 0 ? person.join(' ') : null;
}

/** Formatted address parts, in this order, joined with commas. */
const ADDRESS_PARTS = [
  'AddressRoom',
  'AddressBuilding',
  'AddressStreet',
  'AddressCity',
  'AddressState',
  'AddressPostcode',
];
const ADDRESS_PART_INDEX = new Map(ADDRESS_PARTS.map((part, index) => [part, index]));

/** The address's country code (`AddressCountryCode`, else the formatted address's) and its text. */
function readAddress(address: XmlElement | undefined): { countryCode: string | null; text: string | null } {
  if (!address) return { countryCode: null, text: null };
  let countryCode: XmlElement | undefined;
  let formatted: XmlElement | undefined;
  let freeFormat: XmlElement | undefined;
  for (const c of address.children) {
    if (c.name === 'AddressCountryCode') countryCode ??= c;
    else if (c.name === 'FormattedAddress') formatted ??= c;
    else if (c.name === 'FreeFormatAddress') freeFormat ??= c;
  }
  const parts: (XmlElement | undefined)[] = [];
  let formattedCountry: XmlElement | undefined;
  if (formatted) {
    for (const c of formatted.children) {
      const index = ADDRESS_PART_INDEX.get(c.name);
      if (index !== undefined) parts[index] ??= c;
      else if (c.name === 'FormattedAddressCountryCode') formattedCountry ??= c;
    }
  }
  const texts: string[] = [];
  for (const part of parts) if (part?.text) texts.push(part.text);
  if (texts.length === 0 && freeFormat) {
    for (const c of freeFormat.children)
      if (c.name === 'FreeFormatAddressLine' && c.text !== '') texts.push(c.text);
  }
  return {
    countryCode: (countryCode?.text || null) ?? (formattedCountry?.text || null),
    text: texts.length > 0 ? texts.join(', ') : null,
  };
}

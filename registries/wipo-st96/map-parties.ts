import type { Party } from '../../core/filing.ts';
import { allAt, at, childrenNamed, textAt, type XmlElement } from '../xml/index.ts';

/** Applicants of an ST.96 Trademark (`ApplicantBag/Applicant`), identical in v2.x and the 1.0 draft. */
export function st96Applicants(trademark: XmlElement): Party[] {
  return allAt(trademark, 'ApplicantBag/Applicant')
    .map(st96Party)
    .filter((p): p is Party => p !== null);
}

function st96Party(applicant: XmlElement): Party | null {
  const contact = at(applicant, 'Contact');
  const name = contactName(at(contact, 'Name'));
  if (!name) return null;
  const structured = at(contact, 'PostalAddressBag/PostalAddress/PostalStructuredAddress');
  return {
    name,
    country:
      textAt(structured, 'CountryCode') ??
      textAt(applicant, 'NationalityCode') ??
      textAt(applicant, 'IncorporationCountryCode'),
    address: addressText(at(contact, 'PostalAddressBag/PostalAddress')),
    // USPTO writes the entity type ("CORPORATION") into LegalEntityName.
    entityType: textAt(applicant, 'LegalEntityName'),
    // USPTO says which owner this is; the comment sits directly or inside a Version element.
    role: textAt(applicant, 'CommentText') ?? textAt(applicant, 'Version/CommentText') ?? 'applicant',
  };
}

function contactName(name: XmlElement | undefined): string | null {
  const direct =
    textAt(name, 'EntityName') ??
    textAt(name, 'OrganizationName/OrganizationStandardName') ??
    textAt(name, 'PersonName/PersonFullName');
  if (direct) return direct;
  const parts = ['FirstName', 'MiddleName', 'LastName']
    .map((part) => textAt(name, `PersonName/${part}`))
    .filter((p): p is string => p !== null);
  return parts.length > 0 ? parts.join(' ') : textAt(name, 'NameText');
}

function addressText(postalAddress: XmlElement | undefined): string | null {
  const structured = at(postalAddress, 'PostalStructuredAddress');
  const parts = [
    ...childrenNamed(structured, 'AddressLineText').map((line) => textAt(line)),
    textAt(structured, 'CityName'),
    textAt(structured, 'GeographicRegionName'),
    textAt(structured, 'PostalCode'),
  ].filter((p): p is string => p !== null);
  if (parts.length === 0) {
    for (const line of childrenNamed(postalAddress, 'PostalAddressText')) {
      const text = textAt(line);
      if (text) parts.push(text);
    }
  }
  return parts.length > 0 ? parts.join(', ') : null;
}

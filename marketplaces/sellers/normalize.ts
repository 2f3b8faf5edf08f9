/**
 * Identifiers of a party (a filing's applicant or a shop) in comparable form. Squatters file and sell
 * under the same company, so the same company must compare equal however each register or shop spells
 * it: "PT. Maju Jaya Abadi", "Maju Jaya Abadi, PT" and "MAJU JAYA ABADI" are one name.
 */

// Legal-form words, in the markets we watch, that say what a company is, not which one.
const LEGAL_FORMS = new Set([
  'pt',
  'tbk',
  'cv',
  'ud',
  'co',
  'company',
  'corp',
  'corporation',
  'inc',
  'incorporated',
  'llc',
  'ltd',
  'limited',
  'plc',
  'gmbh',
  'ag',
  'sa',
  'sas',
  'sl',
  'srl',
  'spa',
  'bv',
  'nv',
  'ltda',
  'eireli',
  'me',
  'mei',
  'epp',
  'sdn',
  'bhd',
  'pte',
  'pty',
  'kk',
  'jsc',
  'oy',
  'ab',
  'as',
  'de',
  'rl',
  'cv',
  'sapi',
  'store',
  'shop',
  'official',
  'toko',
  'loja',
  'tienda',
  'trading',
  'group',
  'the',
]);

/** Lower case, no accents, no punctuation: how every identifier is compared. */
export function plain(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** A company or shop name without its legal form or shop words, word order kept. */
export function nameKey(name: string): string {
  const words = plain(name)
    .split(' ')
    .filter((word) => word && !LEGAL_FORMS.has(word));
  return words.join(' ') || plain(name);
}

/** Digits of a phone number without the country prefix or trunk zero: the last 9 digits compare. */
export function phoneKey(phone: string): string | null {
  const digits = phone.replace(/\D+/g, '');
  return digits.length >= 7 ? digits.slice(-9) : null;
}

export function emailKey(email: string): string | null {
  const match = email
    .trim()
    .toLowerCase()
    .match(/^[^\s@]+@[^\s@]+\.[a-z]{2,}$/);
  return match ? match[0] : null;
}

/** The host of a website without "www.", so "https://www.acme.id/shop" and "acme.id" compare. */
export function websiteKey(website: string): string | null {
  const withScheme = /^[a-z]+:\/\//i.test(website) ? website : `https://${website}`;
  try {
    return new URL(withScheme).hostname.toLowerCase().replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

/** Letters and digits of a company registration or tax number, upper case. */
export function registrationKey(value: string): string | null {
  const key = value.toUpperCase().replace(/[^A-Z0-9]+/g, '');
  return key.length >= 5 ? key : null;
}

/** Address words of three characters or more (street, district, city), for an overlap measure. */
export function addressWords(address: string): Set<string> {
  return new Set(
    plain(address)
      .split(' ')
      .filter((word) => word.length >= 3 || /\d/.test(word)),
  );
}

const EMAIL = /[^\s@<>()"',;:]+@[^\s@<>()"',;:]+\.[a-z]{2,}/gi;
const PHONE = /(?:\+|00)?\d[\d\s().-]{6,}\d/g;
const WEBSITE = /\b(?:https?:\/\/)?(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?:\/[^\s]*)?/gi;

/** E-mails, phones and websites written inside free text such as a filing's address block. */
export function contactsInText(text: string): { emails: string[]; phones: string[]; websites: string[] } {
  const emails = [...text.matchAll(EMAIL)].map((m) => m[0]);
  const withoutEmails = text.replace(EMAIL, ' ');
  return {
    emails,
    phones: [...withoutEmails.matchAll(PHONE)]
      .map((m) => m[0])
      .filter((p) => p.replace(/\D/g, '').length >= 8),
    websites: [...withoutEmails.matchAll(WEBSITE)].map((m) => m[0]).filter((w) => /[a-z]/i.test(w)),
  };
}

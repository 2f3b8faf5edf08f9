import {
  addressWords,
  contactsInText,
  emailKey,
  nameKey,
  phoneKey,
  registrationKey,
  websiteKey,
} from '../sellers/normalize.ts';

/** A filing's applicant as the register gives it, plus identifiers found in the filing's data. */
export interface ApplicantIdentity {
  name: string;
  address: string | null;
  /** Free text of the filing that may carry e-mails, phones, websites (correspondence blocks). */
  extraText: string[];
  registrationNumbers: string[];
}

/** A seller as its listings and shop page show it. */
export interface SellerIdentity {
  name: string;
  legalName: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  registrationNumber: string | null;
}

export interface LinkScore {
  score: number;
  matchedOn: string[];
  reasons: string[];
}

// How much one shared identifier says that two parties are the same company. A registration number,
// an e-mail or a phone is nearly unique to one company; a name can be shared by chance.
const WEIGHT = {
  registration_number: 0.9,
  email: 0.8,
  phone: 0.7,
  website: 0.7,
  legal_name: 0.6,
  name: 0.5,
  address: 0.4,
};

/** Threshold from which a link is stored and alerted: any one identifier besides the address alone. */
export const LINK_THRESHOLD = 0.5;

/**
 * Compares an applicant with a seller identifier by identifier and explains each match. Scores
 * combine as independent evidence: 1 − Π(1 − weight). Names compare after removing legal forms and
 * shop words ("PT", "Ltd", "Official Store"); a one-word name under 4 letters is not enough alone.
 */
export function scoreLink(applicant: ApplicantIdentity, seller: SellerIdentity): LinkScore {
  const matched: { on: keyof typeof WEIGHT; reason: string }[] = [];
  const applicantName = nameKey(applicant.name);
  const shortName = !applicantName.includes(' ') && applicantName.length < 4;
  if (!shortName && applicantName && applicantName === nameKey(seller.name))
    matched.push({
      on: 'name',
      reason: `same name: applicant "${applicant.name}" and shop "${seller.name}" both read "${applicantName}"`,
    });
  if (!shortName && seller.legalName && applicantName === nameKey(seller.legalName))
    matched.push({
      on: 'legal_name',
      reason: `same company: the shop's legal name "${seller.legalName}" is the applicant "${applicant.name}"`,
    });

  const texts = [applicant.address ?? '', ...applicant.extraText];
  const found = texts.map(contactsInText);
  const emails = new Set(
    found
      .flatMap((f) => f.emails)
      .map(emailKey)
      .filter(Boolean),
  );
  const phones = new Set(
    found
      .flatMap((f) => f.phones)
      .map(phoneKey)
      .filter(Boolean),
  );
  const sites = new Set(
    found
      .flatMap((f) => f.websites)
      .map(websiteKey)
      .filter(Boolean),
  );
  const sellerEmail = seller.email ? emailKey(seller.email) : null;
  if (sellerEmail && emails.has(sellerEmail))
    matched.push({ on: 'email', reason: `same e-mail ${sellerEmail} in the filing and on the shop page` });
  const sellerPhone = seller.phone ? phoneKey(seller.phone) : null;
  if (sellerPhone && phones.has(sellerPhone))
    matched.push({
      on: 'phone',
      reason: `same phone number (…${sellerPhone.slice(-6)}) in the filing and on the shop page`,
    });
  const sellerSite = seller.website ? websiteKey(seller.website) : null;
  if (sellerSite && sites.has(sellerSite))
    matched.push({ on: 'website', reason: `same website ${sellerSite} in the filing and on the shop page` });
  const sellerReg = seller.registrationNumber ? registrationKey(seller.registrationNumber) : null;
  if (sellerReg) {
    const fromFiling = [...applicant.registrationNumbers, ...texts].some((text) =>
      (text.toUpperCase().match(/[A-Z0-9][A-Z0-9./-]{4,}/g) ?? []).some(
        (token) => registrationKey(token) === sellerReg,
      ),
    );
    if (fromFiling)
      matched.push({
        on: 'registration_number',
        reason: `same company registration number ${seller.registrationNumber} in the filing and on the shop page`,
      });
  }
  if (applicant.address && seller.address) {
    const a = addressWords(applicant.address);
    const b = addressWords(seller.address);
    const shared = [...a].filter((word) => b.has(word));
    const smaller = Math.min(a.size, b.size);
    if (smaller >= 3 && shared.length / smaller >= 0.6)
      matched.push({
        on: 'address',
        reason: `same address: ${shared.length} of ${smaller} address words shared ("${shared.slice(0, 6).join(' ')}")`,
      });
  }
  const score = 1 - matched.reduce((rest, m) => rest * (1 - WEIGHT[m.on]), 1);
  return {
    score: Number(score.toFixed(3)),
    matchedOn: matched.map((m) => m.on),
    reasons: matched.map((m) => m.reason),
  };
}

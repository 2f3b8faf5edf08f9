import { describe, expect, it } from 'vitest';
import { LINK_THRESHOLD, scoreLink, type ApplicantIdentity, type SellerIdentity } from './score-link.ts';

const applicant = (over: Partial<ApplicantIdentity> = {}): ApplicantIdentity => ({
  name: 'PT. Maju Jaya Abadi',
  address: 'Jl. Kenanga No. 5, Kebayoran Baru, Jakarta Selatan 12110',
  extraText: [],
  registrationNumbers: [],
  ...over,
});
const seller = (over: Partial<SellerIdentity> = {}): SellerIdentity => ({
  name: 'Maju Jaya Abadi Official Store',
  legalName: null,
  address: null,
  phone: null,
  email: null,
  website: null,
  registrationNumber: null,
  ...over,
});

describe('scoreLink', () => {
  it('links the same company under legal forms and shop words, and says why', () => {
    const result = scoreLink(applicant(), seller());
    expect(result.matchedOn).toEqual(['name']);
    expect(result.score).toBe(0.5);
    expect(result.score).toBeGreaterThanOrEqual(LINK_THRESHOLD);
    expect(result.reasons[0]).toBe(
      'same name: applicant "PT. Maju Jaya Abadi" and shop "Maju Jaya Abadi Official Store" both read "maju jaya abadi"',
    );
  });

  it('finds e-mails, phones and websites written in the filing and compares them normalized', () => {
    const result = scoreLink(
      applicant({
        name: 'Someone Else Ltd',
        extraText: ['Correspondence: legal@majujaya.co.id, tel. (021) 555-0199, www.majujaya.co.id'],
      }),
      seller({
        email: 'LEGAL@majujaya.co.id',
        phone: '+62 21 555 0199',
        website: 'https://majujaya.co.id/shop',
      }),
    );
    expect(result.matchedOn).toEqual(['email', 'phone', 'website']);
    expect(result.score).toBeCloseTo(1 - 0.2 * 0.3 * 0.3, 6);
  });

  it('matches a registration number written with other punctuation', () => {
    const result = scoreLink(
      applicant({ name: 'X', extraText: ['NIB 9120-0012.3456'] }),
      seller({ name: 'Y', registrationNumber: '912000123456' }),
    );
    expect(result.matchedOn).toEqual(['registration_number']);
  });

  it('does not link on an address alone, a different name or a three-letter name', () => {
    const addressOnly = scoreLink(
      applicant({ name: 'Other Co' }),
      seller({ name: 'Toko Lain', address: 'Jl Kenanga 5 Kebayoran Baru Jakarta Selatan' }),
    );
    expect(addressOnly.matchedOn).toEqual(['address']);
    expect(addressOnly.score).toBeLessThan(LINK_THRESHOLD);
    expect(scoreLink(applicant({ name: 'ABC Ltd' }), seller({ name: 'ABC' })).score).toBe(0);
    expect(scoreLink(applicant({ name: 'Sinar Terang' }), seller({ name: 'Sinar Jaya' })).score).toBe(0);
  });
});

import { createHash } from 'node:crypto';
import type { Filing } from '../../core/filing.ts';

/** A filing built in a test (test data, not office data): only what a test sets differs. */
export function testFiling(overrides: Partial<Filing> & { serialNumber: string }): Filing {
  const base: Filing = {
    office: 'USPTO',
    serialNumber: overrides.serialNumber,
    registrationNumber: null,
    markText: null,
    markKind: 'word',
    markImage: null,
    applicants: [
      {
        name: 'Test Applicant LLC',
        country: 'US',
        address: null,
        entityType: 'corporation',
        role: 'applicant',
      },
    ],
    filingDate: '2026-09-01',
    publicationDate: null,
    registrationDate: null,
    statusCode: null,
    statusText: null,
    statusDate: null,
    statusCategory: 'pending',
    classes: [],
    designCodes: [],
    priorityClaims: [],
    extra: {},
    sourceRecordHash: '',
  };
  const filing = { ...base, ...overrides };
  filing.sourceRecordHash = createHash('sha256')
    .update(JSON.stringify({ ...filing, sourceRecordHash: '' }))
    .digest('hex');
  return filing;
}

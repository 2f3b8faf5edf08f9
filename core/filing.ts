/**
 * The normalized trademark filing every registry adapter produces (see docs/architecture.md).
 * Adapters never leak their office's raw XML shape past this type.
 * Dates are the office's own calendar dates as `YYYY-MM-DD` strings: never Date objects, never
 * shifted to UTC, because a deadline counted from a shifted date is a day wrong.
 */
export type MarkKind =
  | 'word'
  | 'figurative'
  | 'combined'
  | 'three-dimensional'
  | 'sound'
  | 'colour'
  | 'position'
  | 'motion'
  | 'hologram'
  | 'other'
  | 'unknown';

/** Coarse lifecycle stage, for filtering and for deciding which deadlines apply. */
export type StatusCategory = 'pending' | 'published' | 'registered' | 'opposed' | 'dead' | 'unknown';

export interface Party {
  name: string;
  /** ISO 3166-1 alpha-2 where the office gives a country or a US state maps to US. */
  country: string | null;
  address: string | null;
  /** The office's legal-entity wording, e.g. "corporation", "individual". */
  entityType: string | null;
  /** Role of the party: applicant/owner/registrant or the office's own term. */
  role: string | null;
}

export interface NiceClassification {
  /** Nice class 1..45. Pre-Nice US classes are kept in `extra` by adapters, not here. */
  niceClass: number;
  goods: string | null;
  status: string | null;
}

export interface PriorityClaim {
  country: string | null;
  number: string | null;
  date: string | null;
}

export interface MarkImageRef {
  /** Content address (SHA-256 hex) of the stored image bytes, when the adapter had the image. */
  sha256: string | null;
  mimeType: string | null;
  /** Office-side file name or URL, for provenance. */
  sourceName: string | null;
  /**
   * Perceptual hashes (hex) of the image, from matcher/logo, set when the adapter extracted the image
   * itself (gazette PDFs, portals): logo watches compare them without decoding the image again.
   */
  logoHashes?: { dct: string; block: string } | null;
  /** Why the logo hashes are missing for an image the adapter had (unreadable or oversized image). */
  logoHashError?: string;
}

export interface Filing {
  /** Office code as in alerts/deadline rules: USPTO, EUIPO, WIPO, INPI-BR, KIPO, ... */
  office: string;
  serialNumber: string;
  registrationNumber: string | null;
  markText: string | null;
  markKind: MarkKind;
  markImage: MarkImageRef | null;
  applicants: Party[];
  filingDate: string | null;
  publicationDate: string | null;
  registrationDate: string | null;
  statusCode: string | null;
  statusText: string | null;
  statusDate: string | null;
  statusCategory: StatusCategory;
  classes: NiceClassification[];
  designCodes: string[];
  priorityClaims: PriorityClaim[];
  /** Office-specific facts worth keeping (despacho codes, Madrid fields, prior registrations...). */
  extra: Record<string, unknown>;
  /** SHA-256 of the raw record as read, so a re-published identical record is recognised as unchanged. */
  sourceRecordHash: string;
}

/** A record the adapter could not turn into a Filing: reported, skipped, the rest of the file lands. */
export interface RecordSkip {
  /** 1-based index of the record in the file. */
  recordIndex: number;
  /** Serial number when it could be read, to help the operator find the record. */
  serialNumber: string | null;
  reason: string;
}

export type ParsedRecord = { kind: 'filing'; filing: Filing } | { kind: 'skip'; skip: RecordSkip };

import type { InferSelectModel } from 'drizzle-orm';
import type { tables } from '../db/index.ts';

type BrandRow = InferSelectModel<typeof tables.brands>;
type MarkRow = InferSelectModel<typeof tables.marks>;
type AlertRow = InferSelectModel<typeof tables.alerts>;
type FilingRow = InferSelectModel<typeof tables.filings>;
type EventRow = InferSelectModel<typeof tables.alertEvents>;

const iso = (d: Date): string => d.toISOString();

export const brandOut = (b: BrandRow) => ({
  id: b.id,
  name: b.name,
  watched_offices: b.watchedOffices,
  own_applicant_names: b.ownApplicantNames,
  created_at: iso(b.createdAt),
  updated_at: iso(b.updatedAt),
});

export const markOut = (m: MarkRow) => ({
  id: m.id,
  brand_id: m.brandId,
  text: m.text,
  kind: m.kind,
  nice_classes: m.niceClasses,
  goods: m.goods,
  threshold: m.threshold,
  logo_sha256: m.logoSha256,
  created_at: iso(m.createdAt),
  updated_at: iso(m.updatedAt),
});

export const alertOut = (a: AlertRow, filing: { office: string; serialNumber: string } | null) => ({
  id: a.id,
  brand_id: a.brandId,
  mark_id: a.markId,
  kind: a.kind,
  title: a.title,
  severity: a.severity,
  status: a.status,
  assignee: a.assignee,
  source: a.source,
  subject_kind: a.subjectKind,
  filing: filing ? { office: filing.office, serial_number: filing.serialNumber } : null,
  listing_id: a.listingId,
  score: a.score,
  reasons: a.reasons,
  deadline: a.deadline,
  deadline_info: a.deadlineInfo,
  created_at: iso(a.createdAt),
  updated_at: iso(a.updatedAt),
});

export const eventOut = (e: EventRow) => ({
  id: e.id,
  actor: e.actor,
  type: e.type,
  data: e.data,
  created_at: iso(e.createdAt),
});

export const filingOut = (f: FilingRow) => ({
  office: f.office,
  serial_number: f.serialNumber,
  registration_number: f.registrationNumber,
  mark_text: f.markText,
  mark_kind: f.markKind,
  applicants: f.applicants.map((p) => ({
    name: p.name,
    country: p.country,
    address: p.address,
    entity_type: p.entityType,
    role: p.role,
  })),
  filing_date: f.filingDate,
  publication_date: f.publicationDate,
  registration_date: f.registrationDate,
  status_code: f.statusCode,
  status_text: f.statusText,
  status_date: f.statusDate,
  status_category: f.statusCategory,
  classes: f.classes.map((c) => ({ nice_class: c.niceClass, goods: c.goods, status: c.status })),
  design_codes: f.designCodes,
  priority_claims: f.priorityClaims,
  mark_image_sha256: f.markImage?.sha256 ?? null,
  extra: f.extra,
  source_file: f.sourceFile,
  version: f.version,
  first_seen_at: iso(f.firstSeenAt),
  updated_at: iso(f.updatedAt),
});

import { z } from '@hono/zod-openapi';
import { isCalendarDate } from '../alerts/deadlines/index.ts';

const INSTANT =
  /^(\d{4}-\d{2}-\d{2})(?:T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d{1,9})?)?(Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d))?$/;

/**
 * An instant from outside: a calendar date (midnight UTC) or a date-time with Z or an offset, years
 * 0001 to 9999. Date.parse alone let through "+275760-09-13" and "10000-01-01", which PostgreSQL
 * cannot store (HTTP 500), and read a date-time without offset in the server's own zone.
 */
export function isIsoInstant(value: string): boolean {
  const match = INSTANT.exec(value);
  return Boolean(
    match?.[1] && isCalendarDate(match[1]) && (match[2] === undefined || match[5] !== undefined),
  );
}

/** The one schema for instants in query parameters and bodies; yields a Date. */
export const isoInstant = z
  .string()
  .max(40)
  .refine(
    isIsoInstant,
    'expected an ISO 8601 date (2026-11-01) or date-time with Z or an offset (2026-11-01T09:00:00Z), year 0001 to 9999',
  )
  .transform((s) => new Date(s));

export const IdParam = z.object({
  id: z
    .string()
    .uuid()
    .openapi({ param: { name: 'id', in: 'path' }, example: '6f1c2b0e-8a55-4a8e-9d8e-2f0a1c9b7d10' }),
});

const officeCode = z
  .string()
  .regex(/^[A-Z][A-Z0-9-]{1,15}$/, 'office codes are upper case, e.g. USPTO, EUIPO, INPI-BR');
const niceClass = z.number().int().min(1).max(45);

export const BrandSchema = z
  .object({
    id: z.string().uuid(),
    name: z.string(),
    watched_offices: z
      .array(z.string())
      .openapi({ description: 'Offices whose filings are screened for this brand; empty = all.' }),
    own_applicant_names: z
      .array(z.string())
      .openapi({ description: "The brand's own applicant names; their filings never alert." }),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi('Brand');

export const BrandCreateSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    watched_offices: z.array(officeCode).max(100).default([]),
    own_applicant_names: z.array(z.string().trim().min(1).max(300)).max(100).default([]),
  })
  .strict()
  .openapi('BrandCreate', {
    example: {
      name: 'Acme Sportswear',
      watched_offices: ['USPTO', 'INPI-BR'],
      own_applicant_names: ['Acme Inc.'],
    },
  });

export const BrandUpdateSchema = BrandCreateSchema.partial().strict().openapi('BrandUpdate');

export const markKinds = [
  'word',
  'figurative',
  'combined',
  'three-dimensional',
  'sound',
  'colour',
  'position',
  'motion',
  'hologram',
  'other',
  'unknown',
] as const;

export const MarkSchema = z
  .object({
    id: z.string().uuid(),
    brand_id: z.string().uuid(),
    text: z.string(),
    kind: z.enum(markKinds),
    nice_classes: z.array(z.number().int()),
    goods: z.string().nullable(),
    threshold: z.number().nullable().openapi({
      description: 'Score in [0,1] at or above which a candidate alerts; null = matcher default.',
    }),
    logo_sha256: z
      .string()
      .nullable()
      .openapi({ description: 'SHA-256 of the uploaded logo (PUT /v1/marks/{id}/logo), or null.' }),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi('Mark');

export const MarkCreateSchema = z
  .object({
    text: z.string().trim().min(1).max(300),
    kind: z.enum(markKinds).default('word'),
    nice_classes: z.array(niceClass).max(45).default([]),
    goods: z.string().max(20_000).nullable().default(null),
    threshold: z.number().min(0).max(1).nullable().default(null),
  })
  .strict()
  .openapi('MarkCreate', {
    example: {
      text: 'ACME',
      kind: 'word',
      nice_classes: [25, 18],
      goods: 'Clothing, footwear',
      threshold: null,
    },
  });

export const MarkUpdateSchema = MarkCreateSchema.partial().strict().openapi('MarkUpdate');

export const alertStatuses = ['new', 'reviewing', 'actioned', 'dismissed'] as const;
export const alertSeverities = ['low', 'medium', 'high', 'critical'] as const;

export const DeadlineSchema = z
  .object({
    kind: z.string(),
    date: z.string().openapi({ example: '2026-12-22' }),
    rule: z.string(),
    sources: z.array(z.object({ citation: z.string(), url: z.string().nullable() })),
    verified: z.boolean(),
    flags: z.array(z.string()),
    notes: z.string().optional(),
  })
  .openapi('Deadline');

export const AlertSchema = z
  .object({
    id: z.string().uuid(),
    brand_id: z.string().uuid(),
    mark_id: z.string().uuid().nullable(),
    kind: z.string(),
    title: z.string(),
    severity: z.enum(alertSeverities),
    status: z.enum(alertStatuses),
    assignee: z.string().nullable(),
    source: z.string(),
    subject_kind: z.string(),
    filing: z.object({ office: z.string(), serial_number: z.string() }).nullable(),
    listing_id: z
      .string()
      .uuid()
      .nullable()
      .openapi({ description: 'The marketplace listing, for marketplace alerts (see /v1/listings).' }),
    score: z.number(),
    reasons: z.array(z.string()),
    deadline: z.string().nullable(),
    deadline_info: DeadlineSchema.nullable(),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi('Alert');

export const AlertEventSchema = z
  .object({
    id: z.number().int(),
    actor: z.string(),
    type: z.string(),
    data: z.record(z.string(), z.unknown()),
    created_at: z.string(),
  })
  .openapi('AlertEvent');

const alertChanges = {
  status: z.enum(alertStatuses).optional(),
  assignee: z.string().trim().min(1).max(200).nullable().optional(),
  note: z.string().trim().min(1).max(10_000).optional(),
  not_relevant: z.boolean().optional().openapi({
    description:
      'With status "dismissed": this filing or listing is not relevant to the brand and never alerts it again.',
  }),
};

export const AlertBulkUpdateSchema = z
  .object({ alert_ids: z.array(z.string().uuid()).min(1).max(500), ...alertChanges })
  .strict()
  .refine((v) => v.status !== undefined || v.assignee !== undefined || v.note !== undefined, {
    message: 'give at least one of status, assignee, note',
  })
  .openapi('AlertBulkUpdate', {
    example: { alert_ids: ['6f1c2b0e-8a55-4a8e-9d8e-2f0a1c9b7d10'], status: 'dismissed', not_relevant: true },
  });

export const AlertUpdateSchema = z
  .object(alertChanges)
  .strict()
  .refine((v) => v.status !== undefined || v.assignee !== undefined || v.note !== undefined, {
    message: 'give at least one of status, assignee, note',
  })
  .openapi('AlertUpdate', {
    example: {
      status: 'reviewing',
      assignee: 'maria@legal.example',
      note: 'Applicant also sells on Shopee ID.',
    },
  });

export const PartySchema = z.object({
  name: z.string(),
  country: z.string().nullable(),
  address: z.string().nullable(),
  entity_type: z.string().nullable(),
  role: z.string().nullable(),
});

export const FilingSchema = z
  .object({
    office: z.string(),
    serial_number: z.string(),
    registration_number: z.string().nullable(),
    mark_text: z.string().nullable(),
    mark_kind: z.string(),
    applicants: z.array(PartySchema),
    filing_date: z.string().nullable(),
    publication_date: z.string().nullable(),
    registration_date: z.string().nullable(),
    status_code: z.string().nullable(),
    status_text: z.string().nullable(),
    status_date: z.string().nullable(),
    status_category: z.string(),
    classes: z.array(
      z.object({ nice_class: z.number().int(), goods: z.string().nullable(), status: z.string().nullable() }),
    ),
    design_codes: z.array(z.string()),
    priority_claims: z.array(
      z.object({
        country: z.string().nullable(),
        number: z.string().nullable(),
        date: z.string().nullable(),
      }),
    ),
    mark_image_sha256: z.string().nullable(),
    extra: z.record(z.string(), z.unknown()),
    source_file: z.string().nullable(),
    version: z.number().int(),
    first_seen_at: z.string(),
    updated_at: z.string(),
  })
  .openapi('Filing');

export const pageOf = <T extends z.ZodTypeAny>(item: T, name: string) =>
  z.object({ data: z.array(item), next_cursor: z.string().nullable() }).openapi(name);

export const problemResponses = (ProblemSchema: z.ZodTypeAny, statuses: number[]) =>
  Object.fromEntries(
    statuses.map((status) => [
      status,
      {
        description: `Problem (${status})`,
        content: { 'application/problem+json': { schema: ProblemSchema } },
      },
    ]),
  );

import { z } from '@hono/zod-openapi';
import { isCalendarDate, officeCodeFor } from '../alerts/deadlines/index.ts';
import { canonicalOfficeId, unknownOfficeMessage } from '../core/offices.ts';
import { ITEM_KEYS, ITEM_STATUSES, READINESS_LEVELS } from './types.ts';

/** Request and response shapes of the plans API: validated once here, trusted inside plans/. */

const calendarDate = (what: string) =>
  z.string().refine(isCalendarDate, `${what} must be a calendar date written YYYY-MM-DD, e.g. 2027-03-01`);

/** A market the plan can enter: an office the deadline engine knows, by ISO country or office code. */
export function marketOffice(market: string): string | null {
  try {
    const office = officeCodeFor(market);
    return office === 'WIPO' ? null : office; // WIPO files into markets; it is not one.
  } catch {
    return null;
  }
}

const marketCode = z
  .string()
  .trim()
  .min(2)
  .max(16)
  .transform((s) => s.toUpperCase())
  .refine((s) => marketOffice(s) !== null, {
    message:
      'unknown market: give an ISO country with a trademark office Markhound knows (BR, ID, US, KR ...) or an office code (EUIPO, INPI-BR ...)',
  });

const marketplaceName = z
  .string()
  .trim()
  .toLowerCase()
  .regex(
    /^[a-z0-9][a-z0-9-]{1,40}$/,
    'marketplace names are lower case words joined by dashes, e.g. shopee-id, mercadolibre-br',
  );

const OwnFilingInput = z
  .object({
    office: z
      .string()
      .trim()
      .max(32)
      .transform((value, ctx) => {
        const id = canonicalOfficeId(value);
        if (id) return id;
        ctx.addIssue({ code: 'custom', message: unknownOfficeMessage(value) });
        return z.NEVER;
      })
      .optional()
      .openapi({ description: "Office of the filing; defaults to the market's office." }),
    serial_number: z.string().trim().min(1).max(40),
  })
  .strict();

const PriorityInput = z
  .object({
    home_country: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2}$/, 'home_country is an ISO 3166-1 alpha-2 code, e.g. US'),
    home_filing_date: calendarDate('home_filing_date'),
  })
  .strict();

export const PlanMarketInput = z
  .object({
    market: marketCode.openapi({ example: 'BR' }),
    target_entry_date: calendarDate('target_entry_date').openapi({ example: '2027-03-01' }),
    channels: z
      .array(marketplaceName)
      .max(20)
      .default([])
      .openapi({ example: ['mercadolibre-br'] }),
    own_filings: z.array(OwnFilingInput).max(20).default([]),
    priority: PriorityInput.nullable()
      .default(null)
      .openapi({ description: 'Claim Paris Convention priority from the home filing (6 months).' }),
  })
  .strict();

const uniqueOffices = (markets: { market: string }[]) =>
  new Set(markets.map((m) => marketOffice(m.market))).size === markets.length;

const planExample = {
  brand_id: '6f1c2b0e-8a55-4a8e-9d8e-2f0a1c9b7d10',
  name: 'LatAm and SEA 2027',
  markets: [
    {
      market: 'BR',
      target_entry_date: '2027-03-01',
      channels: ['mercadolibre-br'],
      own_filings: [],
      priority: { home_country: 'US', home_filing_date: '2026-08-31' },
    },
    {
      market: 'ID',
      target_entry_date: '2027-06-01',
      channels: ['shopee-id', 'tokopedia'],
      own_filings: [{ serial_number: 'DID2026012345' }],
      priority: null,
    },
  ],
};

const marketsList = z
  .array(PlanMarketInput)
  .min(1)
  .max(50)
  .refine(uniqueOffices, 'each market (office) may appear once per plan');

export const PlanCreateSchema = z
  .object({
    brand_id: z.string().uuid(),
    name: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .optional()
      .openapi({ description: 'Defaults to the list of markets.' }),
    markets: marketsList,
  })
  .strict()
  .openapi('PlanCreate', { example: planExample });

export const PlanUpdateSchema = z
  .object({ name: z.string().trim().min(1).max(200).optional(), markets: marketsList.optional() })
  .strict()
  .refine((v) => v.name !== undefined || v.markets !== undefined, {
    message: 'give name or markets (markets replace the whole list)',
  })
  .openapi('PlanUpdate', { example: { markets: planExample.markets.slice(0, 1) } });

export type PlanCreateInput = z.infer<typeof PlanCreateSchema>;
export type PlanMarketInputValue = z.infer<typeof PlanMarketInput>;

const ReadinessSchema = z
  .object({ level: z.enum(READINESS_LEVELS), score: z.number().int().min(0).max(100) })
  .openapi('Readiness');

const PlanMarketOut = z.object({
  market: z.string(),
  office: z.string(),
  target_entry_date: z.string(),
  channels: z.array(z.string()),
  own_filings: z.array(z.object({ office: z.string(), serial_number: z.string() })),
  priority: z.object({ home_country: z.string(), home_filing_date: z.string() }).nullable(),
});

export const PlanSchema = z
  .object({
    id: z.string().uuid(),
    brand_id: z.string().uuid(),
    name: z.string(),
    markets: z.array(PlanMarketOut),
    readiness: ReadinessSchema.nullable().openapi({ description: 'As of the last computed checklist.' }),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi('Plan', {
    example: {
      id: '0b7e6a8e-3c1f-4a53-9f0e-5b2d1c7a9e44',
      brand_id: planExample.brand_id,
      name: planExample.name,
      markets: [
        {
          market: 'BR',
          office: 'INPI-BR',
          target_entry_date: '2027-03-01',
          channels: ['mercadolibre-br'],
          own_filings: [],
          priority: { home_country: 'US', home_filing_date: '2026-08-31' },
        },
        {
          market: 'ID',
          office: 'DJKI',
          target_entry_date: '2027-06-01',
          channels: ['shopee-id', 'tokopedia'],
          own_filings: [{ office: 'DJKI', serial_number: 'DID2026012345' }],
          priority: null,
        },
      ],
      readiness: { level: 'at_risk', score: 38 },
      created_at: '2026-11-22T09:00:00.000Z',
      updated_at: '2026-11-22T09:00:00.000Z',
    },
  });

const ChecklistItemSchema = z
  .object({
    key: z.enum(ITEM_KEYS),
    status: z.enum(ITEM_STATUSES),
    due_date: z.string().nullable(),
    detail: z.string(),
    evidence: z.record(z.string(), z.unknown()),
  })
  .openapi('ChecklistItem');

const checklistExample = {
  plan_id: '0b7e6a8e-3c1f-4a53-9f0e-5b2d1c7a9e44',
  brand_id: planExample.brand_id,
  as_of: '2026-11-22',
  readiness: { level: 'at_risk', score: 38 },
  markets: [
    {
      market: 'BR',
      office: 'INPI-BR',
      target_entry_date: '2027-03-01',
      readiness: { level: 'at_risk', score: 38 },
      items: [
        {
          key: 'clearance',
          status: 'at_risk',
          due_date: '2027-03-01',
          detail: '1 confusable filing found at INPI-BR for ACME',
          evidence: {
            office_in_register: true,
            marks: [
              {
                mark_id: '1d2c3b4a-0000-4000-8000-000000000001',
                text: 'ACME',
                conflicts: [
                  {
                    office: 'INPI-BR',
                    serial_number: '929876543',
                    mark_text: 'AKME',
                    applicants: ['Akme Comércio Ltda'],
                    classes: [25],
                    status_category: 'published',
                    score: 0.91,
                    reasons: ['sounds alike: AKME and ACME read the same'],
                  },
                ],
              },
            ],
          },
        },
        {
          key: 'own_filing',
          status: 'pending',
          due_date: '2027-03-01',
          detail:
            'no own filing found at INPI-BR; file by 2027-03-01 to claim priority of the US filing of 2026-08-31 (2027-02-28 moved: INPI-BR is closed 2027-02-28 Sunday)',
          evidence: {
            filings: [],
            priority: {
              home_country: 'US',
              home_filing_date: '2026-08-31',
              deadline: '2027-03-01',
              unadjusted_deadline: '2027-02-28',
              rule: '6 months after the first filing at USPTO on 2026-08-31, to file at INPI-BR claiming its priority; a last day on which INPI-BR is closed moves to its next working day (Paris Convention Art. 4C(1)-(3))',
              moved_by: [{ date: '2027-02-28', name: 'Sunday', calendar: 'Saturday-Sunday weekend' }],
              flags: ['rolled-forward'],
            },
          },
        },
        {
          key: 'watches',
          status: 'pending',
          due_date: '2027-03-01',
          detail: 'registry source inpi-br-rpi is enabled but has not synced yet',
          evidence: {
            brand_watches_office: true,
            office_sources: [
              { id: 'inpi-br-rpi', enabled: true, synced: false, healthy: false, last_error: null },
            ],
            marketplace_watches: ['mercadolibre-br'],
          },
        },
        {
          key: 'marketplace_enrolment',
          status: 'blocked',
          due_date: '2027-03-01',
          detail: 'brand registries of mercadolibre-br need a registration at INPI-BR; none yet',
          evidence: { channels: ['mercadolibre-br'], registration: null },
        },
        {
          key: 'oppositions',
          status: 'done',
          due_date: null,
          detail: 'no open opposition deadline at INPI-BR',
          evidence: { alerts: [] },
        },
      ],
    },
  ],
};

export const ChecklistSchema = z
  .object({
    plan_id: z.string().uuid(),
    brand_id: z.string().uuid(),
    as_of: z.string(),
    readiness: ReadinessSchema,
    markets: z.array(
      z.object({
        market: z.string(),
        office: z.string(),
        target_entry_date: z.string(),
        readiness: ReadinessSchema,
        items: z.array(ChecklistItemSchema),
      }),
    ),
  })
  .openapi('Checklist', { example: checklistExample });

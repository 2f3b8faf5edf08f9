import { createRoute, z } from '@hono/zod-openapi';
import { and, asc, eq } from 'drizzle-orm';
import type { HttpClient } from '../../crawler/http/index.ts';
import { DomainError, NotFoundError } from '../../core/index.ts';
import { tables } from '../../db/index.ts';
import { brandRightsHolders, markRegistrations } from '../../db/schema-marketplaces.ts';
import {
  PROGRAMMES,
  draftTakedown,
  findTakedown,
  programmeById,
  recheckTakedown,
  renderTakedownPdf,
  setTakedownStatus,
  type TakedownRow,
} from '../../marketplaces/index.ts';
import { assertRole } from '../auth.ts';
import { ProblemSchema } from '../problem.ts';
import { newRouter, security, type ApiDeps } from '../router.ts';
import { IdParam, problemResponses } from '../schemas.ts';
import { findBrand } from './brands.ts';

const errors = (...statuses: number[]) => problemResponses(ProblemSchema, [401, ...statuses]);
const json = <T extends z.ZodTypeAny>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
const body = <T extends z.ZodTypeAny>(schema: T) => ({
  required: true,
  content: { 'application/json': { schema } },
});
const iso = (d: Date | null) => (d ? d.toISOString() : null);
class RecheckUnavailableError extends DomainError {
  constructor(message: string) {
    super('recheck_unavailable', message, 503);
  }
}

const programmeIds = PROGRAMMES.map((p) => p.id) as [string, ...string[]];

const TakedownSchema = z
  .object({
    id: z.string().uuid(),
    alert_id: z.string().uuid(),
    listing_id: z.string().uuid(),
    programme: z.object({
      id: z.string(),
      name: z.string(),
      portal: z.string(),
      max_listings_per_report: z.number().int().nullable(),
      form: z.array(z.object({ key: z.string(), label: z.string(), required: z.boolean() })),
      sources: z.array(z.string()),
    }),
    status: z.enum(['draft', 'reported', 'removed', 'rejected']),
    fields: z
      .record(z.string(), z.unknown())
      .openapi({ description: "The programme's form fields, pre-filled" }),
    missing: z.array(z.string()).openapi({ description: 'Required fields to fill before filing' }),
    notes: z.array(z.string()),
    case_reference: z.string().nullable(),
    last_check: z
      .object({
        at: z.string(),
        gone: z.boolean(),
        reason: z.string(),
        http_status: z.number().int().nullable(),
      })
      .nullable(),
    created_at: z.string(),
    updated_at: z.string(),
    reported_at: z.string().nullable(),
    resolved_at: z.string().nullable(),
  })
  .openapi('TakedownReport');

function takedownOut(row: TakedownRow, notes: string[] = []) {
  const programme = programmeById(row.programme)!;
  return {
    id: row.id,
    alert_id: row.alertId,
    listing_id: row.listingId,
    programme: {
      id: programme.id,
      name: programme.name,
      portal: programme.portal,
      max_listings_per_report: programme.maxListingsPerReport,
      form: programme.fields.map((f) => ({ key: f.key, label: f.label, required: f.required })),
      sources: programme.sources,
    },
    status: row.status,
    fields: row.fields,
    missing: row.missing,
    notes,
    case_reference: row.caseReference,
    last_check: row.lastCheck
      ? {
          at: row.lastCheck.at,
          gone: row.lastCheck.gone,
          reason: row.lastCheck.reason,
          http_status: row.lastCheck.httpStatus,
        }
      : null,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
    reported_at: iso(row.reportedAt),
    resolved_at: iso(row.resolvedAt),
  };
}

const RightsHolderBody = z
  .object({
    name: z.string().trim().min(1).max(300),
    address: z.string().trim().max(1000).nullable().optional(),
    email: z.string().trim().email().max(300).nullable().optional(),
    phone: z.string().trim().max(60).nullable().optional(),
    agent_name: z.string().trim().max(300).nullable().optional(),
  })
  .strict()
  .openapi('RightsHolder', {
    example: {
      name: 'Acme Audio Ltd',
      address: '1 High St, London',
      email: 'legal@acme.example',
      phone: '+44 20 7946 0000',
    },
  });

const RegistrationsBody = z
  .object({
    registrations: z
      .array(
        z
          .object({
            office: z.string().trim().min(2).max(30),
            registration_number: z.string().trim().min(1).max(60),
            jurisdiction: z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code, or EM / WO'),
            registration_date: z.string().date().nullable().optional(),
            classes: z.array(z.number().int().min(1).max(45)).max(45).optional(),
            certificate_url: z.string().url().max(2000).nullable().optional(),
          })
          .strict(),
      )
      .max(200),
  })
  .strict()
  .openapi('MarkRegistrationsPut', {
    example: {
      registrations: [
        { office: 'DJKI', registration_number: 'IDM000123456', jurisdiction: 'ID', classes: [9] },
      ],
    },
  });

export interface TakedownRouteOptions {
  /** The server's SSRF-guarded HTTP client, for re-checks; without it re-check answers 503. */
  http?: Pick<HttpClient, 'get'>;
  /** Rewrites a listing URL before fetching it (tests, mirrors). */
  fetchUrl?: (url: string) => string;
}

/** Takedown reports for alerted listings, and the rights data they are filled from. */
export function takedownRoutes({ db, clock }: ApiDeps, options: TakedownRouteOptions = {}) {
  const app = newRouter();

  app.openapi(
    createRoute({
      method: 'put',
      path: '/v1/brands/{id}/rights-holder',
      tags: ['Takedowns'],
      summary: 'Set who files takedowns for the brand (rights owner, contact, agent)',
      security,
      request: { params: IdParam, body: body(RightsHolderBody) },
      responses: { 200: json(RightsHolderBody, 'Stored'), ...errors(400, 403, 404) },
    }),
    async (c) => {
      assertRole(c.var.auth, 'editor');
      const brand = await findBrand(db, c.var.auth.organizationId, c.req.valid('param').id);
      const b = c.req.valid('json');
      const values = {
        name: b.name,
        address: b.address ?? null,
        email: b.email ?? null,
        phone: b.phone ?? null,
        agentName: b.agent_name ?? null,
        updatedAt: clock.now(),
      };
      await db
        .insert(brandRightsHolders)
        .values({ brandId: brand.id, organizationId: brand.organizationId, ...values })
        .onConflictDoUpdate({ target: brandRightsHolders.brandId, set: values });
      return c.json(
        {
          name: values.name,
          address: values.address,
          email: values.email,
          phone: values.phone,
          agent_name: values.agentName,
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/v1/marks/{id}/registrations',
      tags: ['Takedowns'],
      summary:
        "Replace a mark's registrations (number, office, jurisdiction): the proof of rights takedown forms ask for",
      security,
      request: { params: IdParam, body: body(RegistrationsBody) },
      responses: { 200: json(RegistrationsBody, 'Stored'), ...errors(400, 403, 404) },
    }),
    async (c) => {
      assertRole(c.var.auth, 'editor');
      const organizationId = c.var.auth.organizationId;
      const markId = c.req.valid('param').id;
      const [mark] = await db
        .select()
        .from(tables.marks)
        .where(and(eq(tables.marks.id, markId), eq(tables.marks.organizationId, organizationId)));
      if (!mark) throw new NotFoundError(`mark ${markId} not found in your organization`);
      const { registrations } = c.req.valid('json');
      await db.transaction(async (tx) => {
        await tx.delete(markRegistrations).where(eq(markRegistrations.markId, mark.id));
        if (registrations.length)
          await tx.insert(markRegistrations).values(
            registrations.map((r) => ({
              organizationId,
              markId: mark.id,
              office: r.office,
              registrationNumber: r.registration_number,
              jurisdiction: r.jurisdiction,
              registrationDate: r.registration_date ?? null,
              classes: r.classes ?? [],
              certificateUrl: r.certificate_url ?? null,
            })),
          );
      });
      const rows = await db
        .select()
        .from(markRegistrations)
        .where(eq(markRegistrations.markId, mark.id))
        .orderBy(asc(markRegistrations.office));
      return c.json(
        {
          registrations: rows.map((r) => ({
            office: r.office,
            registration_number: r.registrationNumber,
            jurisdiction: r.jurisdiction,
            registration_date: r.registrationDate,
            classes: r.classes,
            certificate_url: r.certificateUrl,
          })),
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/alerts/{id}/takedown',
      tags: ['Takedowns'],
      summary: "Prepare the alerted listing's takedown report for its marketplace's IP programme",
      security,
      request: {
        params: IdParam,
        body: {
          required: false,
          content: {
            'application/json': { schema: z.object({ programme: z.enum(programmeIds).optional() }).strict() },
          },
        },
      },
      responses: { 200: json(TakedownSchema, 'The report'), ...errors(400, 403, 404) },
    }),
    async (c) => {
      assertRole(c.var.auth, 'editor');
      const requested = c.req.valid('json')?.programme;
      const { report, notes } = await draftTakedown(db, clock, {
        organizationId: c.var.auth.organizationId,
        alertId: c.req.valid('param').id,
        ...(requested ? { programmeId: requested } : {}),
      });
      return c.json(takedownOut(report, notes), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/takedowns/{id}',
      tags: ['Takedowns'],
      summary: 'A takedown report: programme, form fields, status, last re-check',
      security,
      request: { params: IdParam },
      responses: { 200: json(TakedownSchema, 'The report'), ...errors(400, 404) },
    }),
    async (c) =>
      c.json(takedownOut(await findTakedown(db, c.var.auth.organizationId, c.req.valid('param').id)), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/takedowns/{id}/pdf',
      tags: ['Takedowns'],
      summary: 'The takedown report as a PDF, field by field as the programme asks',
      security,
      request: { params: IdParam },
      responses: {
        200: {
          description: 'PDF',
          content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } },
        },
        ...errors(400, 404),
      },
    }),
    async (c) => {
      const row = await findTakedown(db, c.var.auth.organizationId, c.req.valid('param').id);
      const pdf = await renderTakedownPdf({
        reportId: row.id,
        programme: programmeById(row.programme)!,
        status: row.status,
        createdAt: row.createdAt.toISOString(),
        fields: row.fields,
        missing: row.missing,
        notes: [],
      });
      return c.body(new Uint8Array(pdf), 200, {
        'content-type': 'application/pdf',
        'content-disposition': `attachment; filename="takedown-${row.id}.pdf"`,
      });
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/v1/takedowns/{id}',
      tags: ['Takedowns'],
      summary: 'Record that the report was filed, or what the programme decided; the alert follows',
      security,
      request: {
        params: IdParam,
        body: body(
          z
            .object({
              status: z.enum(['reported', 'removed', 'rejected']),
              case_reference: z.string().trim().max(200).nullable().optional(),
            })
            .strict(),
        ),
      },
      responses: { 200: json(TakedownSchema, 'Updated'), ...errors(400, 403, 404) },
    }),
    async (c) => {
      assertRole(c.var.auth, 'editor');
      const b = c.req.valid('json');
      const row = await setTakedownStatus(db, clock, {
        organizationId: c.var.auth.organizationId,
        id: c.req.valid('param').id,
        status: b.status,
        actor: `key:${c.var.auth.keyId}`,
        ...(b.case_reference !== undefined ? { caseReference: b.case_reference } : {}),
      });
      return c.json(takedownOut(row), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/takedowns/{id}/recheck',
      tags: ['Takedowns'],
      summary: 'Fetch the listing again (SSRF-guarded); a reported listing that is gone becomes removed',
      security,
      request: { params: IdParam },
      responses: { 200: json(TakedownSchema, 'After the re-check'), ...errors(400, 403, 404, 503) },
    }),
    async (c) => {
      assertRole(c.var.auth, 'editor');
      if (!options.http)
        throw new RecheckUnavailableError(
          're-checking listings needs the server HTTP client; this server was started without one',
        );
      const row = await recheckTakedown(
        { db, clock, http: options.http, ...(options.fetchUrl ? { fetchUrl: options.fetchUrl } : {}) },
        {
          organizationId: c.var.auth.organizationId,
          id: c.req.valid('param').id,
          actor: `key:${c.var.auth.keyId}`,
        },
      );
      return c.json(takedownOut(row), 200);
    },
  );
  return app;
}

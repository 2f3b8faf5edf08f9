import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { and, eq } from 'drizzle-orm';
import { InputFormatError } from '../../core/errors.ts';
import { NotFoundError } from '../../core/errors.ts';
import { tables, type Database } from '../../db/index.ts';
import { findBlob, putBlob } from '../../evidence/blob-store.ts';
import { compareLogos, DEFAULT_LOGO_LIMITS, hashLogo, normalizeLogo } from '../../matcher/logo/index.ts';
import { assertRole } from '../auth.ts';
import { ProblemSchema, problemResponse } from '../problem.ts';
import { newRouter, security, type ApiDeps } from '../router.ts';
import { IdParam, MarkSchema, officeId, problemResponses } from '../schemas.ts';
import { markOut } from '../serialize.ts';

/** Largest logo upload; a logo needs far less, and the decoded-pixel limit guards against bombs. */
export const MAX_LOGO_BYTES = 5 * 1024 * 1024;
const LOGO_LIMITS = { ...DEFAULT_LOGO_LIMITS, maxBytes: MAX_LOGO_BYTES };
const ACCEPTED_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/svg+xml', 'image/gif'];
/** The stored mime type comes from what sharp read, not from what the client declared. */
const MIME_OF_FORMAT: Record<string, string> = {
  png: 'image/png',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  svg: 'image/svg+xml',
  gif: 'image/gif',
};

const errors = (...statuses: number[]) => problemResponses(ProblemSchema, [401, ...statuses]);
const imageContent = Object.fromEntries(
  ACCEPTED_TYPES.map((t) => [t, { schema: z.string().openapi({ format: 'binary' }) }]),
);
const FilingParams = z.object({
  office: officeId.openapi({ param: { name: 'office', in: 'path' }, example: 'USPTO' }),
  serial: z
    .string()
    .min(1)
    .max(40)
    .openapi({ param: { name: 'serial', in: 'path' }, example: '76044902' }),
});
const MarkWithLogoSchema = MarkSchema.extend({
  logo_sha256: z
    .string()
    .nullable()
    .openapi({ description: 'sha256 of the uploaded logo; fetch it from GET /v1/marks/{id}/logo' }),
}).openapi('MarkWithLogo');
const LogoComparisonSchema = z
  .object({
    similarity: z.number(),
    distance: z.number(),
    mirrored: z.boolean(),
    via: z.enum(['whole', 'rotated', 'cropped', 'part']).openapi({
      description:
        'which images decided: the whole logos, one turned back a few degrees, one with a cut-off edge restored, or a part of one (an icon set beside a word)',
    }),
    reasons: z.array(z.string()),
  })
  .openapi('LogoComparison', {
    example: {
      similarity: 0.93,
      distance: 2,
      mirrored: false,
      via: 'whole',
      reasons: ['logo matches (distance 2 of 64)'],
    },
  });

type MarkRow = typeof tables.marks.$inferSelect;
const markWithLogo = (mark: MarkRow) => ({ ...markOut(mark), logo_sha256: mark.logoSha256 ?? null });

/**
 * Serves stored image bytes. nosniff keeps the browser on the stored type, and the CSP makes an
 * uploaded SVG inert: opened directly it can draw, but never run script or load anything.
 */
export function imageResponse(c: Context, image: { bytes: Buffer; mimeType: string }): Response {
  const headers: Record<string, string> = {
    'Content-Type': image.mimeType,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'private, max-age=300',
  };
  if (image.mimeType === 'image/svg+xml')
    headers['Content-Security-Policy'] = "default-src 'none'; style-src 'unsafe-inline'";
  return c.body(new Uint8Array(image.bytes), 200, headers);
}

async function findMark(db: Database, organizationId: string, id: string): Promise<MarkRow> {
  const m = tables.marks;
  const [mark] = await db
    .select()
    .from(m)
    .where(and(eq(m.id, id), eq(m.organizationId, organizationId)));
  if (!mark) throw new NotFoundError(`mark ${id} not found in your organization`);
  return mark;
}

async function storedImage(db: Database, sha256: string | null | undefined, what: string) {
  const image = sha256 ? await findBlob(db, sha256) : null;
  if (!image) throw new NotFoundError(`${what} has no stored image`);
  return image;
}

/** Reads and checks an upload; returns a problem response when it is refused. */
async function readUpload(c: Context): Promise<{ bytes: Buffer; mimeType: string } | Response> {
  const declared = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (!ACCEPTED_TYPES.includes(declared)) {
    return problemResponse(
      c,
      415,
      'unsupported_media_type',
      `logo Content-Type "${declared || 'none'}" is not accepted; send the raw image as one of ${ACCEPTED_TYPES.join(', ')}`,
    );
  }
  const bytes = Buffer.from(await c.req.arrayBuffer());
  if (bytes.length === 0)
    return problemResponse(
      c,
      400,
      'empty_body',
      'the logo body is empty; send the image bytes as the request body',
    );
  if (bytes.length > MAX_LOGO_BYTES)
    return problemResponse(
      c,
      413,
      'payload_too_large',
      `logo is ${bytes.length} bytes, over the limit of ${MAX_LOGO_BYTES} bytes (5 MB); shrink the image`,
    );
  try {
    const normalized = await normalizeLogo(bytes, LOGO_LIMITS);
    return { bytes, mimeType: MIME_OF_FORMAT[normalized.source.format] ?? declared };
  } catch (error) {
    if (!(error instanceof InputFormatError)) throw error;
    // Over a size limit (a decompression bomb) is a real image we refuse; anything else is not an image.
    const overLimit =
      error.details !== undefined && ('maxPixels' in error.details || 'maxBytes' in error.details);
    return overLimit
      ? problemResponse(c, 422, 'logo_too_large', error.message)
      : problemResponse(c, 400, 'not_an_image', error.message);
  }
}

export function logoRoutes({ db }: ApiDeps) {
  const app = newRouter();
  const m = tables.marks;
  // Stops reading an oversized upload early instead of buffering it (createApi's /v1 limit may be lower).
  app.use(
    '/v1/marks/:id/logo',
    bodyLimit({
      maxSize: MAX_LOGO_BYTES,
      onError: (c) =>
        problemResponse(
          c,
          413,
          'payload_too_large',
          `logo over the limit of ${MAX_LOGO_BYTES} bytes (5 MB); shrink the image`,
        ),
    }),
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/v1/marks/{id}/logo',
      tags: ['Marks'],
      summary: "Upload a mark's logo (raw image body, max 5 MB)",
      security,
      request: { params: IdParam, body: { required: true, content: imageContent } },
      responses: {
        200: {
          description: 'The mark with its logo',
          content: { 'application/json': { schema: MarkWithLogoSchema } },
        },
        ...errors(400, 403, 404, 413, 415, 422),
      },
    }),
    async (c) => {
      assertRole(c.var.auth, 'editor');
      const mark = await findMark(db, c.var.auth.organizationId, c.req.valid('param').id);
      const upload = await readUpload(c);
      if (upload instanceof Response) return upload as never;
      const row = await db.transaction(async (tx) => {
        // putBlob takes the database type; a transaction offers the same query API.
        const ref = await putBlob(tx as unknown as Database, upload.bytes, upload.mimeType);
        const [updated] = await tx
          .update(m)
          .set({ logoSha256: ref.sha256, updatedAt: new Date() })
          .where(eq(m.id, mark.id))
          .returning();
        return updated!;
      });
      return c.json(markWithLogo(row), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/v1/marks/{id}/logo',
      tags: ['Marks'],
      summary: "Remove a mark's logo",
      security,
      request: { params: IdParam },
      responses: {
        200: {
          description: 'The mark without a logo',
          content: { 'application/json': { schema: MarkWithLogoSchema } },
        },
        ...errors(400, 403, 404),
      },
    }),
    async (c) => {
      assertRole(c.var.auth, 'editor');
      const mark = await findMark(db, c.var.auth.organizationId, c.req.valid('param').id);
      const [row] = await db
        .update(m)
        .set({ logoSha256: null, updatedAt: new Date() })
        .where(eq(m.id, mark.id))
        .returning();
      return c.json(markWithLogo(row!), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/marks/{id}/logo',
      tags: ['Marks'],
      summary: "A mark's logo image",
      security,
      request: { params: IdParam },
      responses: { 200: { description: 'The image bytes', content: imageContent }, ...errors(400, 404) },
    }),
    async (c) => {
      const mark = await findMark(db, c.var.auth.organizationId, c.req.valid('param').id);
      return imageResponse(c, await storedImage(db, mark.logoSha256, `mark ${mark.id}`)) as never;
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/filings/{office}/{serial}/image',
      tags: ['Filings'],
      summary: "A filing's mark image (public office data)",
      security,
      request: { params: FilingParams },
      responses: { 200: { description: 'The image bytes', content: imageContent }, ...errors(400, 404) },
    }),
    async (c) => {
      const { office, serial } = c.req.valid('param');
      const filing = await findFiling(db, office, serial);
      return imageResponse(
        c,
        await storedImage(db, filing?.markImage?.sha256, `filing ${office} ${serial}`),
      ) as never;
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/alerts/{id}/logo-comparison',
      tags: ['Alerts'],
      summary: "The watched mark's logo compared with the found mark's image",
      security,
      request: { params: IdParam },
      responses: {
        200: { description: 'Comparison', content: { 'application/json': { schema: LogoComparisonSchema } } },
        ...errors(400, 404),
      },
    }),
    async (c) => {
      const id = c.req.valid('param').id;
      const a = tables.alerts;
      const [alert] = await db
        .select()
        .from(a)
        .where(and(eq(a.id, id), eq(a.organizationId, c.var.auth.organizationId)));
      if (!alert) throw new NotFoundError(`alert ${id} not found in your organization`);
      const mark = alert.markId ? await findMark(db, alert.organizationId, alert.markId) : null;
      const [filing] = alert.filingId
        ? await db.select().from(tables.filings).where(eq(tables.filings.id, alert.filingId))
        : [];
      const ours = await storedImage(db, mark?.logoSha256, `the watched mark of alert ${id}`);
      const theirs = await storedImage(db, filing?.markImage?.sha256, `the found mark of alert ${id}`);
      // The watched logo is what is looked for (no query variants needed); the found image may be
      // tilted, cut off or set beside other matter.
      const watched = await hashLogo(ours.bytes, { variants: false });
      return c.json(compareLogos(watched, await hashLogo(theirs.bytes)), 200);
    },
  );

  return app;
}

async function findFiling(db: Database, office: string, serial: string) {
  const f = tables.filings;
  const [filing] = await db
    .select()
    .from(f)
    .where(and(eq(f.office, office), eq(f.serialNumber, serial)));
  if (!filing)
    throw new NotFoundError(
      `no filing ${serial} from office ${office} has been ingested; check the office code and serial number`,
    );
  return filing;
}

import { createRoute, z } from '@hono/zod-openapi';
import type { JobQueue } from '../../app/job-queue.ts';
import {
  findPack,
  instancePublicKey,
  MAX_ALERTS_PER_PACK,
  packZip,
  requestEvidencePack,
  type PackRow,
} from '../../evidence/index.ts';
import { actorOf, assertRole } from '../auth.ts';
import { ProblemSchema } from '../problem.ts';
import { newRouter, security, type ApiDeps } from '../router.ts';
import { IdParam, problemResponses } from '../schemas.ts';

const errors = (...statuses: number[]) => problemResponses(ProblemSchema, [401, ...statuses]);
const json = <T extends z.ZodTypeAny>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

const PublishedKeySchema = z
  .object({
    algorithm: z.literal('Ed25519'),
    public_key_pem: z.string(),
    fingerprint_sha256: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .openapi('EvidencePublicKey');

const PackRequestSchema = z
  .object({ alert_ids: z.array(z.string().uuid()).min(1).max(MAX_ALERTS_PER_PACK) })
  .strict()
  .openapi('EvidencePackRequest', { example: { alert_ids: ['6f1c2b0e-8a55-4a8e-9d8e-2f0a1c9b7d10'] } });

const PackSchema = z
  .object({
    id: z.string().uuid(),
    state: z.enum(['queued', 'running', 'done', 'failed']),
    progress_pct: z.number().int(),
    step: z.string(),
    errors: z.array(z.string()),
    alert_ids: z.array(z.string().uuid()),
    zip_sha256: z.string().nullable(),
    zip_size_bytes: z.number().int().nullable(),
    manifest_sha256: z.string().nullable(),
    download_url: z.string().nullable(),
    created_at: z.string(),
    finished_at: z.string().nullable(),
  })
  .openapi('EvidencePack', {
    example: {
      id: '0b6f3c4e-1d2a-4f5b-9c8d-7e6f5a4b3c2d',
      state: 'running',
      progress_pct: 35,
      step: 'collecting alert 2 of 4',
      errors: [],
      alert_ids: ['6f1c2b0e-8a55-4a8e-9d8e-2f0a1c9b7d10'],
      zip_sha256: null,
      zip_size_bytes: null,
      manifest_sha256: null,
      download_url: null,
      created_at: '2026-11-22T09:00:00.000Z',
      finished_at: null,
    },
  });

const packOut = (p: PackRow) => ({
  id: p.id,
  state: p.state,
  progress_pct: p.progressPct,
  step: p.step,
  errors: p.errors,
  alert_ids: p.alertIds,
  zip_sha256: p.zipSha256,
  zip_size_bytes: p.zipSizeBytes,
  manifest_sha256: p.manifestSha256,
  download_url: p.state === 'done' ? `/v1/evidence-packs/${p.id}/download` : null,
  created_at: p.createdAt.toISOString(),
  finished_at: p.finishedAt?.toISOString() ?? null,
});

/** Evidence packs: request (editor), follow progress and download (any role of the organization). */
export function evidencePackRoutes({ db, queue }: ApiDeps & { queue: Pick<JobQueue, 'send'> }) {
  const app = newRouter();

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/evidence-packs',
      tags: ['Evidence'],
      summary: 'Build an evidence pack for some of your alerts (runs as a job)',
      security,
      request: { body: { required: true, content: { 'application/json': { schema: PackRequestSchema } } } },
      responses: {
        202: json(PackSchema, 'Accepted: follow progress at GET /v1/evidence-packs/{id}'),
        ...errors(400, 403, 404),
      },
    }),
    async (c) => {
      assertRole(c.var.auth, 'editor');
      const body = c.req.valid('json');
      const row = await requestEvidencePack(
        { db, queue },
        { organizationId: c.var.auth.organizationId, alertIds: body.alert_ids, actor: actorOf(c.var.auth) },
      );
      c.header('Location', `/v1/evidence-packs/${row.id}`);
      return c.json(packOut(row), 202);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/evidence-packs/{id}',
      tags: ['Evidence'],
      summary: 'State, progress and errors of an evidence pack',
      security,
      request: { params: IdParam },
      responses: { 200: json(PackSchema, 'Evidence pack'), ...errors(400, 404) },
    }),
    async (c) => c.json(packOut(await findPack(db, c.var.auth.organizationId, c.req.valid('param').id)), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/evidence-packs/{id}/download',
      tags: ['Evidence'],
      summary: 'The ZIP of a finished evidence pack',
      security,
      request: { params: IdParam },
      responses: {
        200: {
          description: 'The pack',
          content: { 'application/zip': { schema: z.string().openapi({ format: 'binary' }) } },
        },
        ...errors(400, 404, 409),
      },
    }),
    async (c) => {
      const { row, zip } = await packZip(db, c.var.auth.organizationId, c.req.valid('param').id);
      return c.body(new Uint8Array(zip), 200, {
        'Content-Type': 'application/zip',
        'Content-Disposition': `attachment; filename="evidence-pack-${row.id}.zip"`,
        Digest: `sha-256=${Buffer.from(row.zipSha256 ?? '', 'hex').toString('base64')}`,
      });
    },
  );

  // The instance key is published without an API key (outside /v1): whoever receives a pack (a
  // court, the other side) must be able to pin the signer without an account here.
  app.openapi(
    createRoute({
      method: 'get',
      path: '/evidence/public-key',
      tags: ['Evidence'],
      summary:
        "This instance's evidence signing key: pin it when verifying packs (`markhound evidence verify --public-key` or `--fingerprint`)",
      responses: { 200: json(PublishedKeySchema, 'The Ed25519 public key and its SHA-256 fingerprint') },
    }),
    async (c) => c.json(await instancePublicKey(db), 200, { 'cache-control': 'public, max-age=300' }),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/evidence/public-key.pem',
      tags: ['Evidence'],
      summary: "This instance's evidence signing key as a PEM file (for `--public-key`)",
      responses: {
        200: { description: 'SPKI PEM', content: { 'application/x-pem-file': { schema: z.string() } } },
      },
    }),
    async (c) =>
      c.body((await instancePublicKey(db)).public_key_pem, 200, {
        'content-type': 'application/x-pem-file',
        'cache-control': 'public, max-age=300',
      }),
  );

  return app;
}

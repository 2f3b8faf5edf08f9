import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SsrfGuard } from '../../crawler/http/index.ts';
import {
  buildTimeStampRequest,
  readTimestampResponse,
  readZip,
  requestEvidencePack,
  requestTimestamp,
  runPackJob,
  verifyPack,
  writeZip,
} from '../../evidence/index.ts';
import { createTestContext, keyFor, type TestContext } from '../support/test-context.ts';
import { startLocalTsa, type LocalTsa } from './local-tsa.ts';
import { seedTwoAlerts } from './seed.ts';

let ctx: TestContext;
let tsa: LocalTsa;
let zip: Buffer;
const run = promisify(execFile);
const guard = new SsrfGuard({ allowLoopback: true });

beforeAll(async () => {
  tsa = await startLocalTsa();
  ctx = await createTestContext();
  const editor = await keyFor(ctx, 'Swoosh Co', 'editor');
  const alertIds = await seedTwoAlerts(ctx, editor);
  const organizationId = (await ctx.db.query.alerts.findFirst())!.organizationId;
  // The job's handler is called directly here; the queue path is covered by packs.test.ts.
  const queued = await requestEvidencePack(
    { db: ctx.db, queue: { send: async () => 'job-1' } },
    { organizationId, alertIds, actor: 'key:test' },
  );
  expect(
    await runPackJob({ db: ctx.db, clock: ctx.clock, guard }, queued.id, {
      tsaUrl: tsa.url,
      instanceName: 'test-instance',
    }),
  ).toBe('done');
  const { packZip } = await import('../../evidence/pack-job.ts');
  zip = (await packZip(ctx.db, organizationId, queued.id)).zip;
}, 120_000);

afterAll(async () => {
  await ctx?.close();
  await tsa?.close();
});

describe('RFC 3161 timestamp of the manifest', () => {
  it('builds a TimeStampReq that openssl answers with our hash in the imprint', async () => {
    const hash = createHash('sha256').update('hello').digest();
    const request = buildTimeStampRequest(hash, Buffer.from('0102030405060708', 'hex'));
    // openssl reads our DER back as the request we meant.
    const dir = await mkdtemp(join(tmpdir(), 'markhound-tsq-'));
    await writeFile(join(dir, 'q.tsq'), request);
    const { stdout } = await run('openssl', ['ts', '-query', '-in', join(dir, 'q.tsq'), '-text']);
    await rm(dir, { recursive: true, force: true });
    expect(stdout).toMatch(/Version: 1/);
    expect(stdout).toMatch(/Hash Algorithm: sha256/);
    expect(stdout).toMatch(/Nonce: 0x0102030405060708/);
    expect(stdout).toMatch(/Certificate required: yes/);
    expect(stdout.replace(/[^0-9a-f]/g, '')).toContain(
      hash
        .toString('hex')
        .slice(0, 32)
        .replace(/[^0-9a-f]/g, ''),
    );
    const reply = await requestTimestamp(tsa.url, hash, { guard });
    const facts = readTimestampResponse(reply);
    expect(facts.messageImprint).toBe(hash.toString('hex'));
    expect(facts.hashAlgorithm).toBe('2.16.840.1.101.3.4.2.1');
    expect(facts.genTime).toMatch(/^\d{14}Z$/);
  });

  it('refuses an authority behind a link-local address before sending anything', async () => {
    const before = tsa.requests;
    await expect(requestTimestamp('http://169.254.169.254/tsa', Buffer.alloc(32), { guard })).rejects.toThrow(
      /link-local/,
    );
    expect(tsa.requests).toBe(before);
  });

  it('puts manifest.tsr in the pack and verifies it offline, with openssl against the CA', async () => {
    const files = await readZip(zip);
    expect(files.has('manifest.tsr')).toBe(true);
    const offline = await verifyPack(zip);
    expect(offline.checks.find((c) => c.name === 'timestamp')?.detail).toMatch(/stamps the manifest hash/);
    const full = await verifyPack(zip, { tsaCertPath: tsa.caCertPath });
    expect(full.checks.filter((c) => !c.ok)).toEqual([]);
    expect(full.checks.find((c) => c.name === 'timestamp')?.detail).toMatch(/verified by openssl/);
  });

  it('fails when the token stamps another hash or is missing', async () => {
    const other = await requestTimestamp(tsa.url, createHash('sha256').update('another manifest').digest(), {
      guard,
    });
    const rewrite = async (change: (f: Map<string, Buffer>) => void) => {
      const files = await readZip(zip);
      change(files);
      return writeZip(
        [...files].map(([path, bytes]) => ({ path, bytes })),
        new Date(),
      );
    };
    const swapped = await verifyPack(await rewrite((f) => f.set('manifest.tsr', other)));
    expect(swapped.checks.find((c) => c.name === 'timestamp')).toMatchObject({
      ok: false,
      detail: expect.stringMatching(/not the SHA-256 of manifest.json/),
    });
    const missing = await verifyPack(await rewrite((f) => f.delete('manifest.tsr')));
    expect(missing.checks.find((c) => c.name === 'timestamp')).toMatchObject({
      ok: false,
      detail: expect.stringMatching(/manifest.tsr is missing/),
    });
  });
});

import { generateKeyPairSync, sign } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runEvidenceVerify } from '../../cli/commands/evidence.ts';
import { SsrfGuard } from '../../crawler/http/index.ts';
import {
  buildCustodyLog,
  formatVerifyReport,
  keyFingerprint,
  loadInstanceKey,
  readZip,
  requestEvidencePack,
  runPackJob,
  verifyPack,
  writeZip,
  type CustodyEntry,
  type Manifest,
} from '../../evidence/index.ts';
import { startCli } from '../resume/cli-child.ts';
import { createTestContext, keyFor, testApi, type TestContext } from '../support/test-context.ts';
import { seedTwoAlerts } from './seed.ts';

// A pack carries its own public key, so a signature checked against that key proves only that the
// pack was not changed after *someone* signed it. A forger who changes a file, fixes the hashes and
// custody chain and re-signs with a key of their own passes that check: only the pinned instance key
// (or its fingerprint) tells the instance's packs from theirs.
let ctx: TestContext;
let dir: string;
let genuine: Buffer;
let forged: Buffer;
let instancePem: string;
let instanceFingerprint: string;
let alertIds: string[];

const sha256Hex = async (bytes: Buffer) =>
  (await import('node:crypto')).createHash('sha256').update(bytes).digest('hex');

/** What a forger with a ZIP tool does: change files, fix every hash and the custody chain, re-sign. */
async function resign(zip: Buffer, changes: Map<string, Buffer>): Promise<Buffer> {
  const files = await readZip(zip);
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const forgerPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  changes.set('public-key.pem', Buffer.from(forgerPem));
  for (const [path, bytes] of changes) files.set(path, bytes);
  const entries = files
    .get('custody.jsonl')!
    .toString('utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as CustodyEntry);
  for (const entry of entries) {
    const changed = entry.action === 'packed' ? changes.get(entry.subject) : undefined;
    if (changed) entry.sha256 = await sha256Hex(changed);
  }
  files.set(
    'custody.jsonl',
    Buffer.from(buildCustodyLog(entries.map(({ seq: _seq, prev: _prev, ...event }) => event)), 'utf8'),
  );
  const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8')) as Manifest;
  for (const entry of manifest.files) {
    const bytes = files.get(entry.path)!;
    entry.sha256 = await sha256Hex(bytes);
    entry.size = bytes.length;
  }
  manifest.pack.instance.key_fingerprint = keyFingerprint(forgerPem);
  const manifestBytes = Buffer.from(JSON.stringify(manifest, null, 2));
  files.set('manifest.json', manifestBytes);
  files.set('manifest.sig', sign(null, manifestBytes, privateKey));
  return writeZip(
    [...files.entries()].map(([path, bytes]) => ({ path, bytes })),
    new Date('2026-11-22T10:00:00Z'),
  );
}

beforeAll(async () => {
  ctx = await createTestContext();
  dir = await mkdtemp(join(tmpdir(), 'markhound-signer-'));
  alertIds = await seedTwoAlerts(ctx, await keyFor(ctx, 'Swoosh Co', 'editor'));
  const organizationId = (await ctx.db.query.alerts.findFirst())!.organizationId;
  const pack = await requestEvidencePack(
    { db: ctx.db, queue: { send: async () => 'job-1' } },
    { organizationId, alertIds, actor: 'key:test' },
  );
  const guard = new SsrfGuard({ allowLoopback: true });
  expect(await runPackJob({ db: ctx.db, clock: ctx.clock, guard }, pack.id, { instanceName: 'test' })).toBe(
    'done',
  );
  const { packZip } = await import('../../evidence/pack-job.ts');
  genuine = (await packZip(ctx.db, organizationId, pack.id)).zip;
  ({ publicKeyPem: instancePem, fingerprint: instanceFingerprint } = await loadInstanceKey(ctx.db));
  // The forger lowers the first alert's score in its record and re-signs everything.
  const files = await readZip(genuine);
  const alertPath = `alerts/${alertIds[0]}.json`;
  const record = JSON.parse(files.get(alertPath)!.toString('utf8')) as Record<string, unknown>;
  forged = await resign(
    genuine,
    new Map([[alertPath, Buffer.from(JSON.stringify({ ...record, score: 0.01 }))]]),
  );
}, 120_000);

afterAll(async () => {
  await ctx?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('evidence verify and the signer', () => {
  it('does not call a pack re-signed end to end with another key VERIFIED when no key is pinned', async () => {
    const report = await verifyPack(forged);
    expect(report.checks.filter((c) => !c.ok)).toEqual([]); // every hash and the chain hold...
    expect(report.verdict).toBe('signer-not-verified'); // ...but nothing says who signed
    expect(report.ok).toBe(false);
    const text = formatVerifyReport(report);
    expect(text).toContain('signature valid, signer NOT verified');
    expect(text).toMatch(/--public-key .*--fingerprint/);
    expect(text).not.toMatch(/^VERIFIED/m);
    const path = join(dir, 'forged.zip');
    await writeFile(path, forged);
    expect((await runEvidenceVerify(path)).exitCode).toBe(3);
  });

  it('fails the forged pack against the real instance key or its fingerprint', async () => {
    const byKey = await verifyPack(forged, { expectedPublicKeyPem: instancePem });
    expect(byKey.verdict).toBe('failed');
    expect(byKey.checks.find((c) => c.name === 'signer')?.detail).toMatch(/NOT the instance's signature/);
    expect(formatVerifyReport(byKey)).toMatch(/^FAILED/m);
    const path = join(dir, 'forged.zip');
    const keyPath = join(dir, 'instance.pem');
    await writeFile(path, forged);
    await writeFile(keyPath, instancePem);
    const cliByKey = await runEvidenceVerify(path, { publicKey: keyPath });
    expect(cliByKey.exitCode).toBe(1);
    expect(cliByKey.stdout).toMatch(/^FAILED/m);
    const colons = instanceFingerprint.toUpperCase().replace(/(..)(?=.)/g, '$1:');
    const cliByFingerprint = await runEvidenceVerify(path, { fingerprint: colons });
    expect(cliByFingerprint.exitCode).toBe(1);
  });

  it("verifies the genuine pack against the instance's key or fingerprint, and only then says VERIFIED", async () => {
    const path = join(dir, 'genuine.zip');
    await writeFile(path, genuine);
    const unpinned = await runEvidenceVerify(path);
    expect(unpinned.exitCode).toBe(3);
    expect(unpinned.stdout).toContain('signature valid, signer NOT verified');
    const pinned = await runEvidenceVerify(path, { fingerprint: `sha256:${instanceFingerprint}` });
    expect(pinned.exitCode).toBe(0);
    expect(pinned.stdout).toContain(
      `VERIFIED: the pack is intact and signed by the pinned instance key ${instanceFingerprint}`,
    );
  });

  it('carries the signing key fingerprint in the manifest and the PDF report', async () => {
    const files = await readZip(genuine);
    const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8')) as Manifest;
    expect(manifest.pack.instance.key_fingerprint).toBe(instanceFingerprint);
    expect(files.get('report.pdf')!.toString('latin1')).toContain(instanceFingerprint);
  });

  it('publishes the instance key without an API key, as JSON and as PEM, and the PEM pins the genuine pack', async () => {
    const api = testApi(ctx);
    const res = await api.request('/evidence/public-key');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      algorithm: 'Ed25519',
      public_key_pem: instancePem,
      fingerprint_sha256: instanceFingerprint,
    });
    const pem = await api.request('/evidence/public-key.pem');
    expect(pem.headers.get('content-type')).toBe('application/x-pem-file');
    const published = await pem.text();
    expect((await verifyPack(genuine, { expectedPublicKeyPem: published })).verdict).toBe('verified');
    expect((await verifyPack(forged, { expectedPublicKeyPem: published })).verdict).toBe('failed');
  });
});

describe('markhound evidence public-key', () => {
  it(
    'prints the instance key (PEM) and its fingerprint, the same on every run',
    { timeout: 120_000 },
    async () => {
      const env = { MARKHOUND_DATA_DIR: join(dir, 'data'), DATABASE_URL: '', MARKHOUND_LOG_LEVEL: 'error' };
      const first = startCli(['evidence', 'public-key'], env);
      expect(await first.exited(), first.stderr()).toBe(0);
      expect(first.stdout()).toMatch(/^-----BEGIN PUBLIC KEY-----\n[\s\S]+-----END PUBLIC KEY-----\n$/);
      const fingerprint = /fingerprint \(SHA-256 of the SPKI DER\): ([0-9a-f]{64})/.exec(first.stderr())?.[1];
      expect(fingerprint).toBe(keyFingerprint(first.stdout()));
      const again = startCli(['evidence', 'public-key', '--json'], env);
      expect(await again.exited(), again.stderr()).toBe(0);
      expect(JSON.parse(again.stdout())).toEqual({
        algorithm: 'Ed25519',
        public_key_pem: first.stdout(),
        fingerprint_sha256: fingerprint,
      });
    },
  );
});

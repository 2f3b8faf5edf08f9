import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'playwright-core';
import { registerEvidenceCommand, runEvidenceVerify } from '../../cli/commands/evidence.ts';
import { launchBrowser } from '../../crawler/browser/index.ts';
import { testClient, type LocalServer } from '../../crawler/http/testing/local-server.ts';
import {
  captureForAlert,
  loadInstanceKey,
  requestEvidencePack,
  readZip,
  registerEvidenceHandlers,
  verifyPack,
  writeZip,
  type Manifest,
} from '../../evidence/index.ts';
import { authed, createTestContext, keyFor, type TestContext } from '../support/test-context.ts';
import { localOnlyGuard, PAGE_PATHS, startMarketplaceServer } from './fixture-server.ts';
import { evidenceApi, seedTwoAlerts } from './seed.ts';

interface PackBody {
  id: string;
  state: string;
  progress_pct: number;
  step: string;
  errors: string[];
  download_url: string | null;
}

let ctx: TestContext;
let api: ReturnType<typeof evidenceApi>;
let server: LocalServer;
let browser: Browser;
let editor: string;
let viewer: string;
let stranger: string;
let alertIds: string[];
let packId: string;
let zip: Buffer;
let dir: string;

const pack = async (key: string | null, id: string) => api.request(`/v1/evidence-packs/${id}`, authed(key));

beforeAll(async () => {
  ctx = await createTestContext({ workerPollIntervalSecs: 0.5 });
  api = evidenceApi(ctx);
  dir = await mkdtemp(join(tmpdir(), 'markhound-pack-test-'));
  editor = await keyFor(ctx, 'Swoosh Co', 'editor');
  viewer = await keyFor(ctx, 'Swoosh Co', 'viewer');
  stranger = await keyFor(ctx, 'Other Org', 'admin');
  alertIds = await seedTwoAlerts(ctx, editor);
  server = await startMarketplaceServer();
  browser = await launchBrowser();
  const organizationId = (await ctx.db.query.alerts.findFirst())!.organizationId;
  const { client } = testClient();
  const guard = localOnlyGuard();
  await captureForAlert({
    ctx,
    input: {
      organizationId,
      alertId: alertIds[0]!,
      url: server.url(PAGE_PATHS.amazon),
      actor: 'test',
      market: 'GB',
      locale: 'en-GB',
    },
    tools: { guard, client, browser },
  });
  await captureForAlert({
    ctx,
    input: {
      organizationId,
      alertId: alertIds[1]!,
      url: server.url(PAGE_PATHS.etsy),
      actor: 'test',
      market: 'US',
    },
    tools: { guard, client, useBrowser: false },
  });
  await registerEvidenceHandlers(ctx);

  const res = await api.request('/v1/evidence-packs', authed(editor, 'POST', { alert_ids: alertIds }));
  expect(res.status).toBe(202);
  packId = ((await res.json()) as PackBody).id;
  await vi.waitFor(
    async () => {
      const body = (await (await pack(viewer, packId)).json()) as PackBody;
      expect(body.state).toBe('done');
    },
    { timeout: 60_000, interval: 250 },
  );
  const download = await api.request(`/v1/evidence-packs/${packId}/download`, authed(viewer));
  expect(download.status).toBe(200);
  expect(download.headers.get('content-type')).toBe('application/zip');
  zip = Buffer.from(await download.arrayBuffer());
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await ctx?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Rewrites the pack with `change` applied to its entries (what a tamperer with a zip tool would do). */
async function tampered(change: (files: Map<string, Buffer>) => void): Promise<Buffer> {
  const files = await readZip(zip);
  change(files);
  return writeZip(
    [...files.entries()].map(([path, bytes]) => ({ path, bytes })),
    new Date('2026-11-22T10:00:00Z'),
  );
}

const flipByte = (bytes: Buffer): Buffer => {
  const copy = Buffer.from(bytes);
  const at = Math.floor(copy.length / 2);
  copy[at] = copy[at]! ^ 0x01;
  return copy;
};

describe('evidence pack job', () => {
  it('finishes with full progress, no errors and a download link', async () => {
    const body = (await (await pack(viewer, packId)).json()) as PackBody;
    expect(body).toMatchObject({
      state: 'done',
      progress_pct: 100,
      step: 'done',
      errors: [],
      download_url: `/v1/evidence-packs/${packId}/download`,
    });
  });

  it('holds the manifest, report, artifacts, registry records, custody log, signature and key', async () => {
    const files = await readZip(zip);
    const [a, b] = alertIds as [string, string];
    for (const path of [
      'manifest.json',
      'manifest.sig',
      'report.pdf',
      'custody.jsonl',
      'public-key.pem',
      `captures/${a}/screenshot.png`,
      `captures/${a}/page.html`,
      `captures/${a}/capture.warc`,
      `captures/${a}/headers.json`,
      `captures/${b}/page.html`,
      `captures/${b}/capture.warc`,
      `captures/${b}/headers.json`,
      `registry/${a}/filing.json`,
      `registry/${a}/source.json`,
      `registry/${b}/filing.json`,
      `alerts/${a}.json`,
    ]) {
      expect(files.has(path), path).toBe(true);
    }
    expect(files.has(`captures/${b}/screenshot.png`)).toBe(false); // plain-HTTP capture
    expect(files.has('manifest.tsr')).toBe(false); // no authority configured
    const pdf = files.get('report.pdf')!.toString('latin1');
    expect(pdf.startsWith('%PDF-')).toBe(true);
    // Summary page, one page per alert, and the screenshot of the browser capture.
    expect(pdf.match(/\/Type \/Page\b/g)).toHaveLength(4);
    const manifest = JSON.parse(files.get('manifest.json')!.toString()) as Manifest;
    expect(manifest.pack.alert_ids).toEqual(alertIds);
    expect(manifest.files.map((f) => f.path)).not.toContain('manifest.sig');
    const capture = manifest.captures.find((c) => c.alert_id === a)!;
    expect(capture).toMatchObject({
      method: 'browser',
      remoteAddress: '127.0.0.1',
      market: 'GB',
      locale: 'en-GB',
      status: 200,
    });
    const source = JSON.parse(files.get(`registry/${a}/source.json`)!.toString()) as {
      source_file: string;
      source_id: string;
    };
    expect(source).toMatchObject({ source_file: 'apc261122.zip', source_id: 'test-source' });
    const custody = files
      .get('custody.jsonl')!
      .toString()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { action: string; seq: number });
    expect(custody[0]).toMatchObject({ seq: 1, action: 'captured (browser)' });
    expect(custody.at(-1)?.action).toBe('packed');
    expect(files.get('public-key.pem')!.toString()).toBe((await loadInstanceKey(ctx.db)).publicKeyPem);
  });

  it('verifies offline, also against the pinned instance key', async () => {
    const report = await verifyPack(zip, {
      expectedPublicKeyPem: (await loadInstanceKey(ctx.db)).publicKeyPem,
    });
    expect(report.checks.filter((c) => !c.ok)).toEqual([]);
    expect(report.ok).toBe(true);
  });

  it('names the file when any one byte of any file changes', async () => {
    const files = await readZip(zip);
    for (const path of files.keys()) {
      const report = await verifyPack(await tampered((f) => f.set(path, flipByte(f.get(path)!))));
      expect(report.ok, path).toBe(false);
      if (path === 'manifest.json')
        expect(report.checks.find((c) => !c.ok)?.name).toMatch(/manifest|signature/);
      else if (path === 'manifest.sig')
        expect(report.checks.find((c) => c.name === 'signature')?.ok).toBe(false);
      else expect(report.changedFiles, path).toEqual([path]);
    }
  });

  it('fails on a removed file, an added file and an edited custody line', async () => {
    const removed = await verifyPack(await tampered((f) => f.delete('report.pdf')));
    expect(removed.missingFiles).toEqual(['report.pdf']);
    const added = await verifyPack(await tampered((f) => f.set('captures/extra.png', Buffer.from('x'))));
    expect(added.extraFiles).toEqual(['captures/extra.png']);
    const edited = await verifyPack(
      await tampered((f) => {
        const lines = f.get('custody.jsonl')!.toString().split('\n');
        lines[1] = lines[1]!.replace('"actor":"system"', '"actor":"someone else"');
        f.set('custody.jsonl', Buffer.from(lines.join('\n')));
      }),
    );
    expect(edited.changedFiles).toEqual(['custody.jsonl']);
    expect(edited.checks.find((c) => c.name === 'custody')?.detail).toMatch(/line 3 does not link/);
  });

  it('refuses a pack signed by another key than the pinned one', async () => {
    const { generateKeyPairSync } = await import('node:crypto');
    const other = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const report = await verifyPack(zip, { expectedPublicKeyPem: other });
    expect(report.verdict).toBe('failed');
    expect(report.checks.find((c) => c.name === 'signer')?.detail).toMatch(
      /not by the pinned instance key .*NOT the instance's signature/,
    );
  });
});

describe('markhound evidence verify', () => {
  it('exits 0 on the intact pack pinned to the instance key, 3 unpinned, and 1 naming the changed file', async () => {
    const good = join(dir, 'pack.zip');
    const bad = join(dir, 'bad.zip');
    await writeFile(good, zip);
    await writeFile(
      bad,
      await tampered((f) =>
        f.set(`captures/${alertIds[0]}/page.html`, flipByte(f.get(`captures/${alertIds[0]}/page.html`)!)),
      ),
    );
    const keyPath = join(dir, 'pinned.pem');
    await writeFile(keyPath, (await loadInstanceKey(ctx.db)).publicKeyPem);
    expect((await runEvidenceVerify(good, { publicKey: keyPath })).exitCode).toBe(0);
    expect((await runEvidenceVerify(good)).exitCode).toBe(3); // intact, but who signed is not pinned
    const failed = await runEvidenceVerify(bad, { json: true });
    expect(failed.exitCode).toBe(1);
    expect((JSON.parse(failed.stdout) as { changedFiles: string[] }).changedFiles).toEqual([
      `captures/${alertIds[0]}/page.html`,
    ]);
    expect((await runEvidenceVerify(join(dir, 'absent.zip'))).exitCode).toBe(2);
  });

  it('runs through the command line program', async () => {
    const path = join(dir, 'cli.zip');
    const keyPath = join(dir, 'instance.pem');
    await writeFile(path, zip);
    await writeFile(keyPath, (await loadInstanceKey(ctx.db)).publicKeyPem);
    const program = new Command('markhound').exitOverride();
    registerEvidenceCommand(program);
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      await program.parseAsync(['node', 'markhound', 'evidence', 'verify', path, '--public-key', keyPath]);
      const printed = out.mock.calls.map((c) => String(c[0])).join('');
      expect(printed).toContain('VERIFIED');
      expect(printed).toContain('OK   signature: valid Ed25519 signature of manifest.json');
      expect(printed).toContain('OK   signer: the signing key is the pinned instance key');
      expect(process.exitCode).toBe(0);
    } finally {
      out.mockRestore();
      process.exitCode = 0;
    }
  });
});

describe('evidence pack API authorization', () => {
  it("answers 404 for another organization's alert ids, without creating a pack", async () => {
    const res = await api.request(
      '/v1/evidence-packs',
      authed(stranger, 'POST', { alert_ids: [alertIds[0]] }),
    );
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('NIKEE');
  });

  it('refuses a viewer (403), a missing key (401) and a bad body (400)', async () => {
    expect(
      (await api.request('/v1/evidence-packs', authed(viewer, 'POST', { alert_ids: alertIds }))).status,
    ).toBe(403);
    expect(
      (await api.request('/v1/evidence-packs', authed(null, 'POST', { alert_ids: alertIds }))).status,
    ).toBe(401);
    expect(
      (await api.request('/v1/evidence-packs', authed('mh_wrong', 'POST', { alert_ids: alertIds }))).status,
    ).toBe(401);
    for (const body of [
      { alert_ids: ['not-a-uuid'] },
      { alert_ids: [] },
      {},
      { alert_ids: alertIds, extra: 1 },
      'not json',
    ]) {
      const res = await api.request('/v1/evidence-packs', authed(editor, 'POST', body));
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
  });

  it('answers 409 to a download of a pack that is not built yet', async () => {
    const organizationId = (await ctx.db.query.alerts.findFirst())!.organizationId;
    const waiting = await requestEvidencePack(
      { db: ctx.db, queue: { send: async () => null } },
      { organizationId, alertIds, actor: 'key:test' },
    );
    expect(((await (await pack(viewer, waiting.id)).json()) as PackBody).state).toBe('queued');
    const res = await api.request(`/v1/evidence-packs/${waiting.id}/download`, authed(viewer));
    expect(res.status).toBe(409);
    expect(await res.text()).toContain('download it when its state is done');
  });

  it('never shows or serves a pack to another organization', async () => {
    expect((await pack(stranger, packId)).status).toBe(404);
    const download = await api.request(`/v1/evidence-packs/${packId}/download`, authed(stranger));
    expect(download.status).toBe(404);
    expect((await pack(null, packId)).status).toBe(401);
  });
});

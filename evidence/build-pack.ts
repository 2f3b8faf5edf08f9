import type { Clock } from '../core/clock.ts';
import type { Database } from '../db/index.ts';
import type { CustodyEvent } from '../db/schema-evidence.ts';
import type { SsrfGuard } from '../crawler/http/index.ts';
import { findBlob, getBlob, sha256Hex } from './blob-store.ts';
import { buildCustodyLog } from './custody.ts';
import { loadInstanceKey, signBytes } from './instance-key.ts';
import { MANIFEST_FORMAT, type Manifest, type ManifestFile } from './manifest.ts';
import { loadAlertEvidence, type AlertEvidence } from './pack-data.ts';
import { renderReport, type ReportImages } from './report.ts';
import { requestTimestamp } from './timestamp.ts';
import { writeZip, type ZipEntry } from './zip.ts';

export interface BuildPackInput {
  packId: string;
  organizationId: string;
  alertIds: string[];
  /** 'key:<api key id>' of whoever asked for the pack. */
  requestedBy: string;
  instanceName: string;
  generator: string;
  /** RFC 3161 authority; without it the pack has no manifest.tsr. */
  timestamp?: { url: string; guard: SsrfGuard };
}

export type ProgressReporter = (percent: number, step: string) => Promise<void>;

export interface BuiltPack {
  zip: Buffer;
  manifestSha256: string;
  /** Alerts or artifacts that could not be packed; the rest of the pack is complete. */
  problems: string[];
}

interface Collected {
  files: Map<string, Buffer>;
  evidence: AlertEvidence[];
  custody: CustodyEvent[];
  captures: Manifest['captures'];
  images: ReportImages;
  problems: string[];
}

const json = (value: unknown): Buffer => Buffer.from(JSON.stringify(value, null, 2) + '\n', 'utf8');

/**
 * Builds the pack ZIP: per-alert records and capture artifacts, report.pdf, a hash-chained custody
 * log, then manifest.json over all of them, its Ed25519 signature and (optionally) an RFC 3161 stamp.
 */
export async function buildEvidencePack({
  ctx,
  input,
  onProgress,
}: {
  ctx: { db: Database; clock: Clock };
  input: BuildPackInput;
  onProgress: ProgressReporter;
}): Promise<BuiltPack> {
  const { db, clock } = ctx;
  const createdAt = clock.now();
  const key = await loadInstanceKey(db);
  const collected = emptyCollection();
  for (const [index, alertId] of input.alertIds.entries()) {
    await onProgress(
      5 + Math.round((60 * index) / input.alertIds.length),
      `collecting alert ${index + 1} of ${input.alertIds.length}`,
    );
    try {
      // Collected apart and merged only when complete: a failed alert leaves no half of itself in the pack.
      const one = emptyCollection();
      await collectAlert(db, input.organizationId, alertId, one);
      merge(collected, one);
    } catch (error) {
      collected.problems.push(`alert ${alertId}: ${(error as Error).message}`);
    }
  }
  await onProgress(70, 'writing report');
  const generator = input.generator;
  collected.files.set(
    'report.pdf',
    await renderReport({
      packId: input.packId,
      createdAt: createdAt.toISOString(),
      instanceName: input.instanceName,
      keyFingerprint: key.fingerprint,
      generator,
      alerts: collected.evidence,
      images: collected.images,
      problems: collected.problems,
    }),
  );
  collected.files.set('public-key.pem', Buffer.from(key.publicKeyPem, 'utf8'));
  const packedAt = clock.now().toISOString();
  const paths = [...collected.files.keys()].sort();
  for (const path of paths)
    collected.custody.push({
      at: packedAt,
      actor: input.requestedBy,
      action: 'packed',
      subject: path,
      sha256: sha256Hex(collected.files.get(path)!),
    });
  collected.files.set('custody.jsonl', Buffer.from(buildCustodyLog(collected.custody), 'utf8'));

  await onProgress(80, 'signing manifest');
  const files: ManifestFile[] = [...collected.files.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([path, bytes]) => ({ path, sha256: sha256Hex(bytes), size: bytes.length }));
  const manifest: Manifest = {
    format: MANIFEST_FORMAT,
    pack: {
      id: input.packId,
      created_at: createdAt.toISOString(),
      instance: { name: input.instanceName, key_fingerprint: key.fingerprint },
      organization_id: input.organizationId,
      alert_ids: input.alertIds,
      requested_by: input.requestedBy,
      generator,
      problems: collected.problems,
    },
    files,
    captures: collected.captures,
    timestamp: input.timestamp ? { authority_url: input.timestamp.url } : null,
  };
  const manifestBytes = json(manifest);
  const manifestSha256 = sha256Hex(manifestBytes);
  const seal: ZipEntry[] = [
    { path: 'manifest.json', bytes: manifestBytes },
    { path: 'manifest.sig', bytes: signBytes(manifestBytes, key.privateKeyPem) },
  ];
  if (input.timestamp) {
    await onProgress(88, 'timestamping manifest');
    seal.push({
      path: 'manifest.tsr',
      bytes: await requestTimestamp(input.timestamp.url, Buffer.from(manifestSha256, 'hex'), {
        guard: input.timestamp.guard,
      }),
    });
  }
  await onProgress(95, 'writing ZIP');
  const zip = writeZip(
    [...seal, ...files.map((f) => ({ path: f.path, bytes: collected.files.get(f.path)! }))],
    createdAt,
  );
  return { zip, manifestSha256, problems: collected.problems };
}

const emptyCollection = (): Collected => ({
  files: new Map(),
  evidence: [],
  custody: [],
  captures: [],
  problems: [],
  images: { watched: new Map(), found: new Map(), screenshots: new Map() },
});

function merge(into: Collected, from: Collected): void {
  for (const [path, bytes] of from.files) into.files.set(path, bytes);
  into.evidence.push(...from.evidence);
  into.custody.push(...from.custody);
  into.captures.push(...from.captures);
  into.problems.push(...from.problems);
  for (const key of ['watched', 'found', 'screenshots'] as const)
    for (const [id, bytes] of from.images[key]) into.images[key].set(id, bytes);
}

async function collectAlert(
  db: Database,
  organizationId: string,
  alertId: string,
  out: Collected,
): Promise<void> {
  const evidence = await loadAlertEvidence(db, organizationId, alertId);
  const { alert, mark, filing, match, sourceRun, capture } = evidence;
  out.files.set(`alerts/${alertId}.json`, json({ alert, watched_mark: mark, match }));
  if (filing) {
    out.files.set(`registry/${alertId}/filing.json`, json(filing));
    out.files.set(
      `registry/${alertId}/source.json`,
      json({
        source_id: filing.sourceId,
        source_file: filing.sourceFile,
        source_record_sha256: filing.sourceRecordHash,
        source_run: sourceRun
          ? {
              id: sourceRun.id,
              file_name: sourceRun.fileName,
              file_sha256: sourceRun.fileSha256,
              started_at: sourceRun.startedAt,
              finished_at: sourceRun.finishedAt,
            }
          : null,
      }),
    );
    const image = filing.markImage?.sha256 ? await findBlob(db, filing.markImage.sha256) : null;
    if (image) out.images.found.set(alertId, image.bytes);
  }
  const logo = mark?.logoSha256 ? await findBlob(db, mark.logoSha256) : null;
  if (logo) out.images.watched.set(alertId, logo.bytes);
  if (capture) {
    const artifacts: Record<string, ManifestFile> = {};
    for (const [name, ref] of Object.entries(capture.artifacts)) {
      const bytes = await getBlob(db, ref.sha256);
      const path = `captures/${alertId}/${name}`;
      out.files.set(path, bytes);
      artifacts[name] = { path, sha256: ref.sha256, size: bytes.length };
      if (name === 'screenshot.png') out.images.screenshots.set(alertId, bytes);
    }
    out.custody.push(...capture.custody);
    out.captures.push({
      alert_id: alertId,
      capture_id: capture.id,
      captured_at: capture.capturedAt.toISOString(),
      ...capture.facts,
      artifacts,
    });
  }
  out.evidence.push(evidence);
}

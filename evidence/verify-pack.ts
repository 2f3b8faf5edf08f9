import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { sha256Hex } from './blob-store.ts';
import { checkCustodyLog } from './custody.ts';
import { keyFingerprint, verifySignature } from './instance-key.ts';
import { manifestSchema, SEAL_FILES, type Manifest } from './manifest.ts';
import { readTimestampResponse, SHA256_OID } from './timestamp.ts';
import { readZip } from './zip.ts';

export interface VerifyOptions {
  /** PEM of the instance key the pack must be signed by (else any key the pack carries is checked only for consistency). */
  expectedPublicKeyPem?: string;
  /** CA certificate (PEM) of the time-stamping authority; enables `openssl ts -verify` of the token's signature. */
  tsaCertPath?: string;
}

export interface VerifyCheck {
  name: string;
  ok: boolean;
  detail: string;
}

export interface VerifyReport {
  ok: boolean;
  packId: string | null;
  checks: VerifyCheck[];
  /** Files whose bytes or size differ from the manifest. */
  changedFiles: string[];
  missingFiles: string[];
  extraFiles: string[];
}

const run = promisify(execFile);

/** Checks a pack offline: file hashes and sizes, completeness, custody chain, signature, timestamp. */
export async function verifyPack(zip: Buffer, options: VerifyOptions = {}): Promise<VerifyReport> {
  const report: VerifyReport = {
    ok: false,
    packId: null,
    checks: [],
    changedFiles: [],
    missingFiles: [],
    extraFiles: [],
  };
  const check = (name: string, ok: boolean, detail: string) => report.checks.push({ name, ok, detail });
  let files: Map<string, Buffer>;
  try {
    files = await readZip(zip);
  } catch (error) {
    check('zip', false, (error as Error).message);
    return report;
  }
  const manifestBytes = files.get('manifest.json');
  const parsed = manifestBytes ? parseManifest(manifestBytes) : { error: 'the pack has no manifest.json' };
  if ('error' in parsed) {
    check('manifest', false, parsed.error);
    return report;
  }
  const manifest = parsed.manifest;
  report.packId = manifest.pack.id;
  checkFiles(manifest, files, report);
  check(
    'files',
    report.changedFiles.length + report.missingFiles.length + report.extraFiles.length === 0,
    describeFiles(manifest, report),
  );
  checkCustody(manifest, files, check);
  checkSignature(manifest, manifestBytes!, files, options, check);
  await checkTimestamp(manifest, manifestBytes!, files, options, check);
  report.ok = report.checks.every((c) => c.ok);
  return report;
}

function parseManifest(bytes: Buffer): { manifest: Manifest } | { error: string } {
  try {
    const result = manifestSchema.safeParse(JSON.parse(bytes.toString('utf8')));
    if (result.success) return { manifest: result.data };
    return {
      error: `manifest.json is not a Markhound pack manifest: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    };
  } catch {
    return { error: 'manifest.json is not valid JSON (changed or damaged)' };
  }
}

function checkFiles(manifest: Manifest, files: Map<string, Buffer>, report: VerifyReport): void {
  const listed = new Set<string>();
  for (const entry of manifest.files) {
    listed.add(entry.path);
    const bytes = files.get(entry.path);
    if (!bytes) report.missingFiles.push(entry.path);
    else if (bytes.length !== entry.size || sha256Hex(bytes) !== entry.sha256)
      report.changedFiles.push(entry.path);
  }
  const seal = new Set<string>(SEAL_FILES);
  for (const path of files.keys()) if (!listed.has(path) && !seal.has(path)) report.extraFiles.push(path);
}

function describeFiles(manifest: Manifest, report: VerifyReport): string {
  const parts = [
    ...report.changedFiles.map((p) => `changed: ${p}`),
    ...report.missingFiles.map((p) => `missing: ${p}`),
    ...report.extraFiles.map((p) => `not in manifest: ${p}`),
  ];
  return parts.length === 0
    ? `all ${manifest.files.length} files match their SHA-256 and size`
    : parts.join('; ');
}

type Check = (name: string, ok: boolean, detail: string) => void;

function checkCustody(manifest: Manifest, files: Map<string, Buffer>, check: Check): void {
  const log = files.get('custody.jsonl');
  if (!log) return check('custody', false, 'the pack has no custody.jsonl');
  const problems = checkCustodyLog(log.toString('utf8'));
  // Each "packed" entry must name the hash the manifest lists for that file.
  const hashes = new Map(manifest.files.map((f) => [f.path, f.sha256]));
  for (const line of log.toString('utf8').trim().split('\n')) {
    const entry = safeJson(line);
    if (
      entry?.action === 'packed' &&
      typeof entry.subject === 'string' &&
      hashes.get(entry.subject) !== entry.sha256
    ) {
      problems.push(
        `custody.jsonl line ${String(entry.seq)} packs ${entry.subject} with a hash the manifest does not list`,
      );
    }
  }
  check(
    'custody',
    problems.length === 0,
    problems.length === 0 ? 'every custody entry links to the one before it' : problems.join('; '),
  );
}

function safeJson(line: string): Record<string, unknown> | null {
  try {
    return JSON.parse(line) as Record<string, unknown>;
  } catch {
    return null;
  }
}

function checkSignature(
  manifest: Manifest,
  manifestBytes: Buffer,
  files: Map<string, Buffer>,
  options: VerifyOptions,
  check: Check,
): void {
  const signature = files.get('manifest.sig');
  const pem = files.get('public-key.pem')?.toString('utf8');
  if (!signature || !pem)
    return check('signature', false, `the pack has no ${signature ? 'public-key.pem' : 'manifest.sig'}`);
  if (!verifySignature(manifestBytes, signature, pem))
    return check(
      'signature',
      false,
      'manifest.sig is not a valid Ed25519 signature of manifest.json by public-key.pem',
    );
  const fingerprint = keyFingerprint(pem);
  if (fingerprint !== manifest.pack.instance.key_fingerprint)
    return check(
      'signature',
      false,
      `public-key.pem (${fingerprint}) is not the key the manifest names (${manifest.pack.instance.key_fingerprint})`,
    );
  if (options.expectedPublicKeyPem) {
    let expected: string;
    try {
      expected = keyFingerprint(options.expectedPublicKeyPem);
    } catch {
      return check('signature', false, 'the --public-key file is not a PEM public key');
    }
    if (expected !== fingerprint)
      return check(
        'signature',
        false,
        `signed by key ${fingerprint}, not the expected instance key ${expected}`,
      );
    return check('signature', true, `valid Ed25519 signature by the expected instance key ${fingerprint}`);
  }
  check(
    'signature',
    true,
    `valid Ed25519 signature by the included key ${fingerprint} (pass --public-key to pin the instance key)`,
  );
}

async function checkTimestamp(
  manifest: Manifest,
  manifestBytes: Buffer,
  files: Map<string, Buffer>,
  options: VerifyOptions,
  check: Check,
): Promise<void> {
  const token = files.get('manifest.tsr');
  if (!token) {
    if (manifest.timestamp)
      check('timestamp', false, 'the manifest names a time-stamping authority but manifest.tsr is missing');
    return;
  }
  const digest = sha256Hex(manifestBytes);
  try {
    const facts = readTimestampResponse(token);
    const ok = facts.hashAlgorithm === SHA256_OID && facts.messageImprint === digest;
    if (!ok)
      return check(
        'timestamp',
        false,
        `manifest.tsr stamps ${facts.messageImprint}, not the SHA-256 of manifest.json (${digest})`,
      );
    if (!options.tsaCertPath)
      return check(
        'timestamp',
        true,
        `manifest.tsr stamps the manifest hash at ${facts.genTime} (authority signature not checked: pass --tsa-cert)`,
      );
    const detail = await opensslVerify(token, digest, options.tsaCertPath);
    check(
      'timestamp',
      detail.ok,
      detail.ok
        ? `manifest.tsr stamps the manifest hash at ${facts.genTime}; authority signature verified by openssl`
        : detail.message,
    );
  } catch (error) {
    check('timestamp', false, `manifest.tsr cannot be read: ${(error as Error).message}`);
  }
}

async function opensslVerify(
  token: Buffer,
  digestHex: string,
  caPath: string,
): Promise<{ ok: boolean; message: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'markhound-tsr-'));
  try {
    const tokenPath = join(dir, 'manifest.tsr');
    await writeFile(tokenPath, token);
    await run('openssl', ['ts', '-verify', '-in', tokenPath, '-digest', digestHex, '-CAfile', caPath]);
    return { ok: true, message: 'verified' };
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? (error as Error).message;
    return {
      ok: false,
      message: `openssl ts -verify refused manifest.tsr with ${caPath}: ${stderr.trim().split('\n').slice(-2).join(' ')}`,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A readable report: one line per check, then the verdict. */
export function formatVerifyReport(report: VerifyReport): string {
  const lines = [`Evidence pack ${report.packId ?? '(unreadable)'}`];
  for (const c of report.checks) lines.push(`  ${c.ok ? 'OK  ' : 'FAIL'} ${c.name}: ${c.detail}`);
  lines.push(
    report.ok ? 'VERIFIED: the pack is intact and signed.' : 'NOT VERIFIED: see the failed checks above.',
  );
  return lines.join('\n') + '\n';
}

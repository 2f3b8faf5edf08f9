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
  /**
   * PEM of the instance key the pack must be signed by. Without it (or `expectedFingerprint`) the
   * signature is checked against the key the pack itself carries, which proves nothing about who
   * signed: anyone can re-sign a changed pack end to end with a key of their own.
   */
  expectedPublicKeyPem?: string;
  /** SHA-256 fingerprint (hex, colons and case ignored) of the instance key the pack must be signed by. */
  expectedFingerprint?: string;
  /** CA certificate (PEM) of the time-stamping authority; enables `openssl ts -verify` of the token's signature. */
  tsaCertPath?: string;
}

export interface VerifyCheck {
  name: string;
  ok: boolean;
  detail: string;
}

/**
 * verified: intact, and signed by the pinned instance key. signer-not-verified: intact and validly
 * signed, but by a key nobody pinned (a forger's as much as the instance's). failed: a check failed.
 */
export type VerifyVerdict = 'verified' | 'signer-not-verified' | 'failed';

export interface VerifyReport {
  /** True only when verified: intact and signed by the pinned key. */
  ok: boolean;
  verdict: VerifyVerdict;
  /** Fingerprint of the key that signed the manifest (when the signature is valid). */
  signerFingerprint: string | null;
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
    verdict: 'failed',
    signerFingerprint: null,
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
  report.signerFingerprint = checkSignature(manifest, manifestBytes!, files, check);
  const pinned = checkSigner(report.signerFingerprint, options, check);
  await checkTimestamp(manifest, manifestBytes!, files, options, check);
  const intact = report.checks.every((c) => c.ok);
  report.verdict = !intact ? 'failed' : pinned ? 'verified' : 'signer-not-verified';
  report.ok = report.verdict === 'verified';
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

/** The signature by the key the pack carries; returns that key's fingerprint when it holds. */
function checkSignature(
  manifest: Manifest,
  manifestBytes: Buffer,
  files: Map<string, Buffer>,
  check: Check,
): string | null {
  const signature = files.get('manifest.sig');
  const pem = files.get('public-key.pem')?.toString('utf8');
  if (!signature || !pem) {
    check('signature', false, `the pack has no ${signature ? 'public-key.pem' : 'manifest.sig'}`);
    return null;
  }
  if (!verifySignature(manifestBytes, signature, pem)) {
    check(
      'signature',
      false,
      'manifest.sig is not a valid Ed25519 signature of manifest.json by public-key.pem',
    );
    return null;
  }
  const fingerprint = keyFingerprint(pem);
  if (fingerprint !== manifest.pack.instance.key_fingerprint) {
    check(
      'signature',
      false,
      `public-key.pem (${fingerprint}) is not the key the manifest names (${manifest.pack.instance.key_fingerprint})`,
    );
    return null;
  }
  check('signature', true, `valid Ed25519 signature of manifest.json by the key in the pack, ${fingerprint}`);
  return fingerprint;
}

/** Normalizes a fingerprint as people copy it: `AB:CD...`, `sha256:abcd...`, with spaces. */
export function normalizeFingerprint(value: string): string {
  return value
    .trim()
    .toLowerCase()
    .replace(/^sha-?256:/, '')
    .replace(/[\s:]/g, '');
}

/**
 * Whether the signer is the instance: only a pinned key or fingerprint says so. Returns true when
 * pinned and matching; records a failed check when pinned and not matching.
 */
function checkSigner(signer: string | null, options: VerifyOptions, check: Check): boolean {
  let expected: string | null = null;
  let pinnedBy = '';
  if (options.expectedPublicKeyPem) {
    try {
      expected = keyFingerprint(options.expectedPublicKeyPem);
      pinnedBy = 'the pinned instance key';
    } catch {
      check('signer', false, 'the --public-key file is not a PEM public key');
      return false;
    }
  } else if (options.expectedFingerprint) {
    expected = normalizeFingerprint(options.expectedFingerprint);
    pinnedBy = 'the pinned fingerprint';
    if (!/^[0-9a-f]{64}$/.test(expected)) {
      check(
        'signer',
        false,
        `--fingerprint ${options.expectedFingerprint} is not a SHA-256 fingerprint (64 hex digits)`,
      );
      return false;
    }
  }
  if (expected === null) return false; // not pinned: said in the verdict, not a failed check
  if (signer === null) return false; // the signature check already failed
  if (signer !== expected) {
    check(
      'signer',
      false,
      `signed by key ${signer}, not by ${pinnedBy} ${expected}: NOT the instance's signature`,
    );
    return false;
  }
  check('signer', true, `the signing key is ${pinnedBy} ${expected}`);
  return true;
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

/** A readable report: one line per check, then the verdict in plain words. */
export function formatVerifyReport(report: VerifyReport): string {
  const lines = [`Evidence pack ${report.packId ?? '(unreadable)'}`];
  for (const c of report.checks) lines.push(`  ${c.ok ? 'OK  ' : 'FAIL'} ${c.name}: ${c.detail}`);
  if (report.verdict === 'verified') {
    lines.push(
      `VERIFIED: the pack is intact and signed by the pinned instance key ${report.signerFingerprint}.`,
    );
  } else if (report.verdict === 'signer-not-verified') {
    lines.push(
      `signature valid, signer NOT verified: the pack is intact and signed by key ${report.signerFingerprint}, ` +
        "but nothing shows that key is your Markhound instance's (a changed pack re-signed with any key passes this far). " +
        'Pin the instance key: --public-key instance.pem (from `markhound evidence public-key` or GET /evidence/public-key.pem) ' +
        "or --fingerprint with the fingerprint printed in the instance's reports.",
    );
  } else {
    lines.push('FAILED: NOT verified; see the failed checks above.');
  }
  return lines.join('\n') + '\n';
}

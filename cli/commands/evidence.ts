import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { eq } from 'drizzle-orm';
import { HttpClient, SsrfGuard } from '../../crawler/http/index.ts';
import { tables } from '../../db/index.ts';
import { captureForAlert, formatVerifyReport, instancePublicKey, verifyPack } from '../../evidence/index.ts';
import { withContext } from '../run.ts';

export interface VerifyCommandOptions {
  publicKey?: string;
  fingerprint?: string;
  tsaCert?: string;
  json?: boolean;
}

export interface CommandResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/**
 * 0 verified (intact and signed by the pinned instance key), 1 the pack fails a check (changed,
 * missing, unsigned, signed by another key than the pinned one...), 2 the input could not be read,
 * 3 intact and validly signed but the signer is not pinned (not proof it came from the instance).
 */
export async function runEvidenceVerify(
  packPath: string,
  options: VerifyCommandOptions = {},
): Promise<CommandResult> {
  let zip: Buffer;
  let expectedPublicKeyPem: string | undefined;
  try {
    zip = await readFile(packPath);
    if (options.publicKey) expectedPublicKeyPem = await readFile(options.publicKey, 'utf8');
  } catch (error) {
    return {
      exitCode: 2,
      stdout: '',
      stderr: `markhound evidence verify: cannot read ${(error as { path?: string }).path ?? packPath} (${(error as { code?: string }).code ?? (error as Error).message}): give the path of a pack ZIP (and of a PEM key for --public-key)\n`,
    };
  }
  const report = await verifyPack(zip, {
    ...(expectedPublicKeyPem ? { expectedPublicKeyPem } : {}),
    ...(options.fingerprint ? { expectedFingerprint: options.fingerprint } : {}),
    ...(options.tsaCert ? { tsaCertPath: options.tsaCert } : {}),
  });
  const stdout = options.json ? JSON.stringify(report, null, 2) + '\n' : formatVerifyReport(report);
  const exitCode = report.verdict === 'verified' ? 0 : report.verdict === 'signer-not-verified' ? 3 : 1;
  return { exitCode, stdout, stderr: '' };
}

export function registerEvidenceCommand(program: Command): void {
  const evidence = program.command('evidence').description('Evidence captures and packs');
  evidence
    .command('verify <pack>')
    .description(
      'Check an evidence pack offline: file hashes, completeness, custody chain, signature, timestamp',
    )
    .option(
      '--public-key <pem>',
      'the instance public key the pack must be signed by (`markhound evidence public-key` prints it)',
    )
    .option(
      '--fingerprint <sha256>',
      "the SHA-256 fingerprint of the instance key the pack must be signed by (printed in the instance's reports)",
    )
    .option(
      '--tsa-cert <pem>',
      'CA certificate of the time-stamping authority (checks the token signature with openssl)',
    )
    .option('--json', 'print the report as JSON')
    .action(async (pack: string, options: VerifyCommandOptions) => {
      const result = await runEvidenceVerify(pack, options);
      process.stdout.write(result.stdout);
      process.stderr.write(result.stderr);
      process.exitCode = result.exitCode;
    });
  evidence
    .command('public-key')
    .description(
      "print this instance's evidence signing key (PEM on stdout, its SHA-256 fingerprint on stderr): give it to whoever verifies packs",
    )
    .option('--json', 'print the key, its fingerprint and algorithm as JSON')
    .action(async (options: { json?: boolean }) => {
      const key = await withContext((ctx) => instancePublicKey(ctx.db), {
        throughApi: 'curl {url}/evidence/public-key.pem',
      });
      if (options.json) {
        process.stdout.write(JSON.stringify(key) + '\n');
      } else {
        process.stdout.write(key.public_key_pem);
        process.stderr.write(`fingerprint (SHA-256 of the SPKI DER): ${key.fingerprint_sha256}\n`);
      }
    });
  evidence
    .command('capture <alert-id> <url>')
    .description('Capture a page (browser, or plain HTTP if the browser fails) as evidence for an alert')
    .option('--market <country>', 'ISO country the page is captured for')
    .option('--locale <bcp47>', 'browser locale, e.g. en-GB')
    .option('--timezone <iana>', 'browser time zone, e.g. Europe/London')
    .option('--no-browser', 'plain HTTP only')
    .action(
      async (
        alertId: string,
        url: string,
        options: { market?: string; locale?: string; timezone?: string; browser: boolean },
      ) => {
        await withContext(async (ctx) => {
          const [alert] = await ctx.db
            .select({ organizationId: tables.alerts.organizationId })
            .from(tables.alerts)
            .where(eq(tables.alerts.id, alertId));
          if (!alert) throw new Error(`alert ${alertId} not found; list alerts with GET /v1/alerts`);
          const guard = new SsrfGuard({
            allowLoopback: ctx.config.allowLoopbackFetch,
            allowPrivate: ctx.config.allowPrivateFetch,
          });
          const client = new HttpClient({
            guard,
            userAgent: ctx.config.userAgent,
            totalTimeoutMs: ctx.config.fetchTimeoutMs,
          });
          const stored = await captureForAlert({
            ctx,
            input: {
              organizationId: alert.organizationId,
              alertId,
              url,
              actor: 'cli',
              market: options.market ?? null,
              ...(options.locale ? { locale: options.locale } : {}),
              ...(options.timezone ? { timezoneId: options.timezone } : {}),
            },
            tools: { guard, client, useBrowser: options.browser },
          });
          process.stdout.write(`captured ${url} (${stored.method}) as capture ${stored.id}\n`);
          for (const [name, ref] of Object.entries(stored.artifacts))
            process.stdout.write(`  ${name}  sha256 ${ref.sha256}  ${ref.sizeBytes} bytes\n`);
        });
      },
    );
}

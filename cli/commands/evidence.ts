import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { eq } from 'drizzle-orm';
import { HttpClient, SsrfGuard } from '../../crawler/http/index.ts';
import { tables } from '../../db/index.ts';
import { captureForAlert, formatVerifyReport, verifyPack } from '../../evidence/index.ts';
import { withContext } from '../run.ts';

export interface VerifyCommandOptions {
  publicKey?: string;
  tsaCert?: string;
  json?: boolean;
}

export interface CommandResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** 0 verified, 1 the pack fails a check (changed, missing, unsigned...), 2 the input could not be read. */
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
    ...(options.tsaCert ? { tsaCertPath: options.tsaCert } : {}),
  });
  const stdout = options.json ? JSON.stringify(report, null, 2) + '\n' : formatVerifyReport(report);
  return { exitCode: report.ok ? 0 : 1, stdout, stderr: '' };
}

export function registerEvidenceCommand(program: Command): void {
  const evidence = program.command('evidence').description('Evidence captures and packs');
  evidence
    .command('verify <pack>')
    .description(
      'Check an evidence pack offline: file hashes, completeness, custody chain, signature, timestamp',
    )
    .option('--public-key <pem>', 'the instance public key the pack must be signed by')
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

/**
 * `npm run bench`: runs every benchmark and writes one JSON file per suite plus a summary to
 * bench/out/. Every speed or memory figure sits beside a baseline measured in the same run (a
 * ratio), never against a fixed number of seconds. `--quick` scales the inputs down (CI-sized);
 * `--only a,b` picks suites.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runEvidenceBench } from './evidence.ts';
import { runExtractionBench } from './extraction.ts';
import { runGazettesBench } from './gazettes.ts';
import { runLogoBench } from './logo.ts';
import { runMatcherBench } from './matcher.ts';
import { runRegistriesBench } from './registries.ts';

type Suite = (options: { quick?: boolean; databaseUrl?: string }) => Promise<Record<string, unknown>>;

const suites: Record<string, Suite> = {
  registries: runRegistriesBench,
  matcher: runMatcherBench,
  logo: runLogoBench,
  extraction: runExtractionBench,
  evidence: runEvidenceBench,
  gazettes: runGazettesBench,
};

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const onlyArg = args.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const only = onlyArg ? onlyArg.split(',') : Object.keys(suites);
const databaseUrl =
  process.env.BENCH_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/test';
const outDir = join(import.meta.dirname, 'out');
mkdirSync(outDir, { recursive: true });

const summary: Record<string, unknown> = {
  startedAt: new Date().toISOString(),
  quick,
  node: process.version,
};
for (const name of only) {
  const suite = suites[name];
  if (!suite) {
    process.stderr.write(`unknown suite ${name}; known: ${Object.keys(suites).join(', ')}\n`);
    process.exitCode = 2;
    continue;
  }
  process.stderr.write(`bench ${name}${quick ? ' (quick)' : ''}…\n`);
  const started = Date.now();
  try {
    const result = await suite({ quick, databaseUrl });
    writeFileSync(join(outDir, `${name}.json`), JSON.stringify(result, null, 2) + '\n');
    summary[name] = { ok: true, seconds: (Date.now() - started) / 1000, file: `bench/out/${name}.json` };
    process.stderr.write(`bench ${name}: done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  } catch (error) {
    summary[name] = { ok: false, error: (error as Error).message };
    process.stderr.write(`bench ${name} failed: ${(error as Error).stack}\n`);
    process.exitCode = 1;
  }
}
writeFileSync(join(outDir, 'summary.json'), JSON.stringify(summary, null, 2) + '\n');
process.stdout.write(JSON.stringify(summary, null, 2) + '\n');

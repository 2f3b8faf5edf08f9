import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCli, type CliChild } from '../resume/cli-child.ts';

// One process owns a PGlite data folder. A CLI command that writes while the server holds it used
// to print success and lose its write (a `keys create` key the server answered 401 for, gone after
// a restart); it must now refuse, say who holds the folder and what to do, and lose nothing.
const CONSTRUCTED = 'tests/fixtures/registries/uspto-daily/uspto-daily-constructed.xml';
// Creating a PGlite folder alone takes several seconds, many more on a shared, busy machine.
const START_WAIT_MS = 120_000;

let dir = '';
let dataDir = '';
let env: Record<string, string> = {};
const started: CliChild[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mh-folder-lock-e2e-'));
  dataDir = join(dir, 'data');
  // An empty DATABASE_URL is ignored by the config: PGlite in dataDir whatever the developer's setting.
  env = { MARKHOUND_DATA_DIR: dataDir, DATABASE_URL: '', PORT: '0', MARKHOUND_LOG_LEVEL: 'error' };
});
afterAll(async () => {
  for (const child of started) {
    if (child.process.exitCode === null && child.process.signalCode === null) {
      child.process.kill('SIGKILL');
      await child.exited();
    }
  }
  if (dir) await rm(dir, { recursive: true, force: true });
});

function run(args: string[]): CliChild {
  const child = startCli(args, env);
  started.push(child);
  return child;
}

/** Starts `markhound serve` on the data folder and resolves with its URL once it listens. */
async function startServer(): Promise<{ child: CliChild; url: string }> {
  const child = run(['serve']);
  const deadline = Date.now() + START_WAIT_MS;
  for (;;) {
    const match = /running at (http:\/\/\S+)/.exec(child.stdout());
    if (match?.[1]) return { child, url: match[1] };
    if (child.process.exitCode !== null) throw new Error(`serve exited early:\n${child.stderr()}`);
    if (Date.now() > deadline) throw new Error(`serve did not start in time:\n${child.stderr()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('CLI writes while the server holds the PGlite data folder', () => {
  it(
    'are refused with who holds the folder and what to do; nothing is printed as done and nothing is lost',
    { timeout: 300_000 },
    async () => {
      const server = await startServer();
      const serverPid = server.child.process.pid!;

      const keys = run(['keys', 'create', '--org', 'Acme']);
      expect(await keys.exited()).not.toBe(0);
      expect(keys.stdout()).toBe(''); // no key printed that the server would never know
      expect(keys.stderr()).toContain(dataDir);
      expect(keys.stderr()).toContain(`held by the Markhound server (pid ${serverPid}`);
      expect(keys.stderr()).toContain(`API at ${server.url}`);
      expect(keys.stderr()).toMatch(/Stop that process and run this again/);

      const ingest = run(['ingest', 'uspto-daily', CONSTRUCTED]);
      expect(await ingest.exited()).not.toBe(0);
      expect(ingest.stdout()).toBe('');
      expect(ingest.stderr()).toContain(
        `the data folder ${dataDir} is held by the Markhound server (pid ${serverPid}`,
      );

      // A command the API can do names the request to send instead.
      const sync = run(['sync', 'inpi-br-rpi']);
      expect(await sync.exited()).not.toBe(0);
      expect(sync.stderr()).toContain(
        `curl -X POST -H "Authorization: Bearer $KEY" ${server.url}/v1/sources/inpi-br-rpi/sync`,
      );

      // Commands that need no database keep working beside the server.
      const parse = run(['parse', CONSTRUCTED]);
      expect(await parse.exited()).toBe(0);
      expect(parse.stdout()).toContain('"serialNumber":"97123456"');
      const match = run(['match', 'NIKE', 'NAIKI']);
      expect(await match.exited()).toBe(0);

      // The server kept serving.
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);

      // A server killed outright leaves its lock behind; the next command sees the pid is gone.
      server.child.process.kill('SIGKILL');
      await server.child.exited();
      expect(existsSync(join(dataDir, 'markhound.lock'))).toBe(true);
      const created = run(['keys', 'create', '--org', 'Acme']);
      expect(await created.exited(), created.stderr()).toBe(0);
      const { key } = JSON.parse(created.stdout()) as { key: string };

      // The key written while nobody else held the folder is there when the server starts again.
      const again = await startServer();
      const brands = await fetch(`${again.url}/v1/brands`, { headers: { authorization: `Bearer ${key}` } });
      expect(brands.status).toBe(200);
      again.child.process.kill('SIGTERM');
      expect(await again.child.exited()).toBe(0);
      expect(existsSync(join(dataDir, 'markhound.lock'))).toBe(false);
    },
  );
});

import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Measurement, PairedMeasurement } from './measure-child.ts';

const run = promisify(execFile);
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const childScript = 'bench/support/measure-child.ts';

/**
 * Runs one measurement (see measure-child.ts) in a fresh Node process and returns its report.
 * A fresh process per measurement keeps peaks honest: the heap of an earlier run cannot linger.
 */
export async function measureInChild(args: ['paired', ...string[]]): Promise<PairedMeasurement>;
export async function measureInChild(args: string[]): Promise<Measurement>;
export async function measureInChild(args: string[]): Promise<Measurement | PairedMeasurement> {
  try {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', childScript, ...args], {
      cwd: repoRoot,
      maxBuffer: 1024 * 1024,
    });
    const last = stdout.trim().split('\n').at(-1) ?? '';
    return JSON.parse(last) as Measurement | PairedMeasurement;
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? '';
    throw new Error(`measurement "${args.join(' ')}" failed: ${(error as Error).message}\n${stderr}`, {
      cause: error,
    });
  }
}

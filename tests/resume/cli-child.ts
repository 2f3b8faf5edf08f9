import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

export interface CliChild {
  process: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves with the first stderr line that passes `test`; rejects if the process exits or time runs out first. */
  waitForStderrLine(test: (line: string) => boolean, timeoutMs: number): Promise<string>;
  /** Resolves with the exit code, or the signal name when the process was killed. */
  exited(): Promise<number | string>;
}

/**
 * Starts `markhound` as its own process. Node runs tsx as an import hook (`node --import tsx`)
 * rather than through `npx tsx`, so the pid is the process that holds the database: a SIGKILL to
 * `npx` would leave its grandchild running and writing.
 */
export function startCli(args: string[], env: Record<string, string | undefined>): CliChild {
  return startScript('cli/main.ts', args, env);
}

/** Any TypeScript entry point of the repository as its own process, the way startCli runs the CLI. */
export function startScript(
  script: string,
  args: string[],
  env: Record<string, string | undefined>,
): CliChild {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  const exit = once(child, 'exit').then(([code, signal]) => (code as number | null) ?? (signal as string));

  return {
    process: child,
    stdout: () => stdout,
    stderr: () => stderr,
    exited: () => exit,
    waitForStderrLine(test, timeoutMs) {
      return new Promise((resolve, reject) => {
        const check = (): boolean => {
          // Only complete lines: a half-written "read 3" must not pass for "read 3,500".
          const line = stderr.split('\n').slice(0, -1).find(test);
          if (line === undefined) return false;
          finish();
          resolve(line);
          return true;
        };
        const onExit = (): void => {
          if (check()) return;
          finish();
          reject(
            new Error(
              `${script} ${args.join(' ')} exited before the awaited progress line; stderr:\n${stderr}`,
            ),
          );
        };
        const timer = setTimeout(() => {
          finish();
          reject(
            new Error(
              `no awaited progress line from ${script} ${args.join(' ')} within ${timeoutMs} ms; stderr:\n${stderr}`,
            ),
          );
        }, timeoutMs);
        const finish = (): void => {
          clearTimeout(timer);
          child.stderr.off('data', check);
          child.off('exit', onExit);
        };
        child.stderr.on('data', check);
        child.on('exit', onExit);
        if (!check() && (child.exitCode !== null || child.signalCode !== null)) onExit();
      });
    },
  };
}

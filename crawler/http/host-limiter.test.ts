import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../core/index.ts';
import { HostLimiter } from './host-limiter.ts';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('HostLimiter', () => {
  it('runs one task per host at a time, in arrival order, and other hosts alongside', async () => {
    const limiter = new HostLimiter(1, 0, new ManualClock(new Date(0)), async () => undefined);
    const log: string[] = [];
    const gate = deferred();
    const first = limiter.run('a.example', async () => {
      log.push('a1 start');
      await gate.promise;
      log.push('a1 end');
    });
    const second = limiter.run('a.example', async () => void log.push('a2'));
    const other = limiter.run('b.example', async () => void log.push('b1'));
    await other;
    expect(log).toEqual(['a1 start', 'b1']);
    gate.resolve();
    await Promise.all([first, second]);
    expect(log).toEqual(['a1 start', 'b1', 'a1 end', 'a2']);
  });

  it('frees the slot when a task fails', async () => {
    const limiter = new HostLimiter(1, 0, new ManualClock(new Date(0)), async () => undefined);
    await expect(limiter.run('a.example', async () => Promise.reject(new Error('boom')))).rejects.toThrow(
      'boom',
    );
    await expect(limiter.run('a.example', async () => 'next')).resolves.toBe('next');
  });

  it('spreads parallel starts by the minimum interval', async () => {
    const sleeps: number[] = [];
    const limiter = new HostLimiter(
      3,
      1_000,
      new ManualClock(new Date(0)),
      async (ms) => void sleeps.push(ms),
    );
    await Promise.all([1, 2, 3].map(() => limiter.run('a.example', async () => undefined)));
    expect(sleeps).toEqual([1_000, 2_000]);
  });

  it('refuses a concurrency below 1', () => {
    expect(() => new HostLimiter(0, 0, new ManualClock(new Date(0)), async () => undefined)).toThrow(
      /at least 1, got 0/,
    );
  });
});

import type { Clock } from '../../core/index.ts';

export type Sleep = (ms: number) => Promise<void>;

export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

interface HostState {
  active: number;
  waiting: Array<() => void>;
  /** When the latest request to this host was allowed to start. */
  lastStartMs: number;
}

/**
 * Politeness per host: at most `concurrency` requests in flight, and request starts at least
 * `minIntervalMs` apart. Waiters are served in arrival order.
 */
export class HostLimiter {
  private readonly hosts = new Map<string, HostState>();

  constructor(
    private readonly concurrency: number,
    private readonly minIntervalMs: number,
    private readonly clock: Clock,
    private readonly sleep: Sleep,
  ) {
    if (!(concurrency >= 1))
      throw new RangeError(`per-host concurrency must be at least 1, got ${concurrency}`);
  }

  /**
   * Runs `task` once `host` has a free slot and its interval has passed; frees the slot after.
   * `siteIntervalMs` (a robots.txt Crawl-delay) can lengthen the interval, never shorten it.
   */
  async run<T>(host: string, task: () => Promise<T>, siteIntervalMs = 0): Promise<T> {
    const state = this.stateOf(host);
    await this.acquire(state);
    try {
      await this.waitForInterval(state, Math.max(this.minIntervalMs, siteIntervalMs));
      return await task();
    } finally {
      this.release(state);
    }
  }

  private stateOf(host: string): HostState {
    let state = this.hosts.get(host);
    if (!state) {
      state = { active: 0, waiting: [], lastStartMs: Number.NEGATIVE_INFINITY };
      this.hosts.set(host, state);
    }
    return state;
  }

  private async acquire(state: HostState): Promise<void> {
    if (state.active < this.concurrency) {
      state.active++;
      return;
    }
    // release() hands its slot over directly, so `active` is already counted for us.
    await new Promise<void>((resolve) => state.waiting.push(resolve));
  }

  private release(state: HostState): void {
    const next = state.waiting.shift();
    if (next) next();
    else state.active--;
  }

  private async waitForInterval(state: HostState, intervalMs: number): Promise<void> {
    const now = this.clock.now().getTime();
    const startAt = Math.max(now, state.lastStartMs + intervalMs);
    state.lastStartMs = startAt; // reserve the start time before sleeping, so parallel slots spread out
    if (startAt > now) await this.sleep(startAt - now);
  }
}

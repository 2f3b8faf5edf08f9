import { isIPv6 } from 'node:net';
import type { Clock } from '../core/clock.ts';

export interface ThrottlePolicy {
  /** Failed attempts within `windowMs` that start a lock. */
  maxFailures: number;
  windowMs: number;
  /** How long a lock lasts once it starts. */
  lockMs: number;
  /** Subjects remembered at most (oldest forgotten first), so a flood of made-up keys stays bounded. */
  maxTracked: number;
}

export const DEFAULT_AUTH_THROTTLE: ThrottlePolicy = {
  maxFailures: 10,
  windowMs: 10 * 60_000,
  lockMs: 15 * 60_000,
  maxTracked: 10_000,
};

/** Who a failed attempt counts against: the client address, and the first characters of the key. */
export interface AuthSubjects {
  address: string;
  keyPrefix: string | null;
}

export interface Lock {
  /** What is locked, for the message: "address 203.0.113.7" or "keys starting mh_Ab12cd3". */
  subject: string;
  retryAfterMs: number;
}

interface Tally {
  failures: number[];
  lockedUntil: number;
}

/**
 * Counts failed API key attempts per client address and per key prefix, in this process. After
 * `maxFailures` within `windowMs` the subject is locked for `lockMs`: every request from that
 * address, or with a key of that prefix, is answered 429 without a key lookup. Success does not
 * reset the count (a caller holding one valid key could otherwise reset it between guesses).
 * IPv6 clients are counted per /64, since one host commonly holds a whole /64.
 */
export class FailedAuthThrottle {
  private readonly tallies = new Map<string, Tally>();

  constructor(
    private readonly clock: Clock,
    private readonly policy: ThrottlePolicy = DEFAULT_AUTH_THROTTLE,
  ) {}

  /** The lock in force for any of the subjects, the longest first; null when none is. */
  lockOf(subjects: AuthSubjects): Lock | null {
    const now = this.clock.now().getTime();
    let worst: Lock | null = null;
    for (const [key, subject] of this.keysOf(subjects)) {
      const until = this.tallies.get(key)?.lockedUntil ?? 0;
      if (until > now && (!worst || until - now > worst.retryAfterMs)) {
        worst = { subject, retryAfterMs: until - now };
      }
    }
    return worst;
  }

  /** Records a failed attempt; returns the subjects this failure locked (for the log). */
  recordFailure(subjects: AuthSubjects): string[] {
    const now = this.clock.now().getTime();
    const newlyLocked: string[] = [];
    for (const [key, subject] of this.keysOf(subjects)) {
      const tally = this.tallies.get(key) ?? { failures: [], lockedUntil: 0 };
      this.tallies.delete(key); // re-inserted below: Map order is then least recently failed first
      tally.failures = tally.failures.filter((at) => at > now - this.policy.windowMs);
      tally.failures.push(now);
      if (tally.failures.length >= this.policy.maxFailures && tally.lockedUntil <= now) {
        tally.lockedUntil = now + this.policy.lockMs;
        tally.failures = [];
        newlyLocked.push(subject);
      }
      this.tallies.set(key, tally);
    }
    while (this.tallies.size > this.policy.maxTracked) {
      const oldest = this.tallies.keys().next().value;
      if (oldest === undefined) break;
      this.tallies.delete(oldest);
    }
    return newlyLocked;
  }

  private keysOf(subjects: AuthSubjects): [key: string, subject: string][] {
    const address = addressGroup(subjects.address);
    const keys: [string, string][] = [[`address:${address}`, `address ${address}`]];
    if (subjects.keyPrefix)
      keys.push([`prefix:${subjects.keyPrefix}`, `keys starting ${subjects.keyPrefix}`]);
    return keys;
  }
}

/** IPv4 as is (also when written ::ffff:a.b.c.d); IPv6 by its /64. */
function addressGroup(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return mapped[1];
  if (!isIPv6(address)) return address;
  const [head = '', tail] = address.split('::');
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const groups = tail === undefined ? h : [...h, ...Array<string>(8 - h.length - t.length).fill('0'), ...t];
  return `${groups
    .slice(0, 4)
    .map((g) => parseInt(g, 16).toString(16))
    .join(':')}::/64`;
}

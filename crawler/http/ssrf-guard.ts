import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import type { LookupAddress } from 'node:dns';
import { classifyAddress, type AddressCategory } from './ip-ranges.ts';
import { NetworkError, SsrfBlockedError } from './errors.ts';

/** Resolves a host name to every address it has (A and AAAA). Injectable for tests. */
export type Resolver = (hostname: string) => Promise<LookupAddress[]>;

export const systemResolver: Resolver = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

export interface SsrfGuardOptions {
  /** Allow 127/8 and ::1. Tests set it; production leaves it off. */
  allowLoopback?: boolean;
  /** Allow RFC 1918, unique-local (fc00::/7) and CGNAT ranges, for operators on intranets. */
  allowPrivate?: boolean;
  /** Host names (exact, case-insensitive) exempt from the address check, e.g. an internal mirror. */
  allowHosts?: readonly string[];
  resolver?: Resolver;
}

/** A URL the guard approved, with the addresses the connection must use (and only those). */
export interface ApprovedTarget {
  url: URL;
  /** Host name without IPv6 brackets, as sent in Host and TLS SNI. */
  hostname: string;
  addresses: LookupAddress[];
}

const PRIVATE_CATEGORIES: ReadonlySet<AddressCategory> = new Set(['private', 'unique-local', 'cgnat']);

/**
 * Decides whether a URL may be fetched: scheme, credentials, then every address the host resolves to.
 * The caller must connect to `addresses` (see `pinnedLookup`), never resolve the name again:
 * a second lookup could answer differently (DNS rebinding).
 */
export class SsrfGuard {
  private readonly resolver: Resolver;
  private readonly allowHosts: ReadonlySet<string>;

  constructor(private readonly options: SsrfGuardOptions = {}) {
    this.resolver = options.resolver ?? systemResolver;
    this.allowHosts = new Set((options.allowHosts ?? []).map((host) => host.toLowerCase()));
  }

  async check(input: string | URL): Promise<ApprovedTarget> {
    const url = parseUrl(input);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new SsrfBlockedError(url, `scheme "${url.protocol}" is not http or https`);
    }
    if (url.username || url.password) {
      throw new SsrfBlockedError(url, 'the URL carries credentials; send them in a header instead');
    }
    // WHATWG URL parsing already turned 2130706433, 0177.0.0.1 and 0x7f.1 into 127.0.0.1.
    const hostname = url.hostname.replace(/^\[|\]$/g, '');
    const addresses = isIP(hostname)
      ? [{ address: hostname, family: isIP(hostname) }]
      : await this.resolve(url, hostname);
    if (addresses.length === 0) throw new NetworkError(url, `DNS returned no address for ${hostname}`, false);
    if (!this.allowHosts.has(hostname.toLowerCase())) {
      for (const { address } of addresses) this.assertAllowed(url, hostname, address);
    }
    return { url, hostname, addresses };
  }

  private assertAllowed(url: URL, hostname: string, address: string): void {
    const { category, reason } = classifyAddress(address);
    if (category === 'public') return;
    if (category === 'loopback' && this.options.allowLoopback) return;
    if (PRIVATE_CATEGORIES.has(category) && this.options.allowPrivate) return;
    const via = address === hostname ? '' : ` (${hostname} resolves to it)`;
    throw new SsrfBlockedError(url, `address ${address}${via} is ${category}${reason ? ` (${reason})` : ''}`);
  }

  private async resolve(url: URL, hostname: string): Promise<LookupAddress[]> {
    try {
      return await this.resolver(hostname);
    } catch (error) {
      const code = (error as { code?: string }).code;
      throw new NetworkError(
        url,
        `DNS lookup of ${hostname} failed (${code ?? String(error)})`,
        code !== 'ENOTFOUND',
        error,
      );
    }
  }
}

function parseUrl(input: string | URL): URL {
  try {
    return new URL(String(input));
  } catch {
    throw new SsrfBlockedError(String(input), 'it is not a valid absolute URL');
  }
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * A `lookup` for http.request that answers with the approved addresses only, so the socket connects
 * to exactly what the guard checked. Handles both callback shapes (`all: true` is used by Node's
 * happy-eyeballs connect).
 */
export function pinnedLookup(target: ApprovedTarget) {
  return (
    _hostname: string,
    options: { all?: boolean } | number | undefined,
    callback: LookupCallback,
  ): void => {
    const first = target.addresses[0];
    if (!first) {
      callback(Object.assign(new Error('no approved address'), { code: 'ENOTFOUND' }), '');
      return;
    }
    if (typeof options === 'object' && options?.all) callback(null, target.addresses);
    else callback(null, first.address, first.family);
  };
}

import { describe, expect, it } from 'vitest';
import { SsrfBlockedError } from './errors.ts';
import {
  IPV4_SPECIAL_PURPOSE,
  IPV6_SPECIAL_PURPOSE,
  type SpecialPurposeBlock,
} from './iana-special-purpose.ts';
import { categorizeAddress } from './ip-ranges.ts';
import { SsrfGuard } from './ssrf-guard.ts';

/** Addresses the guard must refuse because IANA's special-purpose registries list them. */
const guard = new SsrfGuard({ resolver: async () => [{ address: '93.184.215.14', family: 4 }] });
const refusal = async (address: string): Promise<string> => {
  const host = address.includes(':') ? `[${address}]` : address;
  const error = await guard.check(`http://${host}/`).catch((e: unknown) => e);
  if (!(error instanceof SsrfBlockedError)) throw new Error(`${address} was not refused`);
  return error.reason;
};

describe('SSRF guard and the newer special-purpose blocks', () => {
  it.each([
    ['5f00::1', 'Segment Routing (SRv6) SIDs'],
    ['5f00:ffff:ffff:ffff:ffff:ffff:ffff:ffff', 'Segment Routing (SRv6) SIDs'],
    ['3fff::1', 'Documentation, RFC 9637'],
    ['3fff:fff:ffff:ffff:ffff:ffff:ffff:ffff', 'Documentation, RFC 9637'],
    ['100:0:0:1::7', 'Dummy IPv6 Prefix'],
    ['64:ff9b:1::a00:1', 'IPv4-IPv6 Translat.'],
    ['2001:2::1', 'Benchmarking'],
    ['2001:10::1', 'ORCHID'],
    ['192.0.0.170', 'NAT64/DNS64 Discovery'],
    ['192.0.0.8', 'IPv4 dummy address'],
  ])('refuses %s and names the registry row (%s)', async (address, row) => {
    expect(await refusal(address)).toContain(row);
  });

  it.each(['4000::1', '6000::1', 'c000::1', '0100:1::1', 'fbff::1', 'f000::1'])(
    'refuses %s: IPv6 outside 2000::/3 is not allocated for global unicast',
    async (address) => {
      expect(await refusal(address)).toMatch(/is reserved \(outside 2000::\/3/);
    },
  );

  it.each(['2000::1', '2606:4700:4700::1111', '3ffe::1', '3fff:1000::1', '3ffe:ffff::1', '5eff:ffff::1'])(
    'leaves %s alone only when it is global unicast (2000::/3) and in no special block',
    (address) => {
      expect(categorizeAddress(address)).toBe(address.startsWith('5eff') ? 'reserved' : 'public');
    },
  );
});

// ---- every registry row: the first and the last address of each refused block ----

const parseV4 = (a: string): bigint => a.split('.').reduce((acc, p) => (acc << 8n) | BigInt(Number(p)), 0n);
function parseV6(a: string): bigint {
  const [head = '', tail] = a.split('::');
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const groups = tail === undefined ? h : [...h, ...Array<string>(8 - h.length - t.length).fill('0'), ...t];
  return groups.reduce((acc, g) => (acc << 16n) | BigInt(parseInt(g, 16)), 0n);
}
const formatV4 = (v: bigint): string => [24n, 16n, 8n, 0n].map((s) => String((v >> s) & 0xffn)).join('.');
const formatV6 = (v: bigint): string =>
  [112n, 96n, 80n, 64n, 48n, 32n, 16n, 0n].map((s) => ((v >> s) & 0xffffn).toString(16)).join(':');

function edges(block: SpecialPurposeBlock): [string, string] {
  const [address = '', prefixText = ''] = block.block.split('/');
  const v6 = address.includes(':');
  const bits = v6 ? 128n : 32n;
  const hostBits = bits - BigInt(prefixText);
  const base = v6 ? parseV6(address) : parseV4(address);
  const first = (base >> hostBits) << hostBits;
  const last = first | ((1n << hostBits) - 1n);
  const format = v6 ? formatV6 : formatV4;
  return [format(first), format(last)];
}

const rows = [...IPV4_SPECIAL_PURPOSE, ...IPV6_SPECIAL_PURPOSE];
const refusedRows = rows.filter((row) => !row.globallyReachable);
const valueOf = (a: string): bigint => (a.includes(':') ? parseV6(a) : parseV4(a));
const prefixOf = (row: SpecialPurposeBlock): number => Number(row.block.split('/')[1]);
const contains = (row: SpecialPurposeBlock, address: string): boolean => {
  const [first, last] = edges(row).map(valueOf);
  const value = valueOf(address);
  return value >= first! && value <= last!;
};
/** A globally reachable row is public unless it sits inside a refused row (see iana-special-purpose.ts). */
const insideRefused = (row: SpecialPurposeBlock): boolean =>
  refusedRows.some(
    (outer) => outer.block.includes(':') === row.block.includes(':') && contains(outer, edges(row)[0]),
  );

describe('every block of the IANA special-purpose registries', () => {
  it.each(refusedRows.map((row) => [row.block, row.name, row] as const))(
    'refuses the first and last address of %s (%s)',
    async (_block, _name, row) => {
      for (const address of edges(row)) {
        // An address is named by the narrowest refused row holding it (255.255.255.255 is in
        // 240.0.0.0/4 but is the limited broadcast address).
        const narrowest = refusedRows
          .filter(
            (other) => other.block.includes(':') === row.block.includes(':') && contains(other, address),
          )
          .sort((a, b) => prefixOf(b) - prefixOf(a))[0]!;
        expect(await refusal(address)).toContain(`is ${narrowest.category} (${narrowest.name}`);
      }
    },
  );

  it.each(rows.filter((row) => row.globallyReachable).map((row) => [row.block, row.name, row] as const))(
    'treats %s (%s, globally reachable) as public unless a refused block holds it',
    (_block, _name, row) => {
      const [first] = edges(row);
      expect(categorizeAddress(first)).toBe(insideRefused(row) ? row.category : 'public');
    },
  );
});

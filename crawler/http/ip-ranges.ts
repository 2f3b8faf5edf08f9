import { isIP } from 'node:net';

/**
 * Which address ranges are not "the public internet". Pure functions, no IO.
 * IPv6 forms that carry an IPv4 address (mapped ::ffff:a.b.c.d, translated ::ffff:0:a.b.c.d,
 * NAT64 64:ff9b::/96, 6to4 2002::/16, the old compatible ::a.b.c.d) are judged by that IPv4 address.
 */
export type AddressCategory =
  | 'public'
  | 'loopback'
  | 'private'
  | 'unique-local'
  | 'cgnat'
  | 'link-local'
  | 'unspecified'
  | 'multicast'
  | 'broadcast'
  | 'reserved'
  | 'invalid';

interface Range {
  base: bigint;
  prefix: number;
  category: AddressCategory;
}

const V4_RANGES: readonly Range[] = [
  v4('0.0.0.0', 8, 'unspecified'), // "this network"
  v4('10.0.0.0', 8, 'private'),
  v4('100.64.0.0', 10, 'cgnat'),
  v4('127.0.0.0', 8, 'loopback'),
  v4('169.254.0.0', 16, 'link-local'), // includes the cloud metadata address 169.254.169.254
  v4('172.16.0.0', 12, 'private'),
  v4('192.0.0.0', 24, 'reserved'), // IETF protocol assignments
  v4('192.0.2.0', 24, 'reserved'), // TEST-NET-1
  v4('192.88.99.0', 24, 'reserved'), // old 6to4 relay anycast
  v4('192.168.0.0', 16, 'private'),
  v4('198.18.0.0', 15, 'reserved'), // benchmarking
  v4('198.51.100.0', 24, 'reserved'), // TEST-NET-2
  v4('203.0.113.0', 24, 'reserved'), // TEST-NET-3
  v4('224.0.0.0', 4, 'multicast'),
  v4('255.255.255.255', 32, 'broadcast'),
  v4('240.0.0.0', 4, 'reserved'),
];

const V6_RANGES: readonly Range[] = [
  v6('::', 128, 'unspecified'),
  v6('::1', 128, 'loopback'),
  v6('64:ff9b:1::', 48, 'reserved'), // local-use NAT64
  v6('100::', 64, 'reserved'), // discard-only
  v6('2001::', 23, 'reserved'), // IETF protocol assignments, Teredo
  v6('2001:db8::', 32, 'reserved'), // documentation
  v6('fc00::', 7, 'unique-local'),
  v6('fe80::', 10, 'link-local'),
  v6('fec0::', 10, 'reserved'), // old site-local
  v6('ff00::', 8, 'multicast'),
];

/** The category of an IP address literal (v4 dotted quad or v6, without brackets). */
export function categorizeAddress(address: string): AddressCategory {
  const family = isIP(address);
  if (family === 4) return categorizeV4(parseV4(address));
  if (family === 6) return categorizeV6(parseV6(address));
  return 'invalid';
}

function categorizeV4(value: bigint): AddressCategory {
  return matchRange(V4_RANGES, value, 32) ?? 'public';
}

function categorizeV6(value: bigint): AddressCategory {
  const embedded = embeddedV4(value);
  if (embedded !== undefined) return categorizeV4(embedded);
  return matchRange(V6_RANGES, value, 128) ?? 'public';
}

/** The IPv4 address an IPv6 address stands for, if it is one of the forms that carry one. */
function embeddedV4(value: bigint): bigint | undefined {
  const low32 = value & 0xffffffffn;
  if (value >> 32n === 0xffffn) return low32; // ::ffff:a.b.c.d (mapped)
  if (value >> 32n === 0xffff0000n) return low32; // ::ffff:0:a.b.c.d (translated)
  if (value >> 32n === 0x64ff9b0000000000000000n) return low32; // 64:ff9b::/96 (NAT64)
  if (value >> 112n === 0x2002n) return (value >> 80n) & 0xffffffffn; // 2002:AABB:CCDD::/48 (6to4)
  if (value >> 32n === 0n && value > 1n) return low32; // ::a.b.c.d (deprecated compatible form)
  return undefined;
}

function matchRange(ranges: readonly Range[], value: bigint, bits: number): AddressCategory | undefined {
  for (const range of ranges) {
    const shift = BigInt(bits - range.prefix);
    if (value >> shift === range.base >> shift) return range.category;
  }
  return undefined;
}

function parseV4(address: string): bigint {
  return address.split('.').reduce((acc, part) => (acc << 8n) | BigInt(Number(part)), 0n);
}

function parseV6(address: string): bigint {
  let text = address.split('%')[0] ?? address; // drop a zone id (fe80::1%eth0)
  const lastColon = text.lastIndexOf(':');
  const tail = text.slice(lastColon + 1);
  if (tail.includes('.')) {
    const v4value = parseV4(tail);
    text = `${text.slice(0, lastColon + 1)}${(v4value >> 16n).toString(16)}:${(v4value & 0xffffn).toString(16)}`;
  }
  const [head = '', rest] = text.split('::');
  const headGroups = head ? head.split(':') : [];
  const restGroups = rest ? rest.split(':') : [];
  const missing = 8 - headGroups.length - restGroups.length;
  const groups =
    rest === undefined ? headGroups : [...headGroups, ...Array<string>(missing).fill('0'), ...restGroups];
  return groups.reduce((acc, group) => (acc << 16n) | BigInt(parseInt(group, 16)), 0n);
}

function v4(address: string, prefix: number, category: AddressCategory): Range {
  return { base: parseV4(address), prefix, category };
}

function v6(address: string, prefix: number, category: AddressCategory): Range {
  return { base: parseV6(address), prefix, category };
}

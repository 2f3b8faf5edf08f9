import { isIP } from 'node:net';
import {
  IPV4_SPECIAL_PURPOSE,
  IPV6_SPECIAL_PURPOSE,
  type SpecialPurposeBlock,
} from './iana-special-purpose.ts';

/**
 * Which address ranges are not "the public internet", from IANA's special-purpose registries
 * (iana-special-purpose.ts) and the rule that IPv6 global unicast lives in 2000::/3. Pure, no IO.
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
  block: SpecialPurposeBlock;
}

/** What an address is, and the registry row that says so (none for public addresses). */
export interface AddressClass {
  category: AddressCategory;
  /** The IANA registry row the address falls in, e.g. "Segment Routing (SRv6) SIDs, RFC 9602". */
  reason?: string;
}

/** Refused blocks, most specific first, so an address is named by its narrowest registry row. */
const refused = (blocks: readonly SpecialPurposeBlock[], parse: (a: string) => bigint): Range[] =>
  blocks
    .filter((block) => !block.globallyReachable)
    .map((block) => {
      const [address = '', prefix = ''] = block.block.split('/');
      return { base: parse(address), prefix: Number(prefix), block };
    })
    .sort((a, b) => b.prefix - a.prefix);

const V4_RANGES: readonly Range[] = refused(IPV4_SPECIAL_PURPOSE, parseV4);
const V6_RANGES: readonly Range[] = refused(IPV6_SPECIAL_PURPOSE, parseV6);

/** IANA allocates IPv6 global unicast only from 2000::/3; everything else is special or unassigned. */
const OUTSIDE_GLOBAL_UNICAST: AddressClass = {
  category: 'reserved',
  reason: 'outside 2000::/3, the only IPv6 space allocated for global unicast',
};

/** The category of an IP address literal (v4 dotted quad or v6, without brackets). */
export function categorizeAddress(address: string): AddressCategory {
  return classifyAddress(address).category;
}

/** The category of an IP address literal with the registry row behind it. */
export function classifyAddress(address: string): AddressClass {
  const family = isIP(address);
  if (family === 4) return classifyV4(parseV4(address));
  if (family === 6) return classifyV6(parseV6(address));
  return { category: 'invalid' };
}

function classifyV4(value: bigint): AddressClass {
  return matchRange(V4_RANGES, value, 32) ?? { category: 'public' };
}

function classifyV6(value: bigint): AddressClass {
  const embedded = embeddedV4(value);
  if (embedded !== undefined) return classifyV4(embedded);
  const special = matchRange(V6_RANGES, value, 128);
  if (special) return special;
  return value >> 125n === 1n ? { category: 'public' } : OUTSIDE_GLOBAL_UNICAST;
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

function matchRange(ranges: readonly Range[], value: bigint, bits: number): AddressClass | undefined {
  for (const range of ranges) {
    const shift = BigInt(bits - range.prefix);
    if (value >> shift === range.base >> shift) {
      return { category: range.block.category, reason: `${range.block.name}, ${range.block.spec}` };
    }
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

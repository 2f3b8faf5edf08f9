/**
 * IANA's special-purpose address registries, as data: the list the SSRF guard refuses.
 *
 * Sources (IETF Review registries, RFC 6890 and RFC 8190):
 * - IPv4: https://www.iana.org/assignments/iana-ipv4-special-registry/
 * - IPv6: https://www.iana.org/assignments/iana-ipv6-special-registry/ (looked up December 2026;
 *   that copy's "last updated" was 2025-10-09, after 3fff::/20 (RFC 9637, 2024), 5f00::/16
 *   (RFC 9602, 2024) and 100:0:0:1::/64 (RFC 9780, 2025) were added)
 * plus two blocks from the address-space registries that the special-purpose ones leave out:
 * multicast (224.0.0.0/4, ff00::/8) and deprecated site-local (fec0::/10). Beyond the lists, every
 * IPv6 address outside 2000::/3 is refused (see ip-ranges.ts): IANA allocates global unicast only
 * from 2000::/3, so a new special block elsewhere (as 5f00::/16 was in 2024) is refused before
 * anyone updates this file.
 *
 * `globallyReachable` is the registry's "Globally Reachable" column (N/A counts as false). The guard
 * refuses every block with false. Blocks marked true that sit inside a refused block (anycast
 * service addresses in 192.0.0.0/24 and 2001::/23) stay refused: nothing Markhound fetches lives
 * there, and a narrower hole is a narrower attack surface. Top-level blocks marked true (AS112,
 * AMT relays, 64:ff9b::/96) are ordinary public hosts and are listed for completeness only.
 *
 * To update: compare with the registries above, add or change rows, keep one row per registry
 * row, and add the block to ssrf-guard.test.ts through the data-driven test (it reads this list).
 */
export type SpecialCategory =
  | 'unspecified'
  | 'private'
  | 'cgnat'
  | 'loopback'
  | 'link-local'
  | 'unique-local'
  | 'multicast'
  | 'broadcast'
  | 'reserved';

export interface SpecialPurposeBlock {
  /** CIDR block as IANA writes it. */
  block: string;
  /** The registry's name for the block. */
  name: string;
  /** Where the block is defined. */
  spec: string;
  globallyReachable: boolean;
  /** How the guard describes an address in the block. */
  category: SpecialCategory;
}

/** One registry row: block, name, defining spec, globally reachable, category. */
type Row = [block: string, name: string, spec: string, globallyReachable: boolean, category: SpecialCategory];
const toBlocks = (rows: Row[]): SpecialPurposeBlock[] =>
  rows.map(([block, name, spec, globallyReachable, category]) => ({
    block,
    name,
    spec,
    globallyReachable,
    category,
  }));

// prettier-ignore
export const IPV4_SPECIAL_PURPOSE: readonly SpecialPurposeBlock[] = toBlocks([
  ['0.0.0.0/8',          '"This network"',                            'RFC 791',            false, 'unspecified'],
  ['0.0.0.0/32',         '"This host on this network"',               'RFC 1122',           false, 'unspecified'],
  ['10.0.0.0/8',         'Private-Use',                               'RFC 1918',           false, 'private'],
  ['100.64.0.0/10',      'Shared Address Space',                      'RFC 6598',           false, 'cgnat'],
  ['127.0.0.0/8',        'Loopback',                                  'RFC 1122',           false, 'loopback'],
  ['169.254.0.0/16',     'Link Local',                                'RFC 3927',           false, 'link-local'],
  ['172.16.0.0/12',      'Private-Use',                               'RFC 1918',           false, 'private'],
  ['192.0.0.0/24',       'IETF Protocol Assignments',                 'RFC 6890',           false, 'reserved'],
  ['192.0.0.0/29',       'IPv4 Service Continuity Prefix',            'RFC 7335',           false, 'reserved'],
  ['192.0.0.8/32',       'IPv4 dummy address',                        'RFC 7600',           false, 'reserved'],
  ['192.0.0.9/32',       'Port Control Protocol Anycast',             'RFC 7723',           true,  'reserved'],
  ['192.0.0.10/32',      'Traversal Using Relays around NAT Anycast', 'RFC 8155',           true,  'reserved'],
  ['192.0.0.170/32',     'NAT64/DNS64 Discovery',                     'RFC 8880, RFC 7050', false, 'reserved'],
  ['192.0.0.171/32',     'NAT64/DNS64 Discovery',                     'RFC 8880, RFC 7050', false, 'reserved'],
  ['192.0.2.0/24',       'Documentation (TEST-NET-1)',                'RFC 5737',           false, 'reserved'],
  ['192.31.196.0/24',    'AS112-v4',                                  'RFC 7535',           true,  'reserved'],
  ['192.52.193.0/24',    'AMT',                                       'RFC 7450',           true,  'reserved'],
  ['192.88.99.0/24',     'Deprecated (6to4 Relay Anycast)',           'RFC 7526',           false, 'reserved'],
  ['192.168.0.0/16',     'Private-Use',                               'RFC 1918',           false, 'private'],
  ['192.175.48.0/24',    'Direct Delegation AS112 Service',           'RFC 7534',           true,  'reserved'],
  ['198.18.0.0/15',      'Benchmarking',                              'RFC 2544',           false, 'reserved'],
  ['198.51.100.0/24',    'Documentation (TEST-NET-2)',                'RFC 5737',           false, 'reserved'],
  ['203.0.113.0/24',     'Documentation (TEST-NET-3)',                'RFC 5737',           false, 'reserved'],
  ['240.0.0.0/4',        'Reserved',                                  'RFC 1112',           false, 'reserved'],
  ['255.255.255.255/32', 'Limited Broadcast',                         'RFC 8190, RFC 919',  false, 'broadcast'],
  // IPv4 Multicast Address Space registry (not a special-purpose row, refused all the same).
  ['224.0.0.0/4',        'Multicast',                                 'RFC 5771',           false, 'multicast'],
]);

// prettier-ignore
export const IPV6_SPECIAL_PURPOSE: readonly SpecialPurposeBlock[] = toBlocks([
  ['::1/128',           'Loopback Address',                                   'RFC 4291',           false, 'loopback'],
  ['::/128',            'Unspecified Address',                                'RFC 4291',           false, 'unspecified'],
  // ::ffff:0:0/96 (IPv4-mapped), 64:ff9b::/96 (IPv4-IPv6 translation, globally reachable) and
  // 2002::/16 (6to4) carry an IPv4 address and are judged by it (ip-ranges.ts), not listed here.
  ['64:ff9b:1::/48',    'IPv4-IPv6 Translat.',                                'RFC 8215',           false, 'reserved'],
  ['100::/64',          'Discard-Only Address Block',                         'RFC 6666',           false, 'reserved'],
  ['100:0:0:1::/64',    'Dummy IPv6 Prefix',                                  'RFC 9780',           false, 'reserved'],
  ['2001::/23',         'IETF Protocol Assignments',                          'RFC 2928',           false, 'reserved'],
  ['2001::/32',         'TEREDO',                                             'RFC 4380, RFC 8190', false, 'reserved'],
  ['2001:1::1/128',     'Port Control Protocol Anycast',                      'RFC 7723',           true,  'reserved'],
  ['2001:1::2/128',     'Traversal Using Relays around NAT Anycast',          'RFC 8155',           true,  'reserved'],
  ['2001:1::3/128',     'DNS-SD Service Registration Protocol Anycast',       'RFC 9665',           true,  'reserved'],
  ['2001:2::/48',       'Benchmarking',                                       'RFC 5180',           false, 'reserved'],
  ['2001:3::/32',       'AMT',                                                'RFC 7450',           true,  'reserved'],
  ['2001:4:112::/48',   'AS112-v6',                                           'RFC 7535',           true,  'reserved'],
  ['2001:10::/28',      'Deprecated (previously ORCHID)',                     'RFC 4843',           false, 'reserved'],
  ['2001:20::/28',      'ORCHIDv2',                                           'RFC 7343',           true,  'reserved'],
  ['2001:30::/28',      'Drone Remote ID Protocol Entity Tags (DETs) Prefix', 'RFC 9374',           true,  'reserved'],
  ['2001:db8::/32',     'Documentation',                                      'RFC 3849',           false, 'reserved'],
  ['2620:4f:8000::/48', 'Direct Delegation AS112 Service',                    'RFC 7534',           true,  'reserved'],
  ['3fff::/20',         'Documentation',                                      'RFC 9637',           false, 'reserved'],
  ['5f00::/16',         'Segment Routing (SRv6) SIDs',                        'RFC 9602',           false, 'reserved'],
  ['fc00::/7',          'Unique-Local',                                       'RFC 4193, RFC 8190', false, 'unique-local'],
  ['fe80::/10',         'Link-Local Unicast',                                 'RFC 4291',           false, 'link-local'],
  // IPv6 Address Space registry rows (not special-purpose rows, refused all the same).
  ['fec0::/10',         'Site-local (deprecated)',                            'RFC 3879',           false, 'reserved'],
  ['ff00::/8',          'Multicast',                                          'RFC 4291',           false, 'multicast'],
]);

import { describe, expect, it } from 'vitest';
import type { LookupAddress } from 'node:dns';
import { SsrfGuard, type Resolver } from './ssrf-guard.ts';
import { NetworkError, SsrfBlockedError } from './errors.ts';
import { rejectionOf } from './testing/local-server.ts';
import { categorizeAddress } from './ip-ranges.ts';

const answers = (...addresses: string[]): LookupAddress[] =>
  addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
const resolveTo =
  (...addresses: string[]): Resolver =>
  async () =>
    answers(...addresses);

describe('SsrfGuard', () => {
  const blockedLiterals: Array<[string, string]> = [
    ['http://10.1.2.3/', 'private'],
    ['http://172.16.0.1/', 'private'],
    ['http://172.31.255.255/', 'private'],
    ['http://192.168.1.1/', 'private'],
    ['http://127.0.0.1/', 'loopback'],
    ['http://127.255.0.9/', 'loopback'],
    ['http://[::1]/', 'loopback'],
    ['http://169.254.169.254/latest/meta-data/', 'link-local'],
    ['http://[fe80::1]/', 'link-local'],
    ['http://[fc00::1]/', 'unique-local'],
    ['http://[fd12:3456::1]/', 'unique-local'],
    ['http://100.64.0.1/', 'cgnat'],
    ['http://100.127.255.254/', 'cgnat'],
    ['http://0.0.0.0/', 'unspecified'],
    ['http://[::]/', 'unspecified'],
    ['http://224.0.0.1/', 'multicast'],
    ['http://[ff02::1]/', 'multicast'],
    ['http://255.255.255.255/', 'broadcast'],
    ['http://240.0.0.1/', 'reserved'],
    ['http://192.0.2.10/', 'reserved'],
    ['http://[2001:db8::1]/', 'reserved'],
    ['http://[::ffff:127.0.0.1]/', 'loopback'],
    ['http://[::ffff:7f00:1]/', 'loopback'],
    ['http://[::ffff:a9fe:a9fe]/', 'link-local'],
    ['http://[::ffff:0:7f00:1]/', 'loopback'],
    ['http://[64:ff9b::a9fe:a9fe]/', 'link-local'],
    ['http://[2002:7f00:1::]/', 'loopback'],
    ['http://2130706433/', 'loopback'],
    ['http://0177.0.0.1/', 'loopback'],
    ['http://0x7f.1/', 'loopback'],
    ['http://0xa9fea9fe/', 'link-local'],
  ];

  it.each(blockedLiterals)('refuses %s (%s)', async (url, category) => {
    const guard = new SsrfGuard({ resolver: resolveTo('93.184.215.14') });
    const error = await guard.check(url).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SsrfBlockedError);
    expect((error as SsrfBlockedError).reason).toContain(`is ${category}`);
  });

  it('allows a public address and returns it as the address to connect to', async () => {
    const guard = new SsrfGuard({
      resolver: resolveTo('93.184.215.14', '2606:2800:21f:cb07:6820:80da:af6b:8b2c'),
    });
    const target = await guard.check('https://registry.example/bulk/2026-11-21.zip');
    expect(target.hostname).toBe('registry.example');
    expect(target.addresses.map((a) => a.address)).toEqual([
      '93.184.215.14',
      '2606:2800:21f:cb07:6820:80da:af6b:8b2c',
    ]);
  });

  it('refuses a host when any one of its answers is private', async () => {
    const guard = new SsrfGuard({ resolver: resolveTo('93.184.215.14', '10.0.0.5') });
    await expect(guard.check('https://mixed.example/')).rejects.toThrow(
      /address 10\.0\.0\.5 \(mixed\.example resolves to it\) is private/,
    );
  });

  it('judges each lookup afresh: a name that rebinds to a private address is refused the second time', async () => {
    let calls = 0;
    const rebinding: Resolver = async () =>
      ++calls === 1 ? answers('93.184.215.14') : answers('169.254.169.254');
    const guard = new SsrfGuard({ resolver: rebinding });
    const first = await guard.check('http://rebind.example/');
    expect(first.addresses).toEqual(answers('93.184.215.14'));
    await expect(guard.check('http://rebind.example/')).rejects.toBeInstanceOf(SsrfBlockedError);
  });

  it('allows loopback only when asked, and private ranges only with allowPrivate', async () => {
    await expect(
      new SsrfGuard({ allowLoopback: true }).check('http://127.0.0.1:8080/'),
    ).resolves.toMatchObject({ hostname: '127.0.0.1' });
    await expect(new SsrfGuard({ allowLoopback: true }).check('http://10.0.0.1/')).rejects.toBeInstanceOf(
      SsrfBlockedError,
    );
    await expect(new SsrfGuard({ allowPrivate: true }).check('http://10.0.0.1/')).resolves.toMatchObject({
      hostname: '10.0.0.1',
    });
    await expect(
      new SsrfGuard({ allowPrivate: true }).check('http://169.254.169.254/'),
    ).rejects.toBeInstanceOf(SsrfBlockedError);
  });

  it('exempts hosts on the allow list, and only those', async () => {
    const guard = new SsrfGuard({ allowHosts: ['Mirror.Intranet'], resolver: resolveTo('10.9.9.9') });
    await expect(guard.check('http://mirror.intranet/x')).resolves.toMatchObject({
      addresses: answers('10.9.9.9'),
    });
    await expect(guard.check('http://other.intranet/x')).rejects.toBeInstanceOf(SsrfBlockedError);
  });

  it.each(['file:///etc/passwd', 'ftp://example.org/x', 'gopher://example.org/', 'javascript:alert(1)'])(
    'refuses the scheme of %s',
    async (url) => {
      await expect(new SsrfGuard({ resolver: resolveTo('93.184.215.14') }).check(url)).rejects.toThrow(
        /is not http or https/,
      );
    },
  );

  it('refuses credentials in the URL without echoing them', async () => {
    const error = await rejectionOf(
      new SsrfGuard({ resolver: resolveTo('93.184.215.14') }).check('https://bob:hunter2@example.org/'),
    );
    expect(error).toBeInstanceOf(SsrfBlockedError);
    expect(error.message).toContain('carries credentials');
    expect(error.message).not.toContain('hunter2');
  });

  it('reports an unknown host as a network error that will not be retried', async () => {
    const nxdomain: Resolver = async () => {
      throw Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' });
    };
    const error = await new SsrfGuard({ resolver: nxdomain })
      .check('https://no-such-host.example/')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).retryable).toBe(false);
  });
});

describe('categorizeAddress at the edges of the ranges', () => {
  it.each([
    ['8.8.8.8', 'public'],
    ['9.255.255.255', 'public'],
    ['11.0.0.0', 'public'],
    ['100.63.255.255', 'public'],
    ['100.128.0.0', 'public'],
    ['169.253.255.255', 'public'],
    ['172.15.255.255', 'public'],
    ['172.32.0.0', 'public'],
    ['192.167.255.255', 'public'],
    ['223.255.255.255', 'public'],
    ['2606:4700:4700::1111', 'public'],
    ['2001:4860:4860::8888', 'public'],
    ['::ffff:8.8.8.8', 'public'],
    ['fe80::1%eth0', 'link-local'],
    ['febf::1', 'link-local'],
    ['fbff::1', 'reserved'], // just below fc00::/7, but outside 2000::/3: not global unicast either
    ['2000::1', 'public'],
    ['not-an-ip', 'invalid'],
  ])('%s is %s', (address, category) => {
    expect(categorizeAddress(address)).toBe(category);
  });
});

import dgram from 'node:dgram';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type LocalServer } from '../http/testing/local-server.ts';
import { localOnlyGuard } from '../../tests/evidence/fixture-server.ts';
import { capturePage } from './capture.ts';
import { launchBrowser } from './launch.ts';

// WebRTC sends UDP itself, past the guarding HTTP proxy: a captured page could make the browser
// send STUN packets to loopback or private addresses (UDP SSRF) and learn the host's addresses
// from its ICE candidates. The capture browser runs with Chromium's WebRTC IP-handling policy
// disable_non_proxied_udp: no UDP that does not go through the proxy, so none at all.

/** Page script: gather ICE candidates against STUN servers at `targets`, report them in the title. */
const gatherScript = (targets: string[]) => `
(async () => {
  const found = [];
  try {
    const pc = new RTCPeerConnection({ iceServers: ${JSON.stringify(targets.map((t) => ({ urls: `stun:${t}` })))} });
    pc.createDataChannel('probe');
    pc.onicecandidate = (e) => { if (e.candidate && e.candidate.candidate) found.push(e.candidate.candidate); };
    await pc.setLocalDescription(await pc.createOffer());
    await new Promise((r) => setTimeout(r, 2000));
  } catch (error) { found.push('error ' + error); }
  document.title = 'candidates:' + found.length;
  document.getElementById('out').textContent = JSON.stringify(found);
})();`;

let stun: dgram.Socket;
let stunPort = 0;
let packets: string[] = [];
let server: LocalServer;
let browser: Browser;

beforeAll(async () => {
  stun = dgram.createSocket('udp4');
  stun.on('message', (_msg, from) => packets.push(`${from.address}:${from.port}`));
  await new Promise<void>((resolve) => stun.bind(0, '127.0.0.1', () => resolve()));
  stunPort = (stun.address() as AddressInfo).port;
  server = await startServer((req, res) => {
    if (req.url?.startsWith('/slow')) {
      // Holds the page's load event until the script above has reported.
      setTimeout(() => res.writeHead(200, { 'content-type': 'image/gif' }).end(), 2500);
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(
      `<!doctype html><html><head><title>probe</title><script>${gatherScript([`127.0.0.1:${stunPort}`, '10.0.0.1:3478'])}</script></head>` +
        `<body><pre id="out"></pre><img src="/slow.gif"></body></html>`,
    );
  });
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  stun?.close();
});

describe('WebRTC in the capture browser', () => {
  it('gathers no ICE candidate and sends no STUN packet to a loopback address', async () => {
    packets = [];
    const page = await browser.newPage();
    try {
      await page.setContent('<!doctype html><html><body><pre id="out"></pre></body></html>');
      await page.evaluate(gatherScript([`127.0.0.1:${stunPort}`, '192.168.0.1:3478']));
      await page.waitForFunction("document.title.startsWith('candidates:')", null, { timeout: 10_000 });
      const candidates = JSON.parse((await page.textContent('#out')) ?? '[]') as string[];
      expect(candidates.filter((c) => / typ (host|srflx|prflx|relay)/.test(c))).toEqual([]);
      expect(candidates.filter((c) => c.startsWith('error'))).toEqual([]); // WebRTC ran; it found no route
    } finally {
      await page.close();
    }
    expect(packets).toEqual([]);
  }, 30_000);

  it('lets a captured page reach no loopback or private address over UDP', async () => {
    packets = [];
    const capture = await capturePage(server.url('/'), {
      browser,
      guard: localOnlyGuard(),
      market: 'US',
      timeoutMs: 20_000,
    });
    expect(capture.html.toString('utf8')).toContain('<title>candidates:0</title>');
    expect(packets).toEqual([]);
  }, 60_000);
});

import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * Flags for the system Chromium: headless, no sandbox (containers run as root), and nothing that
 * talks to Google in the background, so every request the browser makes is one the page asked for
 * (and the SSRF guard saw). WebRTC sends UDP on its own, past the guarding proxy (STUN to a
 * loopback or private address is UDP SSRF, and host candidates leak the host's addresses):
 * `disable_non_proxied_udp` lets it use only what goes through the proxy, which carries no UDP.
 * (Debian's Chromium reads `--webrtc-ip-handling-policy`; the `force-` spelling is ignored.)
 */
export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--webrtc-ip-handling-policy=disable_non_proxied_udp',
];

export interface LaunchOptions {
  executablePath?: string;
  timeoutMs?: number;
}

/**
 * Starts the system Chromium. Playwright gives every launch a fresh temporary user data dir and
 * removes it on close, so no cookie or cache carries over from one capture run to the next.
 */
export function launchBrowser(options: LaunchOptions = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: options.executablePath ?? CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    headless: true,
    timeout: options.timeoutMs ?? 30_000,
  });
}
